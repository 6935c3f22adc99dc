import { describe, expect, it } from 'vitest';
import { createGuildInput, guildEventInput, guildMayKick, guildRoleMay, GUILD_ACTIONS } from './guilds';

describe('guild roles (seed 000 table)', () => {
  it('gives members chat and rooms only, officers their list, the leader everything', () => {
    expect(GUILD_ACTIONS.filter((a) => guildRoleMay('member', a))).toEqual(['chat', 'viewRooms']);
    expect(GUILD_ACTIONS.filter((a) => guildRoleMay('officer', a))).toEqual([
      'chat',
      'viewRooms',
      'invite',
      'reviewRequests',
      'kick',
      'manageRooms',
      'createEvent',
    ]);
    expect(GUILD_ACTIONS.every((a) => guildRoleMay('leader', a))).toBe(true);
    expect(GUILD_ACTIONS.some((a) => guildRoleMay(null, a))).toBe(false);
  });

  it('lets officers kick members only and nobody kick the leader', () => {
    expect(guildMayKick('officer', 'member')).toBe(true);
    expect(guildMayKick('officer', 'officer')).toBe(false);
    expect(guildMayKick('leader', 'officer')).toBe(true);
    expect(guildMayKick('leader', 'leader')).toBe(false);
    expect(guildMayKick('member', 'member')).toBe(false);
  });
});

describe('guild inputs', () => {
  it('trims and squeezes names, refusing what is not a name with a sentence', () => {
    expect(createGuildInput.parse({ name: '  Night   Owls ' }).name).toBe('Night Owls');
    expect(createGuildInput.parse({ name: 'Ciné & Co.' }).name).toBe('Ciné & Co.');
    for (const name of ['ab', '-dash first', '<b>bold</b>', 'x'.repeat(33)]) {
      const result = createGuildInput.safeParse({ name });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^Guild names .*\.$/);
    }
  });

  it('wants a challenge to end after it starts, within 31 days, with a sensible goal', () => {
    const base = { guildId: '00000000-0000-4000-8000-000000000000', title: 'Marathon', startsAt: '2026-12-01T00:00:00Z', goalHours: 5 };
    expect(guildEventInput.safeParse({ ...base, endsAt: '2026-12-03T00:00:00Z' }).success).toBe(true);
    expect(guildEventInput.safeParse({ ...base, endsAt: '2026-11-30T00:00:00Z' }).error?.issues[0]?.message).toBe('A challenge ends after it starts.');
    expect(guildEventInput.safeParse({ ...base, endsAt: '2027-01-15T00:00:00Z' }).error?.issues[0]?.message).toBe('A challenge lasts at most 31 days.');
    expect(guildEventInput.safeParse({ ...base, endsAt: '2026-12-03T00:00:00Z', goalHours: 0 }).success).toBe(false);
  });
});
