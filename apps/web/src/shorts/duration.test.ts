import { describe, expect, it } from 'vitest';
import { clockDuration, isoDuration } from './duration';

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [400, 'PT0S'],
    [500, 'PT1S'],
    [42_000, 'PT42S'],
    [60_000, 'PT1M'],
    [65_000, 'PT1M5S'],
    [3_600_000, 'PT1H'],
    [3_723_000, 'PT1H2M3S'],
    [-5, 'PT0S'],
  ])('%i ms -> %s', (ms, expected) => {
    expect(isoDuration(ms)).toBe(expected);
  });
});

describe('clockDuration', () => {
  it.each([
    [0, '0:00'],
    [42_900, '0:42'],
    [185_000, '3:05'],
    [3_723_000, '1:02:03'],
  ])('%i ms -> %s', (ms, expected) => {
    expect(clockDuration(ms)).toBe(expected);
  });
});
