import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  readUserSettings,
  USER_SEARCH_LIMIT,
  type BlockedUser,
  type Friend,
  type FriendActionResult,
  type NotificationPayloads,
  type FriendRequests,
  type FriendState,
  type Person,
  type UserSearchResult,
} from '@wt/schemas';
import { awardNewFriendship } from '../gamification/sources';
import { notify, type NotifyServices } from '../notifications/notify';
import type { PresenceTracker } from '../presence/service';
import type { Queryable } from '../rooms/views';
import { friendErrors } from './errors';
import { containsPattern, decideFriendRequest, friendStateOf, type FriendPolicy, type RequestFacts } from './rules';

/**
 * Friends (issue 6) on seed 000's `friend_requests`: one row per direction, an accepted row either way is
 * the friendship. Every change between two people runs in one transaction holding a lock on the pair,
 * so requests sent both ways at once end in one friendship. Blocks live in `user_blocks`.
 */

export interface FriendServices extends NotifyServices {
  db: Database;
  presence: Pick<PresenceTracker, 'friendshipChanged' | 'friendsPresence'>;
}

// ---------- what other modules ask ----------

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

/** SQL condition: a block stands between `userId` and `userColumn`, whoever made it. */
export function isBlockedWith(userId: string, userColumn: ReturnType<typeof sql.raw>) {
  return sql`EXISTS (
    SELECT 1 FROM user_blocks b
    WHERE (b.blocker_id = ${userId} AND b.blocked_id = ${userColumn})
       OR (b.blocker_id = ${userColumn} AND b.blocked_id = ${userId}))`;
}

/** Either of the two blocked the other (rooms refuse invites between them). */
export async function isBlockedBetween(db: Queryable, a: string, b: string): Promise<boolean> {
  const { rows } = await db.execute(sql`
    SELECT 1 FROM user_blocks
    WHERE (blocker_id = ${a} AND blocked_id = ${b}) OR (blocker_id = ${b} AND blocked_id = ${a}) LIMIT 1`);
  return rows.length > 0;
}

const activeUser = (alias: string) => sql.raw(`${alias}.deactivated_at IS NULL AND ${alias}.deleted_at IS NULL`);

/** Ids of a user's friends with an active account and no block between them (presence fans out to these). */
export async function friendIdsOf(db: Queryable, userId: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT u.id FROM users u
    WHERE ${isFriendOf(userId, sql.raw('u.id'))} AND ${activeUser('u')} AND NOT ${isBlockedWith(userId, sql.raw('u.id'))}`);
  return rows.map((r) => r.id);
}

/** Where `viewerId` stands with `otherId` (profile pages, search). */
export async function friendState(db: Queryable, viewerId: string, otherId: string): Promise<FriendState> {
  if (viewerId === otherId) return 'none';
  const { rows } = await db.execute<StateRow>(sql`SELECT ${stateColumns(viewerId, sql`${otherId}::uuid`)}`);
  return stateOf(rows[0]!);
}

type StateRow = { blocked_by_me: boolean; blocked_me: boolean; friends: boolean; sent: boolean; received: boolean };

function stateColumns(viewerId: string, other: ReturnType<typeof sql>) {
  return sql`
    EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = ${viewerId} AND blocked_id = ${other}) AS blocked_by_me,
    EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = ${other} AND blocked_id = ${viewerId}) AS blocked_me,
    EXISTS (SELECT 1 FROM friend_requests WHERE status = 'accepted'
            AND ((from_user_id = ${viewerId} AND to_user_id = ${other}) OR (from_user_id = ${other} AND to_user_id = ${viewerId}))) AS friends,
    EXISTS (SELECT 1 FROM friend_requests WHERE status = 'pending' AND from_user_id = ${viewerId} AND to_user_id = ${other}) AS sent,
    EXISTS (SELECT 1 FROM friend_requests WHERE status = 'pending' AND from_user_id = ${other} AND to_user_id = ${viewerId}) AS received`;
}

function stateOf(r: StateRow): FriendState {
  return friendStateOf({
    blockedByMe: r.blocked_by_me,
    blockedMe: r.blocked_me,
    friends: r.friends,
    outgoingPending: r.sent,
    incomingPending: r.received,
  });
}

// ---------- the state machine ----------

/** One transaction with the pair locked: whoever comes second sees what the first one wrote. */
async function withPair<T>(db: Database, a: string, b: string, run: (tx: Queryable) => Promise<T>): Promise<T> {
  const [x, y] = a < b ? [a, b] : [b, a];
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`friends:${x}:${y}`}, 0))`);
    return run(tx);
  });
}

