import { describe, expect, it } from 'vitest';
import { formatCount } from './format';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [950, '950'],
    [12.3, '12.3'],
    [12_345, '12.3K'],
    [2_500_000, '2.5M'],
    [-1, '0'],
    [Number.NaN, '0'],
  ])('%s -> %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
});
