import { describe, expect, it } from 'vitest';
import { readUserSettings, type Audience, type PublicProfile } from '@wt/schemas';
import { applyPrivacy, inAudience, visibleParts, type Relationship } from './privacy';

describe('inAudience', () => {
  it.each<[Audience, Relationship, boolean]>([
    ['everyone', 'stranger', true],
    ['everyone', 'friend', true],
    ['everyone', 'owner', true],
    ['friends', 'stranger', false],
    ['friends', 'friend', true],
    ['friends', 'owner', true],
    ['nobody', 'stranger', false],
    ['nobody', 'friend', false],
    ['nobody', 'owner', true],
  ])('%s includes a %s: %s', (audience, relationship, expected) => {
    expect(inAudience(audience, relationship)).toBe(expected);
  });
});

const full: PublicProfile = {
  username: 'maya',
  displayName: 'Maya',
  avatarUrl: '/api/media/demo/maya.svg',
  bio: 'Hello',
  level: 3,
  xp: 2000,
  badges: [{ id: '0f8fad5b-d9cb-469f-a165-70867728950e', name: 'Owl', iconUrl: null, earnedAt: '2026-01-01T00:00:00.000Z' }],
  stats: { watchHours: { thisWeek: 1, thisMonth: 2, thisYear: 3, allTime: 4 } },
  guild: { id: '0f8fad5b-d9cb-469f-a165-70867728950f', name: 'Owls', avatarUrl: null },
  joinedAt: '2025-01-01T00:00:00.000Z',
  friendCount: 7,
};
const privacy = (p: Record<string, unknown>) => readUserSettings({ privacy: p }).privacy;

describe('applyPrivacy', () => {
  it('shows everything with everything open', () => {
    expect(applyPrivacy(full, privacy({ friendList: 'everyone' }), 'stranger')).toEqual(full);
  });

  it('a hidden profile keeps only the identity, level, XP and join date', () => {
    expect(applyPrivacy(full, privacy({ profile: 'nobody', friendList: 'everyone' }), 'friend')).toEqual({
      ...full,
      bio: null,
      badges: [],
      stats: null,
      guild: null,
      friendCount: null,
    });
  });

  it('each part follows its own audience; the owner sees all', () => {
    const p = privacy({ watchStats: 'friends', friendList: 'nobody', guild: 'friends' });
    expect(applyPrivacy(full, p, 'stranger')).toMatchObject({ stats: null, friendCount: null, guild: null, bio: 'Hello' });
    expect(applyPrivacy(full, p, 'friend')).toMatchObject({ stats: full.stats, friendCount: null, guild: full.guild });
    expect(applyPrivacy(full, p, 'owner')).toEqual(full);
  });

  it('the defaults hide the friend list from strangers only', () => {
    expect(visibleParts(privacy({}), 'stranger')).toEqual({ profile: true, watchStats: true, friendList: false, guild: true });
    expect(visibleParts(privacy({}), 'friend').friendList).toBe(true);
  });
});
