import { timingSafeEqual } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';
import { TOTP_DIGITS } from '@wt/schemas';

/** RFC 6238 parameters every common authenticator app supports (Google Authenticator ignores others). */
export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted either side of the current one, for clocks that drift and codes typed late. */
export const TOTP_WINDOW_STEPS = 1;
export const TOTP_ISSUER = 'WatchTogether';
/** 160 bits, the size RFC 4226 recommends for HMAC-SHA1. */
const SECRET_BYTES = 20;

/** Removes the spaces and dashes apps and people put in codes; null unless 6 digits remain. */
export function normalizeTotpCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code) ? code : null;
}

/** A new random secret, base32 (the form authenticator apps accept for manual entry). */
export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The `otpauth://totp/WatchTogether:<label>?secret=…` key URI an app scans from the QR code. */
export function totpKeyUri(secretBase32: string, label: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The TOTP time step containing `now` (unix seconds / 30, rounded down). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

function codeForStep(secret: Secret, step: number): string {
  return HOTP.generate({ secret, counter: step, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS });
}

/** The code an authenticator app shows at `now` (tests, and nothing else, need it). */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return codeForStep(Secret.fromBase32(secretBase32), totpStep(now));
}

/**
 * Checks a code against the steps around `now` (±TOTP_WINDOW_STEPS) and returns the step it matched,
 * or null. Steps at or before `lastUsedStep` are never accepted: a code that was used once (or an
 * older one, seen over a shoulder) cannot be replayed while it would still be inside the window.
 */
export function verifyTotp(input: {
  secretBase32: string;
  code: string;
  now: Date;
  lastUsedStep?: number | null;
}): number | null {
  const code = normalizeTotpCode(input.code);
  if (code === null) return null;
  const secret = Secret.fromBase32(input.secretBase32);
  const current = totpStep(input.now);
  const expected = Buffer.from(code);
  let matched: number | null = null;
  // Every candidate is computed and compared, so timing does not tell which step matched.
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    const same = timingSafeEqual(Buffer.from(codeForStep(secret, step)), expected);
    const fresh = input.lastUsedStep === null || input.lastUsedStep === undefined || step > input.lastUsedStep;
    if (same && fresh && matched === null) matched = step;
  }
  return matched;
}
