import { XP_RULE_NAMES, xpStanding, type XpReason } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import {
  badgeXpText,
  levelUpMessage,
  newerStanding,
  progressPercent,
  standingLabel,
  XP_RULE_LABELS,
  xpEntryLabel,
  xpGainText,
  xpRuleTerms,
} from './labels';

describe('xpEntryLabel', () => {
  it.each([
    ['daily_login', 'login', 'Daily login'],
    ['watch_hour', 'watch', 'Hour watched'],
    ['watch_party_hour', 'watch', 'Watch party hour'],
    ['chat_messages', 'chat', '10 chat messages'],
    ['new_friend', 'friend', 'New friend'],
    ['event_task', 'event', 'Event task'],
    ['ad_watch', 'ad_watch', 'Ad watched'],
    ['first_session', 'watch', 'First session of the day'],
  ] as const)('names rule %s', (rule, reason, label) => {
    expect(xpEntryLabel({ rule, reason })).toBe(label);
  });

  it('has a distinct label for every rule', () => {
    const labels = XP_RULE_NAMES.map((rule) => XP_RULE_LABELS[rule]);
    expect(new Set(labels).size).toBe(XP_RULE_NAMES.length);
  });

  it.each([
    ['watch', 'Watching'],
    ['chat', 'Chat'],
    ['ad_watch', 'Ad watched'],
  ] as const)('falls back to the reason %s when the rule is unknown', (reason: XpReason, label) => {
    expect(xpEntryLabel({ rule: null, reason })).toBe(label);
  });
});

describe('standingLabel', () => {
  it.each([
    [0, 1, 'Level 1, 0 / 500 XP'],
    [490, 1, 'Level 1, 490 / 500 XP'],
    [505, 2, 'Level 2, 505 / 1,500 XP'],
    [1720, 3, 'Level 3, 1,720 / 3,500 XP'],
    [104_000, 10, 'Level 10, 104,000 XP, top level'],
  ])('%i XP', (xp, level, label) => {
    expect(standingLabel(xpStanding(xp, level))).toBe(label);
  });
});

describe('badgeXpText', () => {
  it.each([
    [65, 1, '65 / 500 XP'],
    [1720, 3, '1.7K / 3.5K XP'],
    [104_000, 10, '104K XP'],
  ])('%i XP', (xp, level, text) => {
    expect(badgeXpText(xpStanding(xp, level))).toBe(text);
  });
});

describe('progressPercent', () => {
  it.each([
    [0, 0],
    [250, 50],
    [499, 99],
    [500, 0],
    [1000, 50],
    [100_000, 100],
  ])('%i XP fills %i%%', (xp, percent) => {
    expect(progressPercent(xpStanding(xp, 1))).toBe(percent);
  });
});

describe('newerStanding', () => {
  const at = (xp: number) => xpStanding(xp, 1);

  it('takes the incoming standing when there is none yet', () => {
    expect(newerStanding(undefined, at(65))).toEqual(at(65));
  });

  it('takes a higher standing', () => {
    expect(newerStanding(at(50), at(65))).toEqual(at(65));
  });

  it('keeps the current one when a late event carries less XP', () => {
    expect(newerStanding(at(80), at(65))).toEqual(at(80));
  });
});

describe('texts', () => {
  it('writes gains and level-ups', () => {
    expect(xpGainText(15)).toBe('+15 XP');
    expect(xpGainText(1500)).toBe('+1,500 XP');
    expect(levelUpMessage(2)).toBe('Level 2 reached!');
  });
});

describe('xpRuleTerms', () => {
  it.each([
    ['daily_login', '+50 XP', 'once a day'],
    ['watch_hour', '+100 XP', 'up to 5 a day'],
    ['chat_messages', '+15 XP', 'up to 3 a day'],
    ['new_friend', '+25 XP', null],
    ['event_task', '+50–500 XP', null],
  ] as const)('%s gives %s, %s', (rule, amount, limit) => {
    expect(xpRuleTerms(rule)).toEqual({ amount, limit });
  });
});
