import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { users } from './users';

export const creatorStatus = pgEnum('creator_status', ['applied', 'approved', 'rejected']);

/** A user's Shorts creator identity; admins approve applications (seed 004). */
export const creatorProfiles = pgTable(
  'creator_profiles',
  {
    id: uuidPk(),
    // Earnings and payouts hang off the profile, so a creator with a profile cannot be hard-deleted.
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: creatorStatus('status').notNull().default('applied'),
    slug: text('slug').notNull().unique(),
    displayName: text('display_name').notNull(),
    bio: text('bio'),
    avatarUrl: text('avatar_url'),
    /** Up to five https links (site, socials). */
    links: jsonb('links').$type<string[]>().notNull().default([]),
    /** Why an application was rejected (shown to the applicant). */
    reviewReason: text('review_reason'),
    /** Creator share of net revenue in basis points (7000 = 70%). */
    revenueShareBps: integer('revenue_share_bps').notNull().default(7000),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamptz('reviewed_at'),
    ...timestamps(),
  },
  (t) => [
    index('creator_profiles_status_idx').on(t.status, t.createdAt),
    index('creator_profiles_reviewed_by_idx').on(t.reviewedBy),
    check('creator_profiles_revenue_share_range', sql`${t.revenueShareBps} BETWEEN 0 AND 10000`),
    check('creator_profiles_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('creator_profiles_bio_length', sql`char_length(${t.bio}) <= 160`),
  ],
);
