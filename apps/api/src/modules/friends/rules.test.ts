import { describe, expect, it } from 'vitest';
import { containsPattern, decideFriendRequest, friendStateOf, type RequestFacts } from './rules';

const open: RequestFacts = {
  isSelf: false,
  targetExists: true,
  blockedByMe: false,
  blockedMe: false,
  friends: false,
  outgoing: null,
  incoming: null,
  policy: 'everyone',
  sharesFriend: false,
};

describe('decideFriendRequest', () => {
  it.each<[string, Partial<RequestFacts>, string]>([
    ['to yourself', { isSelf: true }, 'SELF'],
    ['to a closed account', { targetExists: false }, 'NOT_FOUND'],
    ['to someone you blocked', { blockedByMe: true }, 'BLOCKED'],
    ['to someone who blocked you', { blockedMe: true }, 'BLOCKED'],
    ['to a friend', { friends: true }, 'ALREADY_FRIENDS'],
    ['twice', { outgoing: 'pending' }, 'REQUEST_PENDING'],
    ['to someone who accepts nobody', { policy: 'nobody' }, 'NOT_ACCEPTING'],
    ['to a friends-of-friends person with no friend in common', { policy: 'friends_of_friends' }, 'NOT_ACCEPTING'],
    // Order matters: a block is named before the policy, a friendship before a pending request.
    ['across a block to someone who accepts nobody', { blockedMe: true, policy: 'nobody' }, 'BLOCKED'],
    ['across a block while they asked you', { blockedByMe: true, incoming: 'pending' }, 'BLOCKED'],
  ])('refuses a request %s', (_what, facts, code) => {
    const decision = decideFriendRequest({ ...open, ...facts });
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.error.code).toBe(code);
      expect(decision.error.message).toMatch(/[.!]$/);
    }
  });

  it.each<[string, Partial<RequestFacts>, 'create' | 'accept_incoming']>([
    ['to anyone who accepts everyone', {}, 'create'],
    ['to a friends-of-friends person with a friend in common', { policy: 'friends_of_friends', sharesFriend: true }, 'create'],
    ['again after a rejection', { outgoing: 'rejected' }, 'create'],
    ['back to someone who asked first (accepts theirs)', { incoming: 'pending' }, 'accept_incoming'],
    ['back to someone who asked first although they accept nobody', { incoming: 'pending', policy: 'nobody' }, 'accept_incoming'],
    ['to someone whose request you rejected', { incoming: 'rejected' }, 'create'],
  ])('allows a request %s', (_what, facts, action) => {
    expect(decideFriendRequest({ ...open, ...facts })).toEqual({ ok: true, action });
  });
});

describe('friendStateOf', () => {
  const none = { blockedByMe: false, blockedMe: false, friends: false, outgoingPending: false, incomingPending: false };
  it.each([
    [{}, 'none'],
    [{ friends: true }, 'friends'],
    [{ outgoingPending: true }, 'request_sent'],
    [{ incomingPending: true }, 'request_received'],
    [{ blockedByMe: true, friends: true }, 'blocked'],
    [{ blockedMe: true, outgoingPending: true }, 'blocked_by'],
    [{ blockedByMe: true, blockedMe: true }, 'blocked'],
  ] as const)('%o reads as %s', (facts, state) => {
    expect(friendStateOf({ ...none, ...facts })).toBe(state);
  });
});

describe('containsPattern', () => {
  it('lowercases and matches anywhere', () => {
    expect(containsPattern('AnA')).toBe('%ana%');
  });
  it('makes LIKE wildcards in the query literal', () => {
    expect(containsPattern('a_b%c\\')).toBe('%a\\_b\\%c\\\\%');
  });
});
