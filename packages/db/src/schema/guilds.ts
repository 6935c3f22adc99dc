import { sql } from 'drizzle-orm';
import {
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

export const guildRole = pgEnum('guild_role', ['leader', 'officer', 'member']);

export const guilds = pgTable(
  'guilds',
  {
    id: uuidPk(),
    name: text('name').notNull().unique(),
    description: text('description'),
    avatarUrl: text('avatar_url'),
    // Ownership is transferred before an owner leaves, so deleting the owner is refused.
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    maxMembers: integer('max_members').notNull().default(10),
    isPublic: boolean('is_public').notNull().default(true),
    /** Hours (seed 000 `float`), recomputed from watch_sessions by the hourly job. */
    totalWatchHours: doublePrecision('total_watch_hours').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('guilds_owner_id_idx').on(t.ownerId),
    // Seed 000: guilds hold at most 10 members.
    check('guilds_max_members_range', sql`${t.maxMembers} BETWEEN 2 AND 10`),
    check('guilds_total_watch_hours_nonnegative', sql`${t.totalWatchHours} >= 0`),
  ],
);

export const guildMembers = pgTable(
  'guild_members',
  {
    guildId: uuid('guild_id')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
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
