import { describe, expect, it } from 'vitest';
import { finishedPeriodStarts, resetRefusal, winnerPremiumDays } from './reset';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10));

describe('finishedPeriodStarts', () => {
  it.each([
    // Monday 00:00 UTC exactly: the week that just ended is the newest.
    ['2026-11-30T00:00:00.000Z', 3, ['2026-11-09', '2026-11-16', '2026-11-23']],
    ['2026-11-29T23:59:59.999Z', 2, ['2026-11-09', '2026-11-16']],
    // Across a year end.
    ['2027-01-06T12:00:00.000Z', 2, ['2026-12-21', '2026-12-28']],
  ])('weekly at %s, %i back: %j', (now, count, expected) => {
    expect(iso(finishedPeriodStarts('weekly', new Date(now), count))).toEqual(expected);
  });

  it.each([
    ['2026-12-01T00:00:00.000Z', ['2026-09-01', '2026-10-01', '2026-11-01']],
    ['2027-02-15T08:00:00.000Z', ['2026-11-01', '2026-12-01', '2027-01-01']],
  ])('monthly at %s, 3 back by default: %j', (now, expected) => {
    expect(iso(finishedPeriodStarts('monthly', new Date(now)))).toEqual(expected);
  });

  it('looks back 8 weeks by default, oldest first', () => {
    const weeks = finishedPeriodStarts('weekly', new Date('2026-11-30T00:00:00.000Z'));
    expect(weeks).toHaveLength(8);
    expect(weeks[0]!.getTime()).toBeLessThan(weeks[7]!.getTime());
  });
});

describe('resetRefusal', () => {
  const now = new Date('2026-11-30T00:00:00.000Z');
  it.each([
    ['weekly', '2026-11-23T00:00:00.000Z', null],
    ['weekly', '2026-11-30T00:00:00.000Z', 'the period starting 2026-11-30T00:00:00.000Z is not over yet'],
    [
      'weekly',
      '2026-11-24T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z is not the start of a week (Monday 00:00 UTC)',
    ],
    ['monthly', '2026-10-01T00:00:00.000Z', null],
    ['monthly', '2026-11-01T00:00:00.000Z', 'the period starting 2026-11-01T00:00:00.000Z is not over yet'],
    [
      'monthly',
      '2026-10-02T00:00:00.000Z',
      '2026-10-02T00:00:00.000Z is not the start of a month (the 1st, 00:00 UTC)',
    ],
  ] as const)('%s %s', (period, start, expected) => {
    expect(resetRefusal(period, new Date(start), now)).toBe(expected);
  });
});

describe('winnerPremiumDays', () => {
  it('pays Premium on weekly boards only', () => {
    expect(winnerPremiumDays('individual', 'weekly')).toBe(90);
    expect(winnerPremiumDays('guild', 'weekly')).toBe(30);
    expect(winnerPremiumDays('individual', 'monthly')).toBe(0);
    expect(winnerPremiumDays('guild', 'monthly')).toBe(0);
  });
});
