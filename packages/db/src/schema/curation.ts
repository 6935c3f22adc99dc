import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { series } from './content';
import { users } from './users';

/** Home-page curation by admins: a series shown at a position during a time window. */
export const featuredSlots = pgTable(
  'featured_slots',
  {
    id: uuidPk(),
    position: integer('position').notNull(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    startsAt: timestamptz('starts_at').notNull().defaultNow(),
    /** Null: until removed. */
    endsAt: timestamptz('ends_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('featured_slots_series_id_idx').on(t.seriesId),
    index('featured_slots_created_by_idx').on(t.createdBy),
    // Home page: WHERE starts_at <= now() AND (ends_at IS NULL OR ends_at > now()) ORDER BY position.
    index('featured_slots_window_idx').on(t.startsAt, t.endsAt, t.position),
    check('featured_slots_position_positive', sql`${t.position} >= 1`),
    check('featured_slots_window', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
  ],
);
