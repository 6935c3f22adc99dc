import { describe, expect, it } from 'vitest';
import { partyIntervals, secondsPerDay, union } from './watch-time';

const at = (iso: string) => Date.parse(iso);
const span = (from: string, to: string) => ({ start: at(from), end: at(to) });
const H = 3600;

describe('secondsPerDay', () => {
  it.each([
    ['one session inside a day', [span('2026-11-29T10:00:00Z', '2026-11-29T12:30:00Z')], { '2026-11-29': 2.5 * H }],
    [
      'a session across midnight counts on both UTC days',
      [span('2026-11-29T23:00:00Z', '2026-11-30T01:30:00Z')],
      { '2026-11-29': H, '2026-11-30': 1.5 * H },
    ],
    [
      'overlapping sessions (two rooms at once) count once',
      [span('2026-11-29T10:00:00Z', '2026-11-29T11:00:00Z'), span('2026-11-29T10:30:00Z', '2026-11-29T11:30:00Z')],
      { '2026-11-29': 1.5 * H },
    ],
    [
      'a multi-day session fills whole days',
      [span('2026-11-29T12:00:00Z', '2026-12-01T06:00:00Z')],
      { '2026-11-29': 12 * H, '2026-11-30': 24 * H, '2026-12-01': 6 * H },
    ],
    ['an empty or backwards interval counts nothing', [span('2026-11-29T10:00:00Z', '2026-11-29T10:00:00Z')], {}],
    ['partial seconds round down', [{ start: at('2026-11-29T10:00:00Z'), end: at('2026-11-29T10:00:00Z') + 1999 }], { '2026-11-29': 1 }],
  ])('%s', (_name, intervals, expected) => {
    expect(Object.fromEntries(secondsPerDay(intervals))).toEqual(expected);
  });
});

describe('union', () => {
  it('merges touching and overlapping intervals and sorts them', () => {
    expect(union([{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 2, end: 3 }, { start: 7, end: 9 }])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 9 },
    ]);
  });
});

describe('partyIntervals', () => {
  const session = span('2026-11-29T10:00:00Z', '2026-11-29T13:00:00Z');

  it('is the time at least two friends watched too, clipped to the session', () => {
    const friends = new Map([
      ['ana', [span('2026-11-29T09:00:00Z', '2026-11-29T12:00:00Z')]],
      ['ben', [span('2026-11-29T11:00:00Z', '2026-11-29T14:00:00Z')]],
    ]);
    expect(partyIntervals(session, friends)).toEqual([span('2026-11-29T11:00:00Z', '2026-11-29T12:00:00Z')]);
  });

  it('one friend is not a party, however many sessions they have', () => {
    const friends = new Map([
      ['ana', [span('2026-11-29T10:00:00Z', '2026-11-29T11:00:00Z'), span('2026-11-29T10:30:00Z', '2026-11-29T12:00:00Z')]],
    ]);
    expect(partyIntervals(session, friends)).toEqual([]);
  });

  it('a friend leaving as another arrives never makes two at once', () => {
    const friends = new Map([
      ['ana', [span('2026-11-29T10:00:00Z', '2026-11-29T11:00:00Z')]],
      ['ben', [span('2026-11-29T11:00:00Z', '2026-11-29T12:00:00Z')]],
    ]);
    expect(partyIntervals(session, friends)).toEqual([]);
  });

  it('three friends: the party lasts while any two remain', () => {
    const friends = new Map([
      ['ana', [span('2026-11-29T10:00:00Z', '2026-11-29T13:00:00Z')]],
      ['ben', [span('2026-11-29T10:00:00Z', '2026-11-29T11:00:00Z')]],
      ['cy', [span('2026-11-29T10:30:00Z', '2026-11-29T12:00:00Z')]],
    ]);
    expect(partyIntervals(session, friends)).toEqual([span('2026-11-29T10:00:00Z', '2026-11-29T12:00:00Z')]);
  });
});
