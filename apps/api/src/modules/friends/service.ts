import { sql } from 'drizzle-orm';
import type { Queryable } from '../rooms/views';

/**
 * Friendships as other modules need them. Seed 000's `friend_requests` keeps one row per direction;
 * an accepted row either way is a friendship. (Requests, blocks and the friends UI are the Friends issue.)
 */
export async function areFriends(db: Queryable, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const { rows } = await db.execute(sql`
    SELECT 1 FROM friend_requests
    WHERE status = 'accepted'
      AND ((from_user_id = ${a} AND to_user_id = ${b}) OR (from_user_id = ${b} AND to_user_id = ${a}))
    LIMIT 1`);
  return rows.length > 0;
}

/** SQL condition: `userColumn` is a friend of `userId` (for lists and lobbies). */
export function isFriendOf(userId: string, userColumn: ReturnType<typeof sql.raw>) {
  return sql`EXISTS (
    SELECT 1 FROM friend_requests f
    WHERE f.status = 'accepted'
      AND ((f.from_user_id = ${userId} AND f.to_user_id = ${userColumn})
        OR (f.to_user_id = ${userId} AND f.from_user_id = ${userColumn})))`;
}
