import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { users } from './users';

/** In-app notifications (friend requests, room invites, guild events, leaderboard results...). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamptz('read_at'),
    ...timestamps(),
  },
  (t) => [
    // Unread count: WHERE user_id = $1 AND read_at IS NULL.
    index('notifications_user_id_read_at_idx').on(t.userId, t.readAt),
    // Feed: WHERE user_id = $1 ORDER BY created_at DESC.
    index('notifications_user_id_created_at_idx').on(t.userId, t.createdAt.desc()),
  ],
);

/** Web Push subscriptions (issue 6): one per browser a person allowed notifications in. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint), index('push_subscriptions_user_id_idx').on(t.userId)],
);

/**
 * Secrets the platform makes for itself on first start when the environment gives none (the VAPID key
 * pair of Web Push): every instance reads the same row.
 */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: jsonb('value').$type<Record<string, string>>().notNull(),
  ...timestamps(),
});
