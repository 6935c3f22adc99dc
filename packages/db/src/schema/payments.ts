import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { ads } from './ads';
import { timestamps, timestamptz, uuidPk } from './columns';
import { seasons, series } from './content';
import { creatorProfiles } from './creators';
import { users } from './users';

/*
 * Money is integer cents (DESIGN section 4). Rows that record money are never cascaded away:
 * their foreign keys restrict deletion.
 */

export const accessGrant = pgEnum('access_grant', ['purchase', 'bundle', 'admin', 'promo', 'creator']);
export const transactionKind = pgEnum('transaction_kind', [
  'season_unlock',
  'bundle_unlock',
  'premium',
  'ad_purchase',
]);
export const transactionStatus = pgEnum('transaction_status', ['pending', 'succeeded', 'failed', 'refunded']);
export const payoutStatus = pgEnum('payout_status', ['pending', 'paid', 'failed', 'canceled']);

/** A price for every season of a series at once (seed 004 "season unlocks or bundle"). */
export const bundles = pgTable(
  'bundles',
  {
    id: uuidPk(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    priceCents: integer('price_cents').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    index('bundles_series_id_idx').on(t.seriesId),
    check('bundles_price_nonnegative', sql`${t.priceCents} >= 0`),
  ],
);

/**
 * One row per payment attempt. Stripe webhooks are idempotent on stripe_checkout_session_id (unique);
 * shares are computed once, when the payment succeeds.
 */
export const transactions = pgTable(
  'transactions',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: transactionKind('kind').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** Processor fee (Stripe 2.9% + 30c). */
    feeCents: integer('fee_cents').notNull().default(0),
    creatorShareCents: integer('creator_share_cents').notNull().default(0),
    platformShareCents: integer('platform_share_cents').notNull().default(0),
    /** ISO 4217, lower case as Stripe writes it. */
    currency: text('currency').notNull().default('usd'),
    status: transactionStatus('status').notNull().default('pending'),
    stripeCheckoutSessionId: text('stripe_checkout_session_id').unique(),
    stripePaymentIntentId: text('stripe_payment_intent_id').unique(),
    seasonId: uuid('season_id').references(() => seasons.id, { onDelete: 'restrict' }),
    bundleId: uuid('bundle_id').references(() => bundles.id, { onDelete: 'restrict' }),
    creatorId: uuid('creator_id').references(() => creatorProfiles.id, { onDelete: 'restrict' }),
    adId: uuid('ad_id').references(() => ads.id, { onDelete: 'restrict' }),
    ...timestamps(),
  },
  (t) => [
    index('transactions_user_id_created_at_idx').on(t.userId, t.createdAt),
    index('transactions_season_id_idx').on(t.seasonId),
    index('transactions_bundle_id_idx').on(t.bundleId),
    // Creator earnings since the last payout: WHERE creator_id = $1 AND status = 'succeeded' AND created_at > $2.
    index('transactions_creator_id_created_at_idx').on(t.creatorId, t.createdAt),
    index('transactions_ad_id_idx').on(t.adId),
    check(
      'transactions_amounts_nonnegative',
      sql`${t.amountCents} >= 0 AND ${t.feeCents} >= 0 AND ${t.creatorShareCents} >= 0 AND ${t.platformShareCents} >= 0`,
    ),
    check('transactions_currency_format', sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

/** Who may watch a season's locked episodes. One row per user and season, however it was granted. */
export const seasonAccess = pgTable(
  'season_access',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => seasons.id, { onDelete: 'restrict' }),
    grantedVia: accessGrant('granted_via').notNull(),
    transactionId: uuid('transaction_id').references(() => transactions.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    unique('season_access_user_id_season_id_key').on(t.userId, t.seasonId),
    index('season_access_season_id_idx').on(t.seasonId),
    index('season_access_transaction_id_idx').on(t.transactionId),
  ],
);

/** Stripe Connect account of a creator (Express). */
export const connectedAccounts = pgTable('connected_accounts', {
  id: uuidPk(),
  creatorId: uuid('creator_id')
    .notNull()
    .unique()
    .references(() => creatorProfiles.id, { onDelete: 'restrict' }),
  stripeAccountId: text('stripe_account_id').notNull().unique(),
  chargesEnabled: boolean('charges_enabled').notNull().default(false),
  payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
  detailsSubmitted: boolean('details_submitted').notNull().default(false),
  ...timestamps(),
});

export const payouts = pgTable(
  'payouts',
  {
    id: uuidPk(),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => creatorProfiles.id, { onDelete: 'restrict' }),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('usd'),
    status: payoutStatus('status').notNull().default('pending'),
    stripeTransferId: text('stripe_transfer_id').unique(),
    paidAt: timestamptz('paid_at'),
    failureReason: text('failure_reason'),
    ...timestamps(),
  },
  (t) => [
    index('payouts_creator_id_created_at_idx').on(t.creatorId, t.createdAt),
    check('payouts_amount_positive', sql`${t.amountCents} > 0`),
    check('payouts_currency_format', sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);
