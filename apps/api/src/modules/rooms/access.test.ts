import { describe, expect, it } from 'vitest';
import { CHAT_RATE_LIMIT, SLOW_MODE_SECONDS, type RoomErrorCode, type RoomRole } from '@wt/schemas';
import {
  canControlPlayback,
  canInvite,
  canModerate,
  chatRefusal,
  chatWaitMs,
  decideJoin,
  nextLeader,
  type JoinFacts,
} from './access';

/** A signed-in stranger knocking on an open public room with free seats. */
const stranger: JoinFacts = {
  isActive: true,
  isLocked: false,
  visibility: 'public',
  maxMembers: 10,
  presentCount: 3,
  isLeader: false,
  isPresent: false,
  wasMember: false,
  ban: null,
  isFriendOfLeader: false,
  isGuildMember: false,
  invite: 'none',
  now: new Date('2030-01-01T12:00:00Z'),
};

const until = new Date('2030-01-01T18:45:00Z');

describe('decideJoin', () => {
  it.each<[string, Partial<JoinFacts>, { ok: true; consumeInvite: boolean } | RoomErrorCode]>([
    ['public: anyone signed in', {}, { ok: true, consumeInvite: false }],
    [
      'public: a code does not get used up where none is needed',
      { invite: 'valid' },
      { ok: true, consumeInvite: false },
    ],
    [
      'public: a broken code does not matter either',
      { invite: 'invalid' },
      { ok: true, consumeInvite: false },
    ],
    ['friends: a stranger', { visibility: 'friends' }, 'ROOM_FRIENDS_ONLY'],
    [
      'friends: a friend of the leader',
      { visibility: 'friends', isFriendOfLeader: true },
      { ok: true, consumeInvite: false },
    ],
    [
      'friends: a member of the linked guild',
      { visibility: 'friends', isGuildMember: true },
      { ok: true, consumeInvite: false },
    ],
    [
      'friends: a past member coming back',
      { visibility: 'friends', wasMember: true },
      { ok: true, consumeInvite: false },
    ],
    [
      'friends: a stranger with a valid invite uses it',
      { visibility: 'friends', invite: 'valid' },
      { ok: true, consumeInvite: true },
    ],
    ['private: without an invite', { visibility: 'private' }, 'ROOM_PRIVATE'],
    [
      'private: a friend still needs an invite',
      { visibility: 'private', isFriendOfLeader: true },
      'ROOM_PRIVATE',
    ],
    [
      'private: a guild member still needs an invite',
      { visibility: 'private', isGuildMember: true },
      'ROOM_PRIVATE',
    ],
    [
      'private: a valid invite is used up',
      { visibility: 'private', invite: 'valid' },
      { ok: true, consumeInvite: true },
    ],
    ['private: an expired invite', { visibility: 'private', invite: 'expired' }, 'INVITE_EXPIRED'],
    [
      'private: a code of another room or a made-up one',
      { visibility: 'private', invite: 'invalid' },
      'INVITE_INVALID',
    ],
    ['private: a single-use code already used', { visibility: 'private', invite: 'used' }, 'INVITE_INVALID'],
    [
      'private: a past member who left comes back without a code',
      { visibility: 'private', wasMember: true },
      { ok: true, consumeInvite: false },
    ],
    [
      'private: the leader needs no invite',
      { visibility: 'private', isLeader: true },
      { ok: true, consumeInvite: false },
    ],
    ['ban beats a valid invite', { visibility: 'private', invite: 'valid', ban: { until: null } }, 'BANNED'],
    ['ban beats friendship', { visibility: 'friends', isFriendOfLeader: true, ban: { until } }, 'BANNED'],
    ['ban beats a public room', { ban: { until: null } }, 'BANNED'],
    ['ban beats a seat already held (a second tab)', { isPresent: true, ban: { until: null } }, 'BANNED'],
    [
      'a ban row never keeps the leader out',
      { isLeader: true, ban: { until: null } },
      { ok: true, consumeInvite: false },
    ],
    ['an inactive room', { isActive: false }, 'ROOM_INACTIVE'],
    ['an inactive room, even for its leader', { isActive: false, isLeader: true }, 'ROOM_INACTIVE'],
    ['a locked room takes nobody new', { isLocked: true }, 'ROOM_LOCKED'],
    [
      'a locked room with a valid invite',
      { isLocked: true, visibility: 'private', invite: 'valid' },
      'ROOM_LOCKED',
    ],
    [
      'a locked room lets its leader in',
      { isLocked: true, isLeader: true },
      { ok: true, consumeInvite: false },
    ],
    [
      'a locked room keeps a present member (reconnect)',
      { isLocked: true, isPresent: true },
      { ok: true, consumeInvite: false },
    ],
    ['a full room', { presentCount: 10 }, 'ROOM_FULL'],
    ['an over-full room (size lowered)', { presentCount: 12 }, 'ROOM_FULL'],
    ['the last seat', { presentCount: 9 }, { ok: true, consumeInvite: false }],
    [
      'a full room keeps a present member (second tab)',
      { presentCount: 10, isPresent: true },
      { ok: true, consumeInvite: false },
    ],
    [
      'a full room with a valid invite does not use it',
      { presentCount: 10, visibility: 'private', invite: 'valid' },
      'ROOM_FULL',
    ],
    [
      'private beats full: the sentence says why first',
      { presentCount: 10, visibility: 'private' },
      'ROOM_PRIVATE',
    ],
  ])('%s', (_name, facts, expected) => {
    const decision = decideJoin({ ...stranger, ...facts });
    if (typeof expected === 'string') {
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.error.code).toBe(expected);
    } else {
      expect(decision).toEqual(expected);
    }
  });

  it('says until when a timed ban ends, in UTC', () => {
    const decision = decideJoin({ ...stranger, ban: { until } });
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.error.message).toBe('You were banned from this room until 18:45 UTC.');
  });

  it('names the day of a ban that ends after tomorrow', () => {
    const decision = decideJoin({ ...stranger, ban: { until: new Date('2030-01-08T09:05:00Z') } });
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.error.message).toBe('You were banned from this room until 8 Jan 09:05 UTC.');
  });

  it('says how many seats a full room has', () => {
    const decision = decideJoin({ ...stranger, maxMembers: 4, presentCount: 4 });
    if (decision.ok) throw new Error('expected a refusal');
    expect(decision.error.message).toBe('This room is full: all 4 seats are taken. Try again later.');
  });
});

