import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';

/** Platform role (seed 004: viewer / creator / admin). Creator status itself lives in creator_profiles. */
export const userRole = pgEnum('user_role', ['viewer', 'creator', 'admin']);

/**
 * Seed 000 `users`, plus what auth and settings need. Limits mirror packages/schemas LIMITS
 * (username 3-20 [a-zA-Z0-9_], display name 30, bio 160); the database enforces them too so no
 * code path can store what the forms would reject.
 */
export const users = pgTable(
  'users',
  {
    id: uuidPk(),
    username: text('username').notNull().unique(),
    displayName: text('display_name'),
    email: text('email').notNull().unique(),
    avatarUrl: text('avatar_url'),
    bio: text('bio'),
    level: integer('level').notNull().default(1),
    xp: integer('xp').notNull().default(0),
    isPremium: boolean('is_premium').notNull().default(false),
    premiumUntil: timestamptz('premium_until'),
    isVerified: boolean('is_verified').notNull().default(false),
    emailVerified: boolean('email_verified').notNull().default(false),
    role: userRole('role').notNull().default('viewer'),
    /** Privacy, notification and room-default preferences; the shape is validated by packages/schemas. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    lastLoginAt: timestamptz('last_login_at'),
    /** Username changes are rate-limited (issue 6): the last one, null if never changed. */
    usernameChangedAt: timestamptz('username_changed_at'),
    /** Deactivation keeps the data for 30 days (seed 000 settings); deleted_at marks a queued GDPR purge. */
    deactivatedAt: timestamptz('deactivated_at'),
    deletedAt: timestamptz('deleted_at'),
    ...timestamps(),
  },
  (t) => [
    // Usernames and emails are unique case-insensitively: "Demo" and "demo" are the same person.
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_username_format', sql`${t.username} ~ '^[A-Za-z0-9_]{3,20}$'`),
    check('users_display_name_length', sql`char_length(${t.displayName}) <= 30`),
    check('users_bio_length', sql`char_length(${t.bio}) <= 160`),
    check('users_level_range', sql`${t.level} BETWEEN 1 AND 10`),
    check('users_xp_nonnegative', sql`${t.xp} >= 0`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
