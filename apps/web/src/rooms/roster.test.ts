import { describe, expect, it } from 'vitest';
import { memberSummary, memberTags, presenceLabel } from './roster';
import { LEADER, ME, member, THIRD } from './test-fixtures';

describe('memberTags', () => {
  it('names the role, you, mute and presence', () => {
    expect(memberTags(member({ id: LEADER, role: 'leader' }), ME).map((t) => t.kind)).toEqual(['leader']);
    expect(memberTags(member({ id: ME, role: 'moderator', isMuted: true }), ME).map((t) => t.kind)).toEqual([
      'moderator',
      'you',
      'muted',
    ]);
  });

  it('shows buffering only while online', () => {
    expect(memberTags(member({ id: THIRD, buffering: true }), ME).map((t) => t.kind)).toEqual(['buffering']);
    expect(memberTags(member({ id: THIRD, buffering: true, online: false }), ME).map((t) => t.kind)).toEqual([
      'offline',
    ]);
  });
});

describe('memberSummary', () => {
  it('is the name with its tags', () => {
    expect(memberSummary(member({ id: LEADER, displayName: 'Sam', role: 'leader', isMuted: true }), ME)).toBe(
      'Sam (Leader, Muted)',
    );
    expect(memberSummary(member({ id: THIRD, username: 'kim' }), ME)).toBe('kim');
  });
});

describe('presenceLabel', () => {
  it('counts who is connected', () => {
    expect(presenceLabel([member({ id: ME }), member({ id: THIRD })])).toBe('2 here');
    expect(presenceLabel([member({ id: ME }), member({ id: THIRD, online: false })])).toBe('1 here, 1 away');
  });
});
