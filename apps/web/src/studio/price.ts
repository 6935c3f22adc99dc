import { SEASON_MAX_PRICE_CENTS } from '@wt/schemas';

/**
 * Season prices: stored in integer cents, typed and shown in dollars with cents ("4.99"). Parsing is
 * strict (no rounding of a third decimal) so what the creator typed is exactly what is saved.
 */

export type ParsedPrice = { ok: true; cents: number } | { ok: false; message: string };

/** 499 -> "4.99", 0 -> "0.00", 100000 -> "1000.00". */
export function centsToDollars(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return `${whole}.${rest.toString().padStart(2, '0')}`;
}

/** "$4.99" for display; "Free" for nothing. */
export function formatPrice(cents: number): string {
  return cents === 0 ? 'Free' : `$${centsToDollars(cents)}`;
}

/** "4.99", "$4.99", "4", "4.5", "" (= 0) -> cents; anything else -> a sentence. */
export function parseDollars(text: string): ParsedPrice {
  const trimmed = text.trim().replace(/^\$\s*/, '');
  if (trimmed === '') return { ok: true, cents: 0 };
  if (trimmed.startsWith('-')) return { ok: false, message: 'A price cannot be negative.' };
  const match = /^(\d{1,7})(?:[.,](\d{0,2}))?$/.exec(trimmed);
  if (!match)
    return { ok: false, message: 'Write the price in dollars with at most two decimals, like 4.99.' };
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (cents > SEASON_MAX_PRICE_CENTS)
    return { ok: false, message: `A season costs at most ${centsToDollars(SEASON_MAX_PRICE_CENTS)}.` };
  return { ok: true, cents };
}
