import type { GuildRole } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { memberActionsFor, removalText, sortMembers } from './members';

const member = (id: string, role: GuildRole) => ({ id, role });

describe('memberActionsFor', () => {
  it.each([
    ['leader', 'officer', ['demote', 'transfer', 'kick']],
    ['leader', 'member', ['promote', 'transfer', 'kick']],
    ['officer', 'member', ['kick']],
    ['officer', 'officer', []],
    ['officer', 'leader', []],
    ['member', 'member', []],
    [null, 'member', []],
  ] as const)('%s acting on a %s', (viewer, target, actions) => {
    expect(memberActionsFor({ id: 'me', role: viewer }, member('them', target))).toEqual(actions);
  });

  it('offers nothing on yourself', () => {
    expect(memberActionsFor({ id: 'me', role: 'leader' }, member('me', 'leader'))).toEqual([]);
  });
});

describe('sortMembers', () => {
  it('lists the leader, then officers, then members, oldest first', () => {
    const sorted = sortMembers([
      { id: 'm2', role: 'member' as const, joinedAt: '2026-11-03T00:00:00Z' },
      { id: 'o1', role: 'officer' as const, joinedAt: '2026-11-04T00:00:00Z' },
      { id: 'm1', role: 'member' as const, joinedAt: '2026-11-02T00:00:00Z' },
      { id: 'l', role: 'leader' as const, joinedAt: '2026-11-05T00:00:00Z' },
    ]);
    expect(sorted.map((m) => m.id)).toEqual(['l', 'o1', 'm1', 'm2']);
  });
});

describe('removalText', () => {
  it.each([
    ['left', 'You left Owls.'],
    ['kicked', 'You were removed from Owls by its leader or an officer.'],
    ['disbanded', 'Owls was disbanded by its leader.'],
  ] as const)('%s', (reason, text) => {
    expect(removalText(reason, 'Owls')).toBe(text);
  });
});
