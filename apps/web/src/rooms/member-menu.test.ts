import { describe, expect, it } from 'vitest';
import { commandDoneSentence, memberMenu } from './member-menu';
import { LEADER, ME, THIRD } from './test-fixtures';

const leader = { userId: LEADER, role: 'leader' as const, isMuted: false };
const moderator = { userId: ME, role: 'moderator' as const, isMuted: false };
const plain = { id: THIRD, role: 'member' as const, isMuted: false };

describe('memberMenu', () => {
  it('gives the leader every power over a member, kicks last', () => {
    expect(memberMenu(leader, plain).map((e) => e.label)).toEqual([
      'Mute',
      'Make moderator',
      'Make leader',
      'Kick for 10 minutes',
      'Kick for 1 hour',
      'Kick for 1 day',
      'Kick for good',
    ]);
  });

  it('maps each kick to its ban in minutes, for good to no limit', () => {
    const commands = memberMenu(leader, plain).filter((e) => e.command.kind === 'kick');
    expect(commands.map((e) => (e.command.kind === 'kick' ? e.command.banMinutes : null))).toEqual([
      10,
      60,
      1440,
      undefined,
    ]);
  });

  it('lets a moderator mute, kick and ban members but not promote', () => {
    const labels = memberMenu(moderator, { ...plain, isMuted: true }).map((e) => e.label);
    expect(labels).toContain('Unmute');
    expect(labels).toContain('Kick for good');
    expect(labels).not.toContain('Make moderator');
    expect(labels).not.toContain('Make leader');
  });

  it('has nothing for a plain member or over oneself', () => {
    expect(
      memberMenu(
        { userId: THIRD, role: 'member', isMuted: false },
        { id: ME, role: 'member', isMuted: false },
      ),
    ).toEqual([]);
    expect(memberMenu(leader, { id: LEADER, role: 'leader', isMuted: false })).toEqual([]);
  });

  it('offers removing a moderator to the leader', () => {
    expect(memberMenu(leader, { id: ME, role: 'moderator', isMuted: false }).map((e) => e.key)).toContain(
      'remove-moderator',
    );
  });
});

describe('commandDoneSentence', () => {
  it('says what happened', () => {
    expect(commandDoneSentence({ kind: 'mute', muted: true }, 'Sam')).toBe('Sam is muted.');
    expect(commandDoneSentence({ kind: 'kick', banMinutes: 60 }, 'Sam')).toBe(
      'Sam was removed from the room for 1 hour.',
    );
    expect(commandDoneSentence({ kind: 'kick', banMinutes: undefined }, 'Sam')).toBe(
      'Sam was removed from the room for good.',
    );
    expect(commandDoneSentence({ kind: 'transfer' }, 'Sam')).toBe('Sam leads the room now.');
  });
});