async function requestFacts(tx: Queryable, userId: string, targetId: string): Promise<RequestFacts> {
  const friendsOf = (id: string) => sql`
    SELECT CASE WHEN from_user_id = ${id} THEN to_user_id ELSE from_user_id END AS id
    FROM friend_requests WHERE status = 'accepted' AND (from_user_id = ${id} OR to_user_id = ${id})`;
  const { rows } = await tx.execute<{
    target_exists: boolean;
    settings: unknown;
    blocked_by_me: boolean;
    blocked_me: boolean;
    outgoing: 'pending' | 'accepted' | 'rejected' | null;
    incoming: 'pending' | 'accepted' | 'rejected' | null;
    shares_friend: boolean;
  }>(sql`
    SELECT
      EXISTS (SELECT 1 FROM users u WHERE u.id = ${targetId} AND ${activeUser('u')}) AS target_exists,
      (SELECT settings FROM users WHERE id = ${targetId}) AS settings,
      EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = ${userId} AND blocked_id = ${targetId}) AS blocked_by_me,
      EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = ${targetId} AND blocked_id = ${userId}) AS blocked_me,
      (SELECT status FROM friend_requests WHERE from_user_id = ${userId} AND to_user_id = ${targetId}) AS outgoing,
      (SELECT status FROM friend_requests WHERE from_user_id = ${targetId} AND to_user_id = ${userId}) AS incoming,
      EXISTS (SELECT 1 FROM (${friendsOf(userId)}) mine JOIN (${friendsOf(targetId)}) theirs ON mine.id = theirs.id) AS shares_friend`);
  const r = rows[0]!;
  const pendingOrRejected = (s: typeof r.outgoing) => (s === 'pending' || s === 'rejected' ? s : null);
  return {
    isSelf: userId === targetId,
    targetExists: r.target_exists,
    blockedByMe: r.blocked_by_me,
    blockedMe: r.blocked_me,
    friends: r.outgoing === 'accepted' || r.incoming === 'accepted',
    outgoing: pendingOrRejected(r.outgoing),
    incoming: pendingOrRejected(r.incoming),
    policy: readUserSettings(r.settings).privacy.whoCanFriend as FriendPolicy,
    sharesFriend: r.shares_friend,
  };
}

/** `from`'s pending request to `to` becomes the friendship; a leftover row the other way goes. */
async function acceptRow(tx: Queryable, from: string, to: string, now: Date): Promise<boolean> {
  const { rowCount } = await tx.execute(sql`
    UPDATE friend_requests SET status = 'accepted', updated_at = ${now}
    WHERE from_user_id = ${from} AND to_user_id = ${to} AND status = 'pending'`);
  if (!rowCount) return false;
  await tx.execute(sql`DELETE FROM friend_requests WHERE from_user_id = ${to} AND to_user_id = ${from}`);
  return true;
}

/** Who a friend_request / friend_accepted notification is from (names carried, so the bell needs no lookup). */
async function aboutPerson(db: Queryable, userId: string): Promise<NotificationPayloads['friend_request']> {
  const { rows } = await db.execute<{ username: string; display_name: string | null }>(
    sql`SELECT username, display_name FROM users WHERE id = ${userId}`,
  );
  return { fromUserId: userId, fromUsername: rows[0]!.username, fromName: rows[0]!.display_name };
}

/** A friendship began: the requester hears it, both see each other's presence from now on. */
async function friendshipBegan(services: FriendServices, accepterId: string, requesterId: string): Promise<void> {
  // Seed 000 "Add a friend (both users get XP)": +25 each, once per pair ever; logged, never failing the accept.
  await awardNewFriendship(services, accepterId, requesterId);
  const payload = await aboutPerson(services.db, accepterId);
  await notify(services, { userId: requesterId, type: 'friend_accepted', payload: { ...payload } });
  await services.presence.friendshipChanged(accepterId, requesterId);
}

/**
 * Sends a request, or accepts theirs when they asked first. Refused to yourself, across a block, to
 * someone who is already a friend or asked already, and when their "who can friend you" says no.
 */
