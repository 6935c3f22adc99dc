import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { users } from './users';

export const reportTarget = pgEnum('report_target', [
  'user',
  'room',
  'room_message',
  'guild',
  'series',
  'episode',
  'comment',
  'ad',
]);
export const reportStatus = pgEnum('report_status', ['open', 'resolved', 'dismissed']);

/** User reports for the admin moderation queue. target_id points into the table named by target_type. */
export const reports = pgTable(
  'reports',
  {
    id: uuidPk(),
    // The report stays in the queue even if the reporter deletes their account.
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    targetType: reportTarget('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    reason: text('reason').notNull(),
    details: text('details'),
    status: reportStatus('status').notNull().default('open'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamptz('resolved_at'),
    ...timestamps(),
  },
  (t) => [
    index('reports_reporter_id_idx').on(t.reporterId),
    index('reports_resolved_by_idx').on(t.resolvedBy),
    // Queue: WHERE status = 'open' ORDER BY created_at.
    index('reports_status_created_at_idx').on(t.status, t.createdAt),
    index('reports_target_idx').on(t.targetType, t.targetId),
  ],
);
