import { describe, expect, it } from 'vitest';
import { centsToDollars, formatPrice, parseDollars } from './price';

describe('centsToDollars', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [499, '4.99'],
    [1000, '10.00'],
    [100_000, '1000.00'],
  ])('%i cents is %s', (cents, text) => expect(centsToDollars(cents)).toBe(text));
});

describe('formatPrice', () => {
  it('says Free for nothing and dollars otherwise', () => {
    expect(formatPrice(0)).toBe('Free');
    expect(formatPrice(299)).toBe('$2.99');
  });
});

describe('parseDollars', () => {
  it.each([
    ['4.99', 499],
    ['$4.99', 499],
    [' 4.5 ', 450],
    ['4', 400],
    ['4.', 400],
    ['0.07', 7],
    ['4,99', 499],
    ['', 0],
    ['1000.00', 100_000],
  ])('%j is %i cents', (text, cents) => expect(parseDollars(text)).toEqual({ ok: true, cents }));

  it.each([
    ['-1', 'A price cannot be negative.'],
    ['4.999', 'Write the price in dollars with at most two decimals, like 4.99.'],
    ['four', 'Write the price in dollars with at most two decimals, like 4.99.'],
    ['1e3', 'Write the price in dollars with at most two decimals, like 4.99.'],
    ['1000.01', 'A season costs at most 1000.00.'],
  ])('%j is refused with a sentence', (text, message) =>
    expect(parseDollars(text)).toEqual({ ok: false, message }),
  );

  it('round-trips every cent value it formats', () => {
    for (const cents of [0, 1, 99, 100, 101, 4999, 99_999, 100_000]) {
      expect(parseDollars(centsToDollars(cents))).toEqual({ ok: true, cents });
    }
  });
});
