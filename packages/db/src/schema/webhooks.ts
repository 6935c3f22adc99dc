import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';

/**
 * Every verified webhook delivery (Stripe, Mux), stored before processing. unique(provider, event_id)
 * makes a duplicate delivery a no-op (DESIGN section 2: idempotent under duplicate webhooks).
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuidPk(),
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    processedAt: timestamptz('processed_at'),
    /** Last processing error; the row is retried until processed_at is set. */
    error: text('error'),
    ...timestamps(),
  },
  (t) => [
    unique('webhook_events_provider_event_id_key').on(t.provider, t.eventId),
    // Start-up recovery: unprocessed deliveries.
    index('webhook_events_unprocessed_idx')
      .on(t.createdAt)
      .where(sql`${t.processedAt} IS NULL`),
  ],
);
