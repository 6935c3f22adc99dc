import { describe, expect, it } from 'vitest';
import { hoursOf, periodStarts } from './watch-hours';

describe('periodStarts', () => {
  it.each([
    ['2026-03-18T15:30:00Z', '2026-03-16T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    // Monday midnight is the start of its own week.
    ['2026-03-16T00:00:00Z', '2026-03-16T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    // Sunday late belongs to the week that began the Monday before.
    ['2026-03-15T23:59:59Z', '2026-03-09T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    // A week can start in the previous month and year.
    ['2026-01-01T08:00:00Z', '2025-12-29T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-26T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'],
  ])('at %s: week %s, month %s, year %s', (now, week, month, year) => {
    const starts = periodStarts(new Date(now));
    expect([starts.week.toISOString(), starts.month.toISOString(), starts.year.toISOString()]).toEqual([week, month, year]);
  });
});

describe('hoursOf', () => {
  it.each([
    [0, 0],
    [3600, 1],
    [5400, 1.5],
    [179, 0],
    [180, 0.1],
    [36_000 + 1799, 10.5],
    [-50, 0],
  ])('%i seconds are %f hours', (seconds, hours) => {
    expect(hoursOf(seconds)).toBe(hours);
  });
});
