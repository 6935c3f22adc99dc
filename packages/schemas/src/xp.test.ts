import { describe, expect, it } from 'vitest';
import { levelForXp } from './levels';
import {
  adWatchKey,
  chatKeys,
  dailyLoginKey,
  eventTaskKey,
  firstSessionKey,
  isKeyOfRule,
  newFriendKey,
  ruleOfKey,
  utcDay,
  watchHourKey,
  watchPartyHourKey,
  xpAmountFor,
  XP_RULES,
  XpRuleError,
} from './xp';

const at = (iso: string) => new Date(iso);

describe('XP_RULES (seed 000 "XP Sources")', () => {
  it.each([
    ['daily_login', 'login', 50, 1],
    ['watch_hour', 'watch', 100, 5],
    ['watch_party_hour', 'watch', 20, null],
    ['chat_messages', 'chat', 15, 3],
    ['new_friend', 'friend', 25, null],
    ['ad_watch', 'ad_watch', 30, null],
    ['first_session', 'watch', 25, 1],
  ] as const)('%s: reason %s, %i XP, %s a day', (rule, reason, amount, perDay) => {
    expect(XP_RULES[rule]).toMatchObject({ reason, amount, perDay });
  });

  it('event tasks give 50..500', () => {
    expect(XP_RULES.event_task.amount).toEqual({ min: 50, max: 500 });
  });
});

describe('xpAmountFor', () => {
  it.each([
    ['daily_login', undefined, 50],
    ['daily_login', 50, 50],
    ['event_task', 50, 50],
    ['event_task', 275, 275],
    ['event_task', 500, 500],
  ] as const)('%s asked %s gives %i', (rule, asked, amount) => {
    expect(xpAmountFor(rule, asked)).toBe(amount);
  });

  it.each([
    ['daily_login', 51],
    ['new_friend', 1000],
    ['event_task', undefined],
    ['event_task', 49],
    ['event_task', 501],
    ['event_task', 100.5],
    ['event_task', -100],
  ] as const)('%s asked %s is refused', (rule, asked) => {
    expect(() => xpAmountFor(rule, asked)).toThrow(XpRuleError);
  });
});

describe('dedupe keys across UTC day boundaries', () => {
  it.each([
    ['2026-11-29T00:00:00.000Z', '2026-11-29'],
    ['2026-11-29T23:59:59.999Z', '2026-11-29'],
    ['2026-11-30T00:00:00.000Z', '2026-11-30'],
    // 23:30 in New York on the 29th is already the 30th in UTC: days are UTC.
    ['2026-11-29T23:30:00.000-05:00', '2026-11-30'],
    ['2024-02-29T12:00:00.000Z', '2024-02-29'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31'],
    ['2027-01-01T00:00:00.000Z', '2027-01-01'],
  ])('%s is UTC day %s', (iso, day) => {
    expect(utcDay(at(iso))).toBe(day);
    expect(dailyLoginKey(at(iso))).toBe(`login:${day}`);
    expect(firstSessionKey(at(iso))).toBe(`first-session:${day}`);
  });

  it('two sign-ins a millisecond apart across midnight get two login keys, within a day one', () => {
    expect(dailyLoginKey(at('2026-11-29T23:59:59.999Z'))).not.toBe(
      dailyLoginKey(at('2026-11-30T00:00:00.000Z')),
    );
    expect(dailyLoginKey(at('2026-11-29T00:00:00.000Z'))).toBe(dailyLoginKey(at('2026-11-29T23:59:59.999Z')));
  });

  it.each([
    [0, null],
    [1, 'watch:2026-11-29:h1'],
    [3, 'watch:2026-11-29:h3'],
    [5, 'watch:2026-11-29:h5'],
    [6, null],
    [2.5, null],
  ])('watch hour %s -> %s (max 5 a day)', (hour, key) => {
    expect(watchHourKey(at('2026-11-29T18:00:00Z'), hour)).toBe(key);
  });

  it.each([
    [0, null],
    [1, 'party:2026-11-29:h1'],
    [9, 'party:2026-11-29:h9'],
  ])('party hour %s -> %s (no daily cap)', (hour, key) => {
    expect(watchPartyHourKey(at('2026-11-29T18:00:00Z'), hour)).toBe(key);
  });

  it.each([
    [0, []],
    [9, []],
    [10, ['chat:2026-11-29:1']],
    [19, ['chat:2026-11-29:1']],
    [20, ['chat:2026-11-29:1', 'chat:2026-11-29:2']],
    [30, ['chat:2026-11-29:1', 'chat:2026-11-29:2', 'chat:2026-11-29:3']],
    [40, ['chat:2026-11-29:1', 'chat:2026-11-29:2', 'chat:2026-11-29:3']],
    [1000, ['chat:2026-11-29:1', 'chat:2026-11-29:2', 'chat:2026-11-29:3']],
    [-5, []],
  ])('%i chat messages in a day -> %j (15 XP per 10, max 3)', (count, keys) => {
    expect(chatKeys(at('2026-11-29T23:59:00Z'), count)).toEqual(keys);
  });

  it('chat keys of the next UTC day start again from 1', () => {
    expect(chatKeys(at('2026-11-30T00:00:01Z'), 10)).toEqual(['chat:2026-11-30:1']);
  });

  it.each([
    [79.9, null],
    [80, 'ad:ad-1'],
    [100, 'ad:ad-1'],
  ])('ad watched %s%% -> %s', (pct, key) => {
    expect(adWatchKey('ad-1', pct)).toBe(key);
  });

  it('friend and task keys are once per other user / task, with no window', () => {
    expect(newFriendKey('u-2')).toBe('friend:u-2');
    expect(eventTaskKey('t-9')).toBe('task:t-9');
  });

  it.each([
    ['login:2026-11-29', 'daily_login'],
    ['watch:2026-11-29:h1', 'watch_hour'],
    ['party:2026-11-29:h1', 'watch_party_hour'],
    ['chat:2026-11-29:3', 'chat_messages'],
    ['friend:u-2', 'new_friend'],
    ['task:t-9', 'event_task'],
    ['ad:ad-1', 'ad_watch'],
    ['first-session:2026-11-29', 'first_session'],
    ['bogus:1', null],
    ['login:', null],
  ] as const)('key %s belongs to %s', (key, rule) => {
    expect(ruleOfKey(key)).toBe(rule);
    if (rule) expect(isKeyOfRule(rule, key)).toBe(true);
  });

  it('a key of one rule is not a key of another', () => {
    expect(isKeyOfRule('daily_login', 'task:t-1')).toBe(false);
    expect(isKeyOfRule('watch_hour', 'first-session:2026-11-29')).toBe(false);
  });
});

describe('levelForXp at every seed threshold', () => {
  it.each([
    [0, 1],
    [499, 1],
    [500, 2],
    [1499, 2],
    [1500, 3],
    [3499, 3],
    [3500, 4],
    [7499, 4],
    [7500, 5],
    [14999, 5],
    [15000, 6],
    [27499, 6],
    [27500, 7],
    [44999, 7],
    [45000, 8],
    [69999, 8],
    [70000, 9],
    [99999, 9],
    [100000, 10],
    [1000000, 10],
  ])('%i XP is level %i', (xp, level) => {
    expect(levelForXp(xp)).toBe(level);
  });
});
