import { describe, expect, it } from 'vitest';
import { HTML5_CAPABILITIES } from '@/players/html5-player';
import { LEADER, member, ME, THIRD } from '@/rooms/test-fixtures';
import { canControlPlayback, formatMediaTime, formatRate, rateChoices, waitingNotice } from './playback-ui';

describe('canControlPlayback', () => {
  it.each([
    ['leader', 'leader', true],
    ['moderator', 'leader', false],
    ['member', 'leader', false],
    ['member', 'any', true],
  ] as const)('a %s when control is %s: %s', (role, playbackControl, expected) => {
    expect(canControlPlayback({ role }, { playbackControl })).toBe(expected);
  });
});

describe('formatMediaTime', () => {
  it.each([
    [null, '0:00'],
    [-3, '0:00'],
    [7.9, '0:07'],
    [754, '12:34'],
    [3_723, '1:02:03'],
  ] as const)('%s s reads %s', (sec, text) => {
    expect(formatMediaTime(sec)).toBe(text);
  });
});

describe('rateChoices', () => {
  it('offers every speed to a player with free rates', () => {
    expect(rateChoices(HTML5_CAPABILITIES)).toEqual([0.5, 0.75, 1, 1.25, 1.5, 2]);
  });

  it("offers YouTube's own list only", () => {
    expect(rateChoices({ ...HTML5_CAPABILITIES, allowedRates: [0.5, 1, 1.5, 2] })).toEqual([0.5, 1, 1.5, 2]);
  });

  it('offers nothing without rate control (Spotify) or without a player', () => {
    expect(rateChoices({ ...HTML5_CAPABILITIES, rateControl: false })).toEqual([]);
    expect(rateChoices(null)).toEqual([]);
  });

  it('writes rates as multipliers', () => {
    expect(formatRate(1.25)).toBe('1.25×');
    expect(formatRate(0.75)).toBe('0.75×');
    expect(formatRate(2)).toBe('2×');
  });
});

describe('waitingNotice', () => {
  const settings = { waitForEveryone: true, maxWaitMs: 6_000 };
  const lead = member({ id: LEADER, username: 'lead', displayName: 'Lead', role: 'leader' });
  const sam = member({ id: THIRD, username: 'sam', displayName: 'Sam', buffering: true });

  it('names who the room waits for, and that it goes on by itself', () => {
    expect(waitingNotice([lead, sam], settings, ME)).toEqual({
      title: 'Waiting for Sam to buffer…',
      detail: 'The room goes on by itself within 6 s; anyone still loading catches up after.',
    });
  });

  it('says "you" for yourself and shortens long lists', () => {
    const me = member({ id: ME, username: 'me', buffering: true });
    const many = [1, 2, 3].map((n) => member({ id: `id-${n}`, username: `p${n}`, buffering: true }));
    expect(waitingNotice([me, sam], settings, ME).title).toBe('Waiting for you and Sam to buffer…');
    expect(waitingNotice([sam, ...many], settings, ME).title).toBe(
      'Waiting for Sam, p1 and 2 others to buffer…',
    );
  });

  it('leaves out members who are away, and falls back to everyone', () => {
    const away = member({ id: THIRD, username: 'sam', online: false, buffering: true });
    expect(waitingNotice([lead, away], settings, ME).title).toBe('Waiting for everyone to catch up…');
  });
});
