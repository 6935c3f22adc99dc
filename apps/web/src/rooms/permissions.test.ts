import type { RoomRole } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import {
  canChangeContent,
  canEditSettings,
  canInvite,
  canModerate,
  canPromote,
  chatAvailability,
  memberActions,
  slowModeWaitSeconds,
} from './permissions';

const actor = (role: RoomRole, isMuted = false) => ({ userId: 'actor', role, isMuted });
const target = (role: RoomRole, id = 'target', isMuted = false) => ({ id, role, isMuted });

describe('canModerate (kick, ban, mute)', () => {
  it.each<[RoomRole, RoomRole, boolean]>([
    ['leader', 'moderator', true],
    ['leader', 'member', true],
    ['moderator', 'member', true],
    ['moderator', 'moderator', false],
    ['moderator', 'leader', false],
    ['member', 'member', false],
    ['member', 'leader', false],
  ])('%s over %s: %s', (a, t, expected) => {
    expect(canModerate(actor(a), target(t))).toBe(expected);
  });

  it('never over yourself', () => {
    expect(canModerate(actor('leader'), target('leader', 'actor'))).toBe(false);
  });
});

describe('leader-only powers', () => {
  it('promote and transfer: the leader, not on themselves', () => {
    expect(canPromote(actor('leader'), target('member'))).toBe(true);
    expect(canPromote(actor('leader'), target('leader', 'actor'))).toBe(false);
    expect(canPromote(actor('moderator'), target('member'))).toBe(false);
  });

  it('settings: the leader only; invites: leader and moderators', () => {
    expect(canEditSettings(actor('leader'))).toBe(true);
    expect(canEditSettings(actor('moderator'))).toBe(false);
    expect(canInvite(actor('moderator'))).toBe(true);
    expect(canInvite(actor('member'))).toBe(false);
  });
});

describe('canChangeContent', () => {
  it('is the leader, or anyone when playback is for everyone', () => {
    expect(canChangeContent(actor('leader'), { playbackControl: 'leader' })).toBe(true);
    expect(canChangeContent(actor('moderator'), { playbackControl: 'leader' })).toBe(false);
    expect(canChangeContent(actor('member'), { playbackControl: 'any' })).toBe(true);
  });
});

describe('memberActions', () => {
  it('gives the leader everything on a member', () => {
    expect(memberActions(actor('leader'), target('member'))).toEqual([
      'mute',
      'make-moderator',
      'make-leader',
      'kick',
      'ban',
    ]);
  });

  it('offers unmute for a muted member and demotion for a moderator', () => {
    expect(memberActions(actor('leader'), target('moderator', 'm', true))).toEqual([
      'unmute',
      'remove-moderator',
      'make-leader',
      'kick',
      'ban',
    ]);
  });

  it('gives a moderator mute, kick and ban on members only', () => {
    expect(memberActions(actor('moderator'), target('member'))).toEqual(['mute', 'kick', 'ban']);
    expect(memberActions(actor('moderator'), target('moderator'))).toEqual([]);
    expect(memberActions(actor('moderator'), target('leader'))).toEqual([]);
  });

  it('gives a member nothing (no menu)', () => {
    expect(memberActions(actor('member'), target('member'))).toEqual([]);
  });
});

describe('chatAvailability', () => {
  const open = { chatMode: 'all' as const, slowMode: false };

  it('is open by default', () => {
    expect(chatAvailability(actor('member'), open)).toEqual({ canSend: true, note: null });
  });

  it.each([
    ['chat off', actor('leader'), { ...open, chatMode: 'off' as const }, 'Chat is turned off in this room.'],
    ['muted', actor('member', true), open, 'You are muted in this room, so you cannot chat.'],
    [
      'mods only',
      actor('member'),
      { ...open, chatMode: 'mods' as const },
      'Only the leader and moderators can chat right now.',
    ],
  ])('is closed when %s, saying why', (_, who, room, reason) => {
    expect(chatAvailability(who, room)).toEqual({ canSend: false, reason });
  });

  it('notes slow mode and mods-only for those who can still send', () => {
    expect(chatAvailability(actor('moderator'), { chatMode: 'mods', slowMode: true })).toEqual({
      canSend: true,
      note: 'Only moderators can chat right now. Slow mode: one message every 5 s.',
    });
  });
});

describe('slowModeWaitSeconds', () => {
  it('counts down from 5 s after the last message, rounding up', () => {
    expect(slowModeWaitSeconds(1_000, 2_500, true)).toBe(4);
    expect(slowModeWaitSeconds(1_000, 6_000, true)).toBe(0);
    expect(slowModeWaitSeconds(1_000, 2_500, false)).toBe(0);
    expect(slowModeWaitSeconds(null, 2_500, true)).toBe(0);
  });
});
