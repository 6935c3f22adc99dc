import type { FriendErrorCode } from '@wt/schemas';

/**
 * A refused friends action: a stable code from FRIEND_ERROR_CODES and a sentence that says what to do.
 * The router maps it once to a tRPC error (`data.friendCode`).
 */
export class FriendError extends Error {
  override name = 'FriendError';
  readonly code: FriendErrorCode;

  constructor(code: FriendErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function isFriendError(value: unknown): value is FriendError {
  return value instanceof FriendError;
}

export const friendErrors = {
  self: () => new FriendError('SELF', 'That is you: pick someone else.'),
  noSuchUser: () => new FriendError('NOT_FOUND', 'There is nobody with that account any more.'),
  noRequest: () => new FriendError('NOT_FOUND', 'That friend request is not waiting any more. Reload your requests.'),
  notFriends: () => new FriendError('NOT_FOUND', 'You are not friends with this person.'),
  notBlocked: () => new FriendError('NOT_FOUND', 'You have not blocked this person.'),
  alreadyFriends: () => new FriendError('ALREADY_FRIENDS', 'You are already friends.'),
  pending: () => new FriendError('REQUEST_PENDING', 'You already sent this person a friend request. Wait for their answer.'),
  youBlocked: () => new FriendError('BLOCKED', 'You blocked this person. Unblock them first.'),
  blockedYou: () => new FriendError('BLOCKED', 'This person is not accepting friend requests from you.'),
  nobody: () => new FriendError('NOT_ACCEPTING', 'This person is not accepting friend requests.'),
  friendsOfFriends: () =>
    new FriendError('NOT_ACCEPTING', 'This person only accepts friend requests from friends of their friends.'),
};
