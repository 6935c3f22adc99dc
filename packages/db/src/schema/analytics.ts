import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz } from './columns';

/**
 * Funnel events (view > watch > signup > unlock) with UTM attribution (seed 004), the fastest-growing
 * table. It is PARTITION BY RANGE (occurred_at), one partition per month plus a DEFAULT partition.
 *
 * Drizzle cannot declare partitioning, so the table is created by the hand-written migration
 * drizzle/0001_analytics_partitions.sql (which also defines ensure_analytics_partition(date) for the
 * monthly job); this definition only mirrors it for typed queries, and the migration snapshot matches it
 * so drizzle-kit never tries to create the table itself. Change both together.
 *
 * No foreign keys on purpose: the log is append-only and must keep its rows (and its insert rate) when
 * content is removed; the GDPR purge job deletes a user's rows by user_id.
 * The primary key includes occurred_at because a partitioned table's unique keys must contain the
 * partition key.
 */
export const analyticsEvents = pgTable(
  'analytics_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    occurredAt: timestamptz('occurred_at').notNull().defaultNow(),
    /** series_view, episode_start, episode_progress_25, episode_complete, paywall_hit, signup_complete, purchase_complete... */
    eventType: text('event_type').notNull(),
    userId: uuid('user_id'),
    /** Stable id of a signed-out browser, so the funnel can join its events to the later signup. */
    anonymousId: text('anonymous_id'),
    /** Client analytics session (one visit), not an auth session. */
    sessionId: text('session_id'),
    seriesId: uuid('series_id'),
    episodeId: uuid('episode_id'),
    creatorId: uuid('creator_id'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    utmContent: text('utm_content'),
    utmTerm: text('utm_term'),
    referrer: text('referrer'),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ name: 'analytics_events_pkey', columns: [t.id, t.occurredAt] }),
    // Creator dashboard: WHERE creator_id = $1 AND occurred_at >= $2.
    index('analytics_events_creator_id_occurred_at_idx').on(t.creatorId, t.occurredAt),
    index('analytics_events_series_id_occurred_at_idx').on(t.seriesId, t.occurredAt),
    index('analytics_events_event_type_occurred_at_idx').on(t.eventType, t.occurredAt),
    index('analytics_events_user_id_idx').on(t.userId),
  ],
);
