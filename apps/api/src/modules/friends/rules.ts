import type { FriendState } from '@wt/schemas';
import { friendErrors, type FriendError } from './errors';

/**
 * The friends state machine's decisions as pure functions over facts read in one transaction, so every
 * transition and refusal is tested without a database (rules.test.ts).
 */

export type FriendPolicy = 'everyone' | 'friends_of_friends' | 'nobody';

export interface RequestFacts {
  isSelf: boolean;
  /** The target exists and is neither deactivated nor deleted. */
  targetExists: boolean;
  blockedByMe: boolean;
  blockedMe: boolean;
  friends: boolean;
  /** My request to them, if any row is left. */
  outgoing: 'pending' | 'rejected' | null;
  /** Their request to me, if any row is left. */
  incoming: 'pending' | 'rejected' | null;
  /** Their "who can friend you" setting. */
  policy: FriendPolicy;
  /** We have at least one friend in common. */
  sharesFriend: boolean;
}

export type RequestDecision =
  | { ok: true; action: 'create' }
  /** They already asked me: sending back accepts theirs (one friendship, never two pending rows). */
  | { ok: true; action: 'accept_incoming' }
  | { ok: false; error: FriendError };

export function decideFriendRequest(f: RequestFacts): RequestDecision {
  if (f.isSelf) return { ok: false, error: friendErrors.self() };
  if (!f.targetExists) return { ok: false, error: friendErrors.noSuchUser() };
  if (f.blockedByMe) return { ok: false, error: friendErrors.youBlocked() };
  if (f.blockedMe) return { ok: false, error: friendErrors.blockedYou() };
  if (f.friends) return { ok: false, error: friendErrors.alreadyFriends() };
  if (f.outgoing === 'pending') return { ok: false, error: friendErrors.pending() };
  // Their own request says they want this: their policy is about strangers, not about answering.
  if (f.incoming === 'pending') return { ok: true, action: 'accept_incoming' };
  if (f.policy === 'nobody') return { ok: false, error: friendErrors.nobody() };
  if (f.policy === 'friends_of_friends' && !f.sharesFriend) return { ok: false, error: friendErrors.friendsOfFriends() };
  return { ok: true, action: 'create' };
}

export interface StateFacts {
  blockedByMe: boolean;
  blockedMe: boolean;
  friends: boolean;
  outgoingPending: boolean;
  incomingPending: boolean;
}

/** Where the viewer stands with someone (a block outranks everything, then the friendship). */
export function friendStateOf(f: StateFacts): FriendState {
  if (f.blockedByMe) return 'blocked';
  if (f.blockedMe) return 'blocked_by';
  if (f.friends) return 'friends';
  if (f.outgoingPending) return 'request_sent';
  if (f.incomingPending) return 'request_received';
  return 'none';
}

/** A case-insensitive substring LIKE pattern for user input (its own % _ and \ match literally). */
export function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
