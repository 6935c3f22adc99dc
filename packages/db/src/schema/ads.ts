import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';
import { users } from './users';

export const adStatus = pgEnum('ad_status', ['pending', 'active', 'paused', 'done']);
/** Where an ad was shown (seed 000 "When Ads Show"). */
export const adPlacement = pgEnum('ad_placement', ['pre_room', 'post_room', 'event']);

export const ads = pgTable(
  'ads',
  {
    id: uuidPk(),
    // An advertiser with ads on record cannot be hard-deleted; the GDPR job anonymises instead.
    advertiserId: uuid('advertiser_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    videoUrl: text('video_url').notNull(),
    xpReward: integer('xp_reward').notNull().default(0),
    /** Cosmetic title unlocked on watch. */
    rewardTitle: text('reward_title'),
    status: adStatus('status').notNull().default('pending'),
    impressions: integer('impressions').notNull().default(0),
    /** Impressions bought with the package (Starter ~500, Growth ~2,500, Scale ~8,000); 0 = unlimited. */
    impressionGoal: integer('impression_goal').notNull().default(0),
    /**
     * Seed 000 has `paid_amount numeric(10,2)`; money is integer cents everywhere (DESIGN section 4):
     * no float/decimal rounding between Stripe (which speaks cents), the database and JavaScript numbers.
     */
    paidAmountCents: integer('paid_amount_cents').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('ads_advertiser_id_idx').on(t.advertiserId),
    // Ad selection: WHERE status = 'active'.
    index('ads_status_idx').on(t.status),
    check('ads_xp_reward_nonnegative', sql`${t.xpReward} >= 0`),
    check('ads_impressions_nonnegative', sql`${t.impressions} >= 0 AND ${t.impressionGoal} >= 0`),
    check('ads_paid_amount_nonnegative', sql`${t.paidAmountCents} >= 0`),
  ],
);

/** One impression per user per ad (seed 000 PK); XP only at 80%+ watched. */
export const adImpressions = pgTable(
  'ad_impressions',
  {
    adId: uuid('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    watchedPct: integer('watched_pct').notNull().default(0),
    rewarded: boolean('rewarded').notNull().default(false),
    placement: adPlacement('placement').notNull().default('pre_room'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.adId, t.userId] }),
    index('ad_impressions_user_id_idx').on(t.userId),
    check('ad_impressions_watched_pct_range', sql`${t.watchedPct} BETWEEN 0 AND 100`),
  ],
);
