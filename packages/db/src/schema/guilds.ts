import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { users } from './users';

/** A row of a guild (gone with the guild). */
export const guildIdColumn = () =>
  uuid('guild_id')
    .notNull()
    .references(() => guilds.id, { onDelete: 'cascade' });
/** The person a guild row is about (gone with the account row). */
const userIdColumn = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const guildRole = pgEnum('guild_role', ['leader', 'officer', 'member']);
export const guildLeftReason = pgEnum('guild_left_reason', ['left', 'kicked', 'disbanded']);

export const guilds = pgTable(
  'guilds',
  {
    id: uuidPk(),
    /** Unique case-insensitively among guilds that are not disbanded (a disbanded guild frees its name). */
    name: text('name').notNull(),
    description: text('description'),
    avatarUrl: text('avatar_url'),
    // Ownership is transferred before an owner leaves, so deleting the owner is refused.
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    maxMembers: integer('max_members').notNull().default(10),
    isPublic: boolean('is_public').notNull().default(true),
    /**
     * Hours (seed 000 `float`): what members watched while they were members, all time (the sum of the
     * guild's `guild:alltime` contributions), refreshed by the accrual and the hourly guild job.
     */
    totalWatchHours: doublePrecision('total_watch_hours').notNull().default(0),
    /**
     * Set by a disband: the guild keeps its row (past leaderboards, chat and challenges still name it),
     * loses its members and rooms, leaves the current boards and frees its name.
     */
    disbandedAt: timestamptz('disbanded_at'),
    ...timestamps(),
  },
  (t) => [
    index('guilds_owner_id_idx').on(t.ownerId),
    uniqueIndex('guilds_name_lower_key').on(sql`lower(${t.name})`).where(sql`${t.disbandedAt} IS NULL`),
    // Seed 000: guilds hold at most 10 members.
    check('guilds_max_members_range', sql`${t.maxMembers} BETWEEN 2 AND 10`),
    check('guilds_total_watch_hours_nonnegative', sql`${t.totalWatchHours} >= 0`),
  ],
);

export const guildMembers = pgTable(
  'guild_members',
  {
    guildId: guildIdColumn(),
    userId: userIdColumn(),
    role: guildRole('role').notNull().default('member'),
    joinedAt: timestamptz('joined_at').notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId] }),
    // A user belongs to one guild at a time (the profile shows `guild | null`); also serves the FK.
    uniqueIndex('guild_members_user_id_key').on(t.userId),
  ],
);

/**
 * Every membership with its span (issue 8): a guild's watch time counts only what a member watched
 * between `joined_at` and `left_at`, so joining does not import a stranger's history and leaving does
 * not strip the guild. `guild_members` is the current roster; this is its history.
 */
export const guildMemberships = pgTable(
  'guild_memberships',
  {
    id: uuidPk(),
    guildId: guildIdColumn(),
    userId: userIdColumn(),
    joinedAt: timestamptz('joined_at').notNull(),
    leftAt: timestamptz('left_at'),
    /** Why it ended: a kicked person comes back only with an invite (or an approved request). */
    leftReason: guildLeftReason('left_reason'),
    ...timestamps(),
  },
  (t) => [
    index('guild_memberships_guild_id_idx').on(t.guildId),
    check('guild_memberships_left_reason', sql`(${t.leftAt} IS NULL) = (${t.leftReason} IS NULL)`),
    // The accrual reads a user's memberships: WHERE user_id = ANY($1).
    index('guild_memberships_user_id_idx').on(t.userId),
    uniqueIndex('guild_memberships_open_key').on(t.userId).where(sql`${t.leftAt} IS NULL`),
    check('guild_memberships_span', sql`${t.leftAt} IS NULL OR ${t.leftAt} >= ${t.joinedAt}`),
  ],
);

/** An officer or the leader invited someone; accepting joins (public or private, while there is room). */
export const guildInvites = pgTable(
  'guild_invites',
  {
    guildId: guildIdColumn(),
    userId: userIdColumn(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId] }),
    index('guild_invites_user_id_idx').on(t.userId),
    index('guild_invites_invited_by_idx').on(t.invitedBy),
  ],
);

/** Someone asks to join a private guild; an officer or the leader approves or declines. */
export const guildJoinRequests = pgTable(
  'guild_join_requests',
  {
    guildId: guildIdColumn(),
    userId: userIdColumn(),
    message: text('message'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId] }),
    index('guild_join_requests_user_id_idx').on(t.userId),
    check('guild_join_requests_message_length', sql`char_length(${t.message}) <= 200`),
  ],
);

/** Guild chat on the /guilds namespace. */
export const guildMessages = pgTable(
  'guild_messages',
  {
    id: uuidPk(),
    /** Insertion order: history pages by it. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    guildId: guildIdColumn(),
    userId: userIdColumn(),
    content: text('content').notNull(),
    ...timestamps(),
  },
  (t) => [
    // History: WHERE guild_id = $1 [AND seq < $2] ORDER BY seq DESC LIMIT n.
    index('guild_messages_guild_id_seq_idx').on(t.guildId, t.seq.desc()),
    // Rate limit: a user's latest messages.
    index('guild_messages_user_id_created_at_idx').on(t.userId, t.createdAt.desc()),
    check('guild_messages_content_length', sql`char_length(${t.content}) BETWEEN 1 AND 500`),
  ],
);

/** A guild challenge (issue 8): officers set a watch-hour goal for a time window. */
export const guildEvents = pgTable(
  'guild_events',
  {
    id: uuidPk(),
    guildId: guildIdColumn(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    goalHours: doublePrecision('goal_hours').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('guild_events_guild_id_ends_at_idx').on(t.guildId, t.endsAt),
    index('guild_events_created_by_idx').on(t.createdBy),
    check('guild_events_window', sql`${t.endsAt} > ${t.startsAt}`),
    check('guild_events_goal_positive', sql`${t.goalHours} > 0`),
  ],
);
