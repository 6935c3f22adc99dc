import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
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

/** Seed 000 leaderboard cache, written by the weekly job. entity_id is a user id or a guild id (by type). */
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
