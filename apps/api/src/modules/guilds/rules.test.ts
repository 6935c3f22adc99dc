import { describe, expect, it } from 'vitest';
import {
  disbandConfirmed,
  guildEventStatus,
  hoursOf,
  joinRefusal,
  kickRefusal,
  leaveRefusal,
  requireRole,
  setRoleRefusal,
  transferRefusal,
  type JoinFacts,
} from './rules';

const G = 'guild-1';
const open: JoinFacts = { isPublic: true, memberCount: 3, maxMembers: 10, currentGuildId: null, invited: false, wasKicked: false };

describe('joinRefusal', () => {
  it('lets anyone without a guild into a public guild with room', () => {
    expect(joinRefusal(G, open)).toBeNull();
  });

  it('refuses a private guild without an invite, and lets the invited in', () => {
    expect(joinRefusal(G, { ...open, isPublic: false })?.code).toBe('GUILD_PRIVATE');
    expect(joinRefusal(G, { ...open, isPublic: false, invited: true })).toBeNull();
  });

  it('refuses someone kicked from walking back in, but not with an invite', () => {
    expect(joinRefusal(G, { ...open, wasKicked: true })?.code).toBe('KICKED');
    expect(joinRefusal(G, { ...open, wasKicked: true, invited: true })).toBeNull();
  });

  it('refuses a full guild, even with an invite, at the ten-member cap whatever max_members says', () => {
    expect(joinRefusal(G, { ...open, memberCount: 10 })?.code).toBe('GUILD_FULL');
    expect(joinRefusal(G, { ...open, memberCount: 10, invited: true })?.code).toBe('GUILD_FULL');
    expect(joinRefusal(G, { ...open, memberCount: 4, maxMembers: 4 })?.code).toBe('GUILD_FULL');
    expect(joinRefusal(G, { ...open, memberCount: 10, maxMembers: 50 })?.code).toBe('GUILD_FULL');
  });

  it('refuses a second guild, and says so differently for the same one', () => {
    expect(joinRefusal(G, { ...open, currentGuildId: 'other' })?.code).toBe('ALREADY_IN_GUILD');
    expect(joinRefusal(G, { ...open, currentGuildId: G })?.message).toBe('You are already a member of this guild.');
  });
});

describe('who may do what', () => {
  it('requireRole follows the seed table', () => {
    expect(requireRole(null, 'chat')?.code).toBe('NOT_MEMBER');
    expect(requireRole('member', 'chat')).toBeNull();
    expect(requireRole('member', 'invite')?.code).toBe('FORBIDDEN');
    expect(requireRole('officer', 'invite')).toBeNull();
    expect(requireRole('officer', 'createEvent')).toBeNull();
    expect(requireRole('officer', 'manageRooms')).toBeNull();
    expect(requireRole('officer', 'disband')?.message).toBe('Only the leader can disband the guild.');
    expect(requireRole('officer', 'setRole')?.code).toBe('FORBIDDEN');
    for (const action of ['disband', 'transfer', 'setRole', 'edit', 'kick', 'invite'] as const) {
      expect(requireRole('leader', action)).toBeNull();
    }
  });

  it('kicks: leader anyone but themself, officer members only, member nobody', () => {
    expect(kickRefusal('a', 'leader', 'b', 'officer')).toBeNull();
    expect(kickRefusal('a', 'leader', 'b', 'member')).toBeNull();
    expect(kickRefusal('a', 'leader', 'a', 'leader')?.code).toBe('CANNOT_KICK');
    expect(kickRefusal('a', 'officer', 'b', 'member')).toBeNull();
    expect(kickRefusal('a', 'officer', 'b', 'officer')?.code).toBe('CANNOT_KICK');
    expect(kickRefusal('a', 'officer', 'b', 'leader')?.message).toBe('The leader cannot be kicked.');
    expect(kickRefusal('a', 'member', 'b', 'member')?.code).toBe('FORBIDDEN');
    expect(kickRefusal('a', null, 'b', 'member')?.code).toBe('NOT_MEMBER');
    expect(kickRefusal('a', 'leader', 'b', null)?.code).toBe('NOT_MEMBER');
  });

  it('roles and transfers are the leader’s, never to themself', () => {
    expect(setRoleRefusal('a', 'leader', 'b', 'member')).toBeNull();
    expect(setRoleRefusal('a', 'officer', 'b', 'member')?.code).toBe('FORBIDDEN');
    expect(setRoleRefusal('a', 'leader', 'a', 'leader')?.code).toBe('VALIDATION_FAILED');
    expect(transferRefusal('a', 'leader', 'b', 'member')).toBeNull();
    expect(transferRefusal('a', 'officer', 'b', 'member')?.code).toBe('FORBIDDEN');
    expect(transferRefusal('a', 'leader', 'b', null)?.code).toBe('NOT_MEMBER');
  });

  it('the leader must transfer before leaving', () => {
    expect(leaveRefusal('leader')?.code).toBe('LEADER_MUST_TRANSFER');
    expect(leaveRefusal('officer')).toBeNull();
    expect(leaveRefusal(null)?.code).toBe('NOT_MEMBER');
  });
});

describe('small rules', () => {
  it('confirms a disband by the name, case and outer spaces aside', () => {
    expect(disbandConfirmed('Night Owls', ' night owls ')).toBe(true);
    expect(disbandConfirmed('Night Owls', 'Night Owl')).toBe(false);
  });

  it('tells a challenge upcoming, running or ended', () => {
    const s = new Date('2026-11-30T10:00:00Z');
    const e = new Date('2026-12-01T10:00:00Z');
    expect(guildEventStatus(s, e, new Date('2026-11-30T09:59:59Z'))).toBe('upcoming');
    expect(guildEventStatus(s, e, s)).toBe('running');
    expect(guildEventStatus(s, e, e)).toBe('ended');
  });

  it('rounds hours to hundredths', () => {
    expect(hoursOf(3900)).toBe(1.08);
    expect(hoursOf(0)).toBe(0);
  });
});
