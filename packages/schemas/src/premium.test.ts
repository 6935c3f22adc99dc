import { describe, expect, it } from 'vitest';
import { isPremiumActive, premiumGrantInput, premiumRevokeInput, premiumUntilAfterGrant } from './premium';

const NOW = new Date('2026-11-30T00:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('isPremiumActive', () => {
  it.each([
    ['lifetime', true, null, true],
    ['ends later', true, '2026-12-01T00:00:00.000Z', true],
    ['ends this very instant', true, '2026-11-30T00:00:00.000Z', false],
    ['ended, not swept yet', true, '2026-11-29T23:59:59.999Z', false],
    ['flag off, end ahead', false, '2027-01-01T00:00:00.000Z', false],
    ['never had any', false, null, false],
  ])('%s', (_label, isPremium, until, expected) => {
    expect(isPremiumActive({ isPremium, premiumUntil: until ? at(until) : null }, NOW)).toBe(expected);
  });
});

describe('premiumUntilAfterGrant', () => {
  it.each([
    ['none yet: from now', false, null, 90, '2027-02-28T00:00:00.000Z'],
    [
      'expired: from now, not from the old end',
      true,
      '2026-10-01T00:00:00.000Z',
      30,
      '2026-12-30T00:00:00.000Z',
    ],
    ['active: added to what is left', true, '2026-12-10T00:00:00.000Z', 30, '2027-01-09T00:00:00.000Z'],
    ['revoked with an end ahead: from now', false, '2027-06-01T00:00:00.000Z', 1, '2026-12-01T00:00:00.000Z'],
  ])('%s', (_label, isPremium, until, days, expected) => {
    const next = premiumUntilAfterGrant({ isPremium, premiumUntil: until ? at(until) : null }, days, NOW);
    expect(next?.toISOString()).toBe(expected);
  });

  it('keeps lifetime Premium lifetime', () => {
    expect(premiumUntilAfterGrant({ isPremium: true, premiumUntil: null }, 90, NOW)).toBeNull();
  });

  it('never ends earlier than before', () => {
    const current = { isPremium: true, premiumUntil: at('2027-05-01T00:00:00.000Z') };
    expect(premiumUntilAfterGrant(current, 1, NOW)!.getTime()).toBeGreaterThan(
      current.premiumUntil.getTime(),
    );
  });
});

describe('premiumGrantInput', () => {
  it('accepts a username and days from 1 to 3650, days typed as text too', () => {
    expect(premiumGrantInput.parse({ username: ' Demo_1 ', days: '30' })).toEqual({
      username: 'Demo_1',
      days: 30,
    });
    expect(premiumGrantInput.parse({ username: 'abc', days: 3650 }).days).toBe(3650);
  });

  it.each([
    [{ username: 'demo', days: 0 }, 'Grant at least 1 day.'],
    [{ username: 'demo', days: 3651 }, 'Grant at most 3650 days (ten years) at once.'],
    [{ username: 'demo', days: 1.5 }, 'Grant whole days.'],
    [{ username: 'demo', days: 'many' }, 'Enter a number of days from 1 to 3650.'],
    [{ username: '', days: 30 }, "Enter the member's username."],
    [{ username: 'no spaces', days: 30 }, 'Usernames hold only letters, digits and underscores.'],
  ])('%j: %s', (input, message) => {
    const result = premiumGrantInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('revoke needs a username', () => {
    expect(premiumRevokeInput.safeParse({}).error?.issues[0]?.message).toBe("Enter the member's username.");
  });
});
