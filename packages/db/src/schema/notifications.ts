import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
