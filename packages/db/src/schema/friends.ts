import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users';

export const friendRequestStatus = pgEnum('friend_request_status', ['pending', 'accepted', 'rejected']);

/** Seed 000 `friend_requests`: one row per direction; an accepted row is a friendship. */
export const friendRequests = pgTable(
  'friend_requests',
  {
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: friendRequestStatus('status').notNull().default('pending'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.fromUserId, t.toUserId] }),
    // Incoming requests / friend lists: WHERE to_user_id = $1 AND status = ...
    index('friend_requests_to_user_id_status_idx').on(t.toUserId, t.status),
    check('friend_requests_not_self', sql`${t.fromUserId} <> ${t.toUserId}`),
  ],
);
