import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { guildIdColumn } from './guilds';
import { users } from './users';

export const xpReason = pgEnum('xp_reason', ['watch', 'login', 'chat', 'friend', 'event', 'ad_watch']);
export const leaderboardType = pgEnum('leaderboard_type', ['individual', 'guild']);
export const leaderboardPeriod = pgEnum('leaderboard_period', ['weekly', 'monthly', 'alltime']);

/** Every XP gain; users.xp is the sum of a user's rows and users.level follows from it. */
export const xpLog = pgTable(
  'xp_log',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    amount: integer('amount').notNull(),
    reason: xpReason('reason').notNull(),
    /**
     * Natural key of the award ("login:2025-01-31", "ad:<adId>", "task:<taskId>") so a retried job or a
     * duplicate request cannot award the same XP twice. Null for awards without one.
     */
    dedupeKey: text('dedupe_key'),
    ...timestamps(),
  },
  (t) => [
    // Daily caps and history: WHERE user_id = $1 AND created_at >= $2.
    index('xp_log_user_id_created_at_idx').on(t.userId, t.createdAt),
    unique('xp_log_user_id_dedupe_key_key').on(t.userId, t.dedupeKey),
  ],
);

/**
 * Seed 000 leaderboard cache, written by the weekly and monthly resets: a finished period's ranking.
 * entity_id is a user id or a guild id (by type); snapshot_at is the start of the period it ranks (the
 * week's Monday, the month's first day, 00:00 UTC), so a re-run of one reset cannot write a second copy.
 */
export const leaderboardSnapshots = pgTable(
  'leaderboard_snapshots',
  {
    id: uuidPk(),
    type: leaderboardType('type').notNull(),
    period: leaderboardPeriod('period').notNull(),
    rank: integer('rank').notNull(),
    entityId: uuid('entity_id').notNull(),
    watchHours: doublePrecision('watch_hours').notNull().default(0),
    snapshotAt: timestamptz('snapshot_at').notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    // Latest board: WHERE type AND period AND snapshot_at = (latest) ORDER BY rank.
    index('leaderboard_snapshots_board_idx').on(t.type, t.period, t.snapshotAt, t.rank),
    // A re-run of the same snapshot cannot list an entity twice.
    unique('leaderboard_snapshots_entity_key').on(t.type, t.period, t.snapshotAt, t.entityId),
    index('leaderboard_snapshots_entity_id_idx').on(t.entityId),
    check('leaderboard_snapshots_rank_positive', sql`${t.rank} >= 1`),
  ],
);

/**
 * Maintained leaderboard aggregates (issue 7): one row per entity on a board, with its watch seconds.
 * `board` is `@wt/schemas` boardKey(): `individual:weekly:2026-11-23`, `guild:alltime`, ... The accrual
 * job writes absolute values recomputed from watch_sessions, so a re-run changes nothing. PostgreSQL is
 * the source of truth; Redis sorted sets with the same keys are a rebuildable copy.
 */
export const leaderboardEntries = pgTable(
  'leaderboard_entries',
  {
    board: text('board').notNull(),
    entityId: uuid('entity_id').notNull(),
    seconds: integer('seconds').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.board, t.entityId] }),
    // Top of a board and the rank walk within a bucket: ORDER BY seconds DESC, entity_id DESC (NULLS
    // FIRST is PostgreSQL's default for DESC; drizzle's plain desc() would write NULLS LAST, which that
    // ORDER BY cannot use).
    index('leaderboard_entries_rank_idx').on(t.board, t.seconds.desc().nullsFirst(), t.entityId.desc().nullsFirst()),
    index('leaderboard_entries_entity_id_idx').on(t.entityId),
    check('leaderboard_entries_seconds_positive', sql`${t.seconds} > 0`),
  ],
);

/**
 * How many entries of a board fall in each 10 s of watch time (SQL `leaderboard_bucket(seconds)`), kept
 * by a trigger on leaderboard_entries. A rank is the sum of the buckets above (at most 14,400 rows for a
 * week) plus a walk inside one bucket, so it costs about the same for the 1st and the 900,000th.
 */
export const leaderboardBuckets = pgTable(
  'leaderboard_buckets',
  {
    board: text('board').notNull(),
    bucket: integer('bucket').notNull(),
    entries: integer('entries').notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.board, t.bucket] }), check('leaderboard_buckets_entries_nonnegative', sql`${t.entries} >= 0`)],
);

/**
 * A guild's watch time is what its members watched while they were members (issue 8): one row per
 * membership (guild, user, joined_at) and board. Leaving keeps the rows; rejoining starts a new
 * membership. A guild's entry on a board is the sum of its rows.
 */
export const guildWatchContributions = pgTable(
  'guild_watch_contributions',
  {
    guildId: guildIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamptz('joined_at').notNull(),
    board: text('board').notNull(),
    seconds: integer('seconds').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.joinedAt, t.board] }),
    index('guild_watch_contributions_board_idx').on(t.board, t.guildId),
    index('guild_watch_contributions_user_id_idx').on(t.userId),
  ],
);

/** Where a recurring job got to (the watch accrual's last run), so a restart catches up from there. */
export const jobCursors = pgTable('job_cursors', {
  name: text('name').primaryKey(),
  at: timestamptz('at').notNull(),
  ...timestamps(),
});

/**
 * One row per finished period whose reset ran (snapshot, rewards, notices): the reset's
 * idempotency key. `period_start` is the week's Monday or the month's first day.
 */
export const leaderboardResets = pgTable(
  'leaderboard_resets',
  {
    period: leaderboardPeriod('period').notNull(),
    periodStart: timestamptz('period_start').notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.period, t.periodStart] })],
);