describe('canModerate (kick, ban, mute)', () => {
  it.each<[RoomRole, RoomRole, boolean]>([
    ['leader', 'moderator', true],
    ['leader', 'member', true],
    ['leader', 'leader', false],
    ['moderator', 'member', true],
    ['moderator', 'moderator', false],
    ['moderator', 'leader', false],
    ['member', 'member', false],
    ['member', 'moderator', false],
    ['member', 'leader', false],
  ])('%s over %s: %s', (actor, target, expected) => {
    expect(canModerate(actor, target)).toBe(expected);
  });
});

describe('canInvite and canControlPlayback', () => {
  it.each<[RoomRole, boolean]>([
    ['leader', true],
    ['moderator', true],
    ['member', false],
  ])('%s may invite: %s', (role, expected) => {
    expect(canInvite(role)).toBe(expected);
  });

  it.each<[RoomRole, 'leader' | 'any', boolean]>([
    ['leader', 'leader', true],
    ['moderator', 'leader', false],
    ['member', 'leader', false],
    ['member', 'any', true],
    ['moderator', 'any', true],
  ])('%s changes content when control is %s: %s', (role, control, expected) => {
    expect(canControlPlayback(role, control)).toBe(expected);
  });
});

describe('chatRefusal', () => {
  it.each<[string, RoomRole, boolean, 'all' | 'mods' | 'off', RoomErrorCode | null]>([
    ['a member in an open chat', 'member', false, 'all', null],
    ['a muted member', 'member', true, 'all', 'MUTED'],
    ['a muted moderator', 'moderator', true, 'all', 'MUTED'],
    ['a member when only mods chat', 'member', false, 'mods', 'CHAT_MODS_ONLY'],
    ['a moderator when only mods chat', 'moderator', false, 'mods', null],
    ['the leader when only mods chat', 'leader', false, 'mods', null],
    ['a muted moderator when only mods chat', 'moderator', true, 'mods', 'MUTED'],
    ['a member when chat is off', 'member', false, 'off', 'CHAT_OFF'],
    ['the leader when chat is off', 'leader', false, 'off', 'CHAT_OFF'],
    ['a muted member when chat is off: off says more', 'member', true, 'off', 'CHAT_OFF'],
  ])('%s', (_name, role, isMuted, chatMode, expected) => {
    expect(chatRefusal({ role, isMuted }, { chatMode })?.code ?? null).toBe(expected);
  });
});

