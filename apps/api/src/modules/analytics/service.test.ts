import { describe, expect, it } from 'vitest';
import { monthStart } from './service';

describe('monthStart', () => {
  it.each([
    ['2026-11-22T10:00:00Z', 0, '2026-11-01'],
    ['2026-11-22T10:00:00Z', 1, '2026-12-01'],
    ['2026-11-22T10:00:00Z', 2, '2027-01-01'],
    ['2026-12-31T23:59:59Z', 1, '2027-01-01'],
    ['2027-01-01T00:00:00Z', 0, '2027-01-01'],
  ])('%s + %d months -> %s', (now, offset, expected) => {
    expect(monthStart(new Date(now), offset).toISOString().slice(0, 10)).toBe(expected);
  });
});