export async function sendFriendRequest(services: FriendServices, userId: string, targetId: string): Promise<FriendActionResult> {
  const now = services.now();
  const action = await withPair(services.db, userId, targetId, async (tx) => {
    const decision = decideFriendRequest(await requestFacts(tx, userId, targetId));
    if (!decision.ok) throw decision.error;
    if (decision.action === 'accept_incoming') {
      await acceptRow(tx, targetId, userId, now);
      return 'accepted' as const;
    }
    await tx.execute(sql`
      INSERT INTO friend_requests (from_user_id, to_user_id, status, created_at, updated_at)
      VALUES (${userId}, ${targetId}, 'pending', ${now}, ${now})
      ON CONFLICT (from_user_id, to_user_id) DO UPDATE SET status = 'pending', created_at = ${now}, updated_at = ${now}`);
    return 'requested' as const;
  });
  if (action === 'accepted') {
    await friendshipBegan(services, userId, targetId);
    return { userId: targetId, state: 'friends' };
  }
  const payload = await aboutPerson(services.db, userId);
  await notify(services, { userId: targetId, type: 'friend_request', payload: { ...payload } });
  return { userId: targetId, state: 'request_sent' };
}

export async function acceptFriendRequest(services: FriendServices, userId: string, fromId: string): Promise<FriendActionResult> {
  const accepted = await withPair(services.db, userId, fromId, (tx) => acceptRow(tx, fromId, userId, services.now()));
  if (!accepted) throw friendErrors.noRequest();
  await friendshipBegan(services, userId, fromId);
  return { userId: fromId, state: 'friends' };
}

/** The request stays as rejected (the sender is not told); they may ask again later. */
export async function rejectFriendRequest(services: FriendServices, userId: string, fromId: string): Promise<FriendActionResult> {
  const { rowCount } = await services.db.execute(sql`
    UPDATE friend_requests SET status = 'rejected', updated_at = ${services.now()}
    WHERE from_user_id = ${fromId} AND to_user_id = ${userId} AND status = 'pending'`);
  if (!rowCount) throw friendErrors.noRequest();
  return { userId: fromId, state: 'none' };
}

export async function cancelFriendRequest(services: FriendServices, userId: string, targetId: string): Promise<FriendActionResult> {
  const { rowCount } = await services.db.execute(sql`
    DELETE FROM friend_requests WHERE from_user_id = ${userId} AND to_user_id = ${targetId} AND status = 'pending'`);
  if (!rowCount) throw friendErrors.noRequest();
  return { userId: targetId, state: 'none' };
}

/** Either side ends the friendship: every row between the two goes. */
export async function removeFriend(services: FriendServices, userId: string, friendId: string): Promise<FriendActionResult> {
  const removed = await withPair(services.db, userId, friendId, async (tx) => {
    if (!(await areFriends(tx, userId, friendId))) return false;
    await tx.execute(sql`
      DELETE FROM friend_requests
      WHERE (from_user_id = ${userId} AND to_user_id = ${friendId}) OR (from_user_id = ${friendId} AND to_user_id = ${userId})`);
    return true;
  });
  if (!removed) throw friendErrors.notFriends();
  await services.presence.friendshipChanged(userId, friendId);
  return { userId: friendId, state: 'none' };
}

/** Blocks someone: any friendship and request between the two ends, and neither sees the other online. */
export async function blockUser(services: FriendServices, userId: string, targetId: string): Promise<FriendActionResult> {
  if (userId === targetId) throw friendErrors.self();
  const now = services.now();
  const wereFriends = await withPair(services.db, userId, targetId, async (tx) => {
    const { rows } = await tx.execute(sql`SELECT 1 FROM users WHERE id = ${targetId}`);
    if (rows.length === 0) throw friendErrors.noSuchUser();
    const friends = await areFriends(tx, userId, targetId);
    await tx.execute(sql`
      INSERT INTO user_blocks (blocker_id, blocked_id, created_at, updated_at) VALUES (${userId}, ${targetId}, ${now}, ${now})
      ON CONFLICT (blocker_id, blocked_id) DO NOTHING`);
    await tx.execute(sql`
      DELETE FROM friend_requests
      WHERE (from_user_id = ${userId} AND to_user_id = ${targetId}) OR (from_user_id = ${targetId} AND to_user_id = ${userId})`);
    return friends;
  });
  if (wereFriends) await services.presence.friendshipChanged(userId, targetId);
  return { userId: targetId, state: 'blocked' };
}

export async function unblockUser(services: FriendServices, userId: string, targetId: string): Promise<FriendActionResult> {
  const { rowCount } = await services.db.execute(
    sql`DELETE FROM user_blocks WHERE blocker_id = ${userId} AND blocked_id = ${targetId}`,
  );
  if (!rowCount) throw friendErrors.notBlocked();
  return { userId: targetId, state: await friendState(services.db, userId, targetId) };
}