describe('chatWaitMs (slow mode and the per-user rate limit)', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const rules = (slowMode: boolean) => ({
    slowMode,
    slowModeMs: SLOW_MODE_SECONDS * 1000,
    limit: CHAT_RATE_LIMIT.messages,
    windowMs: CHAT_RATE_LIMIT.windowSeconds * 1000,
  });
  const here = 'room-a';
  const there = 'room-b';

  it.each<
    [string, { roomId: string; createdAt: Date }[], boolean, { kind: 'slow' | 'rate'; waitMs: number } | null]
  >([
    ['a first message', [], true, null],
    [
      'slow mode: 2 s after the last one here',
      [{ roomId: here, createdAt: ago(2000) }],
      true,
      { kind: 'slow', waitMs: 3000 },
    ],
    ['slow mode: exactly 5 s later', [{ roomId: here, createdAt: ago(5000) }], true, null],
    [
      'slow mode: a message in another room does not count',
      [{ roomId: there, createdAt: ago(100) }],
      true,
      null,
    ],
    ['slow mode off: 2 s later is fine', [{ roomId: here, createdAt: ago(2000) }], false, null],
    [
      'rate limit: four in the window',
      [1, 2, 3, 4].map((i) => ({ roomId: here, createdAt: ago(i * 100) })),
      false,
      null,
    ],
    [
      'rate limit: five in the window',
      [1, 2, 3, 4, 5].map((i) => ({ roomId: here, createdAt: ago(i * 100) })),
      false,
      { kind: 'rate', waitMs: 4500 },
    ],
    [
      'rate limit counts every room',
      [1, 2, 3, 4, 5].map((i) => ({ roomId: i % 2 ? here : there, createdAt: ago(i * 1000) })),
      false,
      null,
    ],
    [
      'rate limit across rooms within the window',
      [1, 2, 3, 4, 5].map((i) => ({ roomId: i % 2 ? here : there, createdAt: ago(i * 200) })),
      false,
      { kind: 'rate', waitMs: 4000 },
    ],
    [
      'rate limit: the fifth is older than the window',
      [1, 2, 3, 4, 6].map((i) => ({ roomId: there, createdAt: ago(i * 1000) })),
      false,
      null,
    ],
    [
      'slow mode answers before the rate limit',
      [1, 2, 3, 4, 5].map((i) => ({ roomId: here, createdAt: ago(i * 100) })),
      true,
      { kind: 'slow', waitMs: 4900 },
    ],
  ])('%s', (_name, latest, slowMode, expected) => {
    expect(chatWaitMs(latest, here, now, rules(slowMode))).toEqual(expected);
  });
});

describe('nextLeader', () => {
  const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 12, 0, s));

  it.each<[string, { userId: string; joinedAt: Date }[], string | null]>([
    ['nobody left', [], null],
    ['one member', [{ userId: 'b', joinedAt: at(5) }], 'b'],
    [
      'the longest present, whatever the order given',
      [
        { userId: 'c', joinedAt: at(9) },
        { userId: 'd', joinedAt: at(3) },
        { userId: 'b', joinedAt: at(5) },
      ],
      'd',
    ],
    [
      'a tie goes to the smaller id, so every instance picks the same heir',
      [
        { userId: 'y', joinedAt: at(1) },
        { userId: 'x', joinedAt: at(1) },
      ],
      'x',
    ],
  ])('%s', (_name, present, expected) => {
    expect(nextLeader(present)?.userId ?? null).toBe(expected);
  });

  it('does not reorder the list it is given', () => {
    const present = [
      { userId: 'c', joinedAt: at(9) },
      { userId: 'a', joinedAt: at(1) },
    ];
    nextLeader(present);
    expect(present.map((p) => p.userId)).toEqual(['c', 'a']);
  });
});
