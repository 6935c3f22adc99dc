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

/**
 * One person blocking another (issue 6): the blocked person cannot friend, invite or message the blocker,
 * nor see their presence; blocking also ends a friendship and any pending request between them.
 */
export const userBlocks = pgTable(
  'user_blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    // "Did they block me?": WHERE blocked_id = $1
    index('user_blocks_blocked_id_idx').on(t.blockedId),
    check('user_blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);