// ---------- lists ----------

type PersonRow = { id: string; username: string; display_name: string | null; avatar_url: string | null };
const personOf = (r: PersonRow): Person => ({ id: r.id, username: r.username, displayName: r.display_name, avatarUrl: r.avatar_url });
const iso = (value: Date | string) => new Date(value).toISOString();

/** Friends, by name, with what the viewer may see of their presence. */
export async function listFriends(services: FriendServices, userId: string): Promise<Friend[]> {
  const { rows } = await services.db.execute<PersonRow & { since: Date }>(sql`
    SELECT u.id, u.username, u.display_name, u.avatar_url, f.updated_at AS since
    FROM friend_requests f
    JOIN users u ON u.id = CASE WHEN f.from_user_id = ${userId} THEN f.to_user_id ELSE f.from_user_id END
    WHERE f.status = 'accepted' AND (f.from_user_id = ${userId} OR f.to_user_id = ${userId})
      AND ${activeUser('u')} AND NOT ${isBlockedWith(userId, sql.raw('u.id'))}
    ORDER BY lower(coalesce(u.display_name, u.username)), u.id`);
  const presence = new Map((await services.presence.friendsPresence(userId)).map((p) => [p.userId, p]));
  return rows.map((r) => ({
    person: personOf(r),
    since: iso(r.since),
    presence: presence.get(r.id) ?? { userId: r.id, status: 'offline', room: null },
  }));
}

/** Pending requests each way, newest first. */
export async function friendRequests(db: Queryable, userId: string): Promise<FriendRequests> {
  const { rows } = await db.execute<PersonRow & { sent_at: Date; incoming: boolean }>(sql`
    SELECT u.id, u.username, u.display_name, u.avatar_url, f.created_at AS sent_at, f.to_user_id = ${userId} AS incoming
    FROM friend_requests f
    JOIN users u ON u.id = CASE WHEN f.from_user_id = ${userId} THEN f.to_user_id ELSE f.from_user_id END
    WHERE f.status = 'pending' AND (f.from_user_id = ${userId} OR f.to_user_id = ${userId}) AND ${activeUser('u')}
    ORDER BY f.created_at DESC, u.id`);
  const of = (incoming: boolean) =>
    rows.filter((r) => r.incoming === incoming).map((r) => ({ person: personOf(r), sentAt: iso(r.sent_at) }));
  return { incoming: of(true), outgoing: of(false) };
}

/**
 * People whose username or display name contains the query (case-insensitive), name prefixes first:
 * never yourself, nobody who blocked you, nobody who turned "searchable" off, no closed accounts.
 */
export async function searchUsers(db: Queryable, userId: string, query: string): Promise<UserSearchResult[]> {
  const pattern = containsPattern(query);
  const prefix = pattern.slice(1);
  const { rows } = await db.execute<PersonRow & StateRow>(sql`
    SELECT u.id, u.username, u.display_name, u.avatar_url, ${stateColumns(userId, sql.raw('u.id'))}
    FROM users u
    WHERE u.id <> ${userId} AND ${activeUser('u')}
      AND (lower(u.username) LIKE ${pattern} OR lower(coalesce(u.display_name, '')) LIKE ${pattern})
      AND (u.settings #>> '{privacy,searchable}') IS DISTINCT FROM 'false'
      AND NOT EXISTS (SELECT 1 FROM user_blocks b WHERE b.blocker_id = u.id AND b.blocked_id = ${userId})
    ORDER BY (lower(u.username) LIKE ${prefix} OR lower(coalesce(u.display_name, '')) LIKE ${prefix}) DESC,
             lower(u.username)
    LIMIT ${USER_SEARCH_LIMIT}`);
  return rows.map((r) => ({ person: personOf(r), state: stateOf(r) }));
}

export async function blockedUsers(db: Queryable, userId: string): Promise<BlockedUser[]> {
  const { rows } = await db.execute<PersonRow & { blocked_at: Date }>(sql`
    SELECT u.id, u.username, u.display_name, u.avatar_url, b.created_at AS blocked_at
    FROM user_blocks b JOIN users u ON u.id = b.blocked_id
    WHERE b.blocker_id = ${userId} AND u.deleted_at IS NULL
    ORDER BY b.created_at DESC, u.id`);
  return rows.map((r) => ({ person: personOf(r), blockedAt: iso(r.blocked_at) }));
}
