import { z } from 'zod';
import { LIMITS, USERNAME_PATTERN } from './limits';

/**
 * Premium (seed 000 `users.is_premium`, `premium_until`): won on the weekly leaderboards or granted by
 * an admin. `premium_until` null with `is_premium` true is lifetime Premium. The column `is_premium`
 * may lag behind the clock until the daily sweep clears it, so every reader asks `isPremiumActive`.
 */

/** The longest single admin grant: ten years. */
export const PREMIUM_GRANT_DAYS_MAX = 3650;

const DAY_MS = 86_400_000;

export interface PremiumFields {
  isPremium: boolean;
  /** Null: lifetime (when isPremium), or never had any. */
  premiumUntil: Date | null;
}

/** True while the account has Premium: the flag is set and the end is unset (lifetime) or still ahead. */
export function isPremiumActive({ isPremium, premiumUntil }: PremiumFields, now: Date): boolean {
  return isPremium && (premiumUntil === null || premiumUntil.getTime() > now.getTime());
}

/**
 * The end of Premium after granting `days` more: added to what is left (never shortened), from `now`
 * when nothing is left; lifetime stays lifetime (null). The SQL of `grantPremium` does the same.
 */
export function premiumUntilAfterGrant(current: PremiumFields, days: number, now: Date): Date | null {
  if (current.isPremium && current.premiumUntil === null) return null;
  const from = isPremiumActive(current, now) ? current.premiumUntil!.getTime() : now.getTime();
  return new Date(from + days * DAY_MS);
}

/** The member an admin acts on, by username (any case); the admin form's wording, not the sign-up form's. */
const memberUsername = z
  .string({ message: "Enter the member's username." })
  .trim()
  .min(1, { message: "Enter the member's username." })
  .max(LIMITS.usernameMax, { message: `Usernames have at most ${LIMITS.usernameMax} characters.` })
  .regex(USERNAME_PATTERN, { message: 'Usernames hold only letters, digits and underscores.' });

export const premiumGrantInput = z.object({
  username: memberUsername,
  days: z.coerce
    .number({ message: `Enter a number of days from 1 to ${PREMIUM_GRANT_DAYS_MAX}.` })
    .int({ message: 'Grant whole days.' })
    .min(1, { message: 'Grant at least 1 day.' })
    .max(PREMIUM_GRANT_DAYS_MAX, {
      message: `Grant at most ${PREMIUM_GRANT_DAYS_MAX} days (ten years) at once.`,
    }),
});
export type PremiumGrantInput = z.input<typeof premiumGrantInput>;

export const premiumRevokeInput = z.object({ username: memberUsername });
export type PremiumRevokeInput = z.input<typeof premiumRevokeInput>;

/** An account's Premium as the admin tools show it after a grant or a revoke. */
export interface PremiumStatus {
  userId: string;
  username: string;
  active: boolean;
  /** ISO instant; null for lifetime (when active) or none. */
  premiumUntil: string | null;
}
