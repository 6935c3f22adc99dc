import { createHash } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import QRCode from 'qrcode';
import { schema } from '@wt/db';
import type { MfaEnableResponse, MfaSetupResponse, MfaStatusResponse } from '@wt/schemas';
import type { AppServices } from '../../../services';
import {
  AuthError,
  authErrors,
  consumeMfaChallenge,
  getAuthSecret,
  startSession,
  verifyUserPassword,
  type FailureThrottle,
  type SessionMeta,
  type StartedSession,
} from '../index';
import { consumeVerificationToken } from '../verifications';
import { consumeBackupCode, generateBackupCodes, hashBackupCode, normalizeBackupCode, parseBackupCodes, serializeBackupCodes } from './backup-codes';
import { deriveMfaKey, openSecret, sealSecret } from './secret-box';
import { generateTotpSecret, normalizeTotpCode, totpKeyUri, verifyTotp } from './totp';

const { twoFactors, users, verifications } = schema;

/** How long the secret from /setup waits for /enable (contract: 10 minutes). */
export const MFA_SETUP_TTL_MS = 10 * 60_000;
/** Wrong codes a sign-in challenge survives; the next attempt finds it burnt and must sign in again. */
export const MAX_WRONG_CODES_PER_CHALLENGE = 5;
/** Attempt records outlive the 5-minute challenge they count against. */
const CHALLENGE_ATTEMPT_TTL_MS = 10 * 60_000;

/**
 * Per-account backoff on wrong second factors (and wrong passwords when disabling), whichever
 * challenge or IP they come from: 5 failures lock the account's MFA step for 30 s, doubling up to
 * 15 minutes. Without it, someone who has the password could sign in again and again for fresh
 * challenges, 5 guesses each.
 */
const throttleKey = (userId: string) => `mfa:user:${userId}`;

async function assertNotThrottled(throttle: FailureThrottle, userId: string): Promise<void> {
  const wait = await throttle.retryAfterSeconds(throttleKey(userId));
  if (wait > 0) throw authErrors.rateLimited(wait, 'wrong codes for this account');
}

const setupIdentifier = (userId: string) => `mfa-setup:${userId}`;
/** Keyed by a hash: the challenge token itself is a bearer credential and is not stored twice. */
const challengeAttemptsIdentifier = (challengeToken: string) =>
  `mfa-challenge-attempt:${createHash('sha256').update(challengeToken).digest('hex')}`;

const WRONG_CODE = "That code didn't work. Check your authenticator app and try again.";
const WRONG_PASSWORD = "That isn't your current password. Check it and try again.";

const errors = {
  wrongCode: () => new AuthError('INVALID_MFA_CODE', 400, WRONG_CODE, { fields: { code: WRONG_CODE } }),
  alreadyEnabled: () =>
    new AuthError('MFA_ALREADY_ENABLED', 409, 'Two-factor authentication is already on for your account. Turn it off first to set it up again.'),
  notEnabled: () => new AuthError('MFA_NOT_ENABLED', 409, 'Two-factor authentication is not on for your account.'),
  setupMissing: () =>
    new AuthError('TOKEN_INVALID', 400, 'Start the two-factor set-up first: ask for a new QR code and scan it.'),
  setupExpired: () =>
    new AuthError('TOKEN_EXPIRED', 400, 'Your two-factor set-up expired after 10 minutes. Ask for a new QR code and scan it again.'),
  challengeInvalid: () =>
    new AuthError('TOKEN_INVALID', 401, 'Your sign-in is no longer valid. Sign in again with your password.'),
  challengeExpired: () =>
    new AuthError('TOKEN_EXPIRED', 401, 'Your sign-in took longer than 5 minutes. Sign in again with your password.'),
  tooManyWrongCodes: () =>
    new AuthError('TOKEN_INVALID', 401, 'Too many wrong codes. Sign in again with your password.'),
  // 403, not 401: the sign-in itself is fine, and a 401 would send the client off refreshing its token.
  wrongPassword: () => new AuthError('INVALID_CREDENTIALS', 403, WRONG_PASSWORD, { fields: { password: WRONG_PASSWORD } }),
};

async function mfaKey(services: AppServices): Promise<Buffer> {
  return deriveMfaKey(await getAuthSecret(services.env));
}

async function twoFactorOf(services: AppServices, userId: string) {
  const [row] = await services.db.select().from(twoFactors).where(eq(twoFactors.userId, userId)).limit(1);
  return row ?? null;
}

/** Draws a new secret, keeps it pending (encrypted) for 10 minutes and returns it with its QR code. */
export async function startMfaSetup(services: AppServices, userId: string): Promise<MfaSetupResponse> {
  if (await twoFactorOf(services, userId)) throw errors.alreadyEnabled();
  const [user] = await services.db.select({ username: users.username }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AuthError('UNAUTHENTICATED', 401, 'Sign in to set up two-factor authentication.');

  const secret = generateTotpSecret();
  const otpauthUrl = totpKeyUri(secret, user.username);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  const identifier = setupIdentifier(userId);
  await services.db.transaction(async (tx) => {
    // Only the latest QR code counts: scanning an older one would enrol a secret we forgot.
    await tx.delete(verifications).where(eq(verifications.identifier, identifier));
    await tx.insert(verifications).values({
      identifier,
      value: sealSecret(secret, await mfaKey(services)),
      expiresAt: new Date(services.now().getTime() + MFA_SETUP_TTL_MS),
    });
  });
  return { secret, otpauthUrl, qrDataUrl };
}

/** Turns MFA on when `code` comes from the pending secret; returns the backup codes, shown this once. */
export async function enableMfa(services: AppServices, userId: string, code: string): Promise<MfaEnableResponse> {
  if (await twoFactorOf(services, userId)) throw errors.alreadyEnabled();
  const identifier = setupIdentifier(userId);
  const [pending] = await services.db
    .select()
    .from(verifications)
    .where(eq(verifications.identifier, identifier))
    .orderBy(desc(verifications.createdAt))
    .limit(1);
  if (!pending) throw errors.setupMissing();
  const now = services.now();
  if (pending.expiresAt <= now) throw errors.setupExpired();
  const secret = openSecret(pending.value, await mfaKey(services));
  // Sealed under an auth secret that has since changed: as good as expired.
  if (secret === null) throw errors.setupExpired();

  const step = verifyTotp({ secretBase32: secret, code, now });
  if (step === null) throw errors.wrongCode();

  const backupCodes = generateBackupCodes();
  const enabled = await services.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(twoFactors)
      .values({
        userId,
        secret: pending.value,
        backupCodes: serializeBackupCodes(backupCodes.map((c) => hashBackupCode(c))),
        // The code that turned MFA on cannot also pass the next sign-in challenge.
        lastTotpStep: step,
      })
      .onConflictDoNothing({ target: twoFactors.userId })
      .returning({ id: twoFactors.id });
    await tx.delete(verifications).where(eq(verifications.identifier, identifier));
    return inserted.length > 0;
  });
  if (!enabled) throw errors.alreadyEnabled();
  services.log.info({ userId }, 'mfa enabled');
  return { backupCodes };
}

export async function mfaStatus(services: AppServices, userId: string): Promise<MfaStatusResponse> {
  const row = await twoFactorOf(services, userId);
  return { enabled: row !== null, backupCodesLeft: row ? parseBackupCodes(row.backupCodes).length : 0 };
}

/**
 * Checks a TOTP or backup code of a user with MFA on and records its use, in one transaction holding
 * the user's two_factors row: a TOTP step is accepted once, a backup code is removed when used, so two
 * concurrent requests with the same code cannot both pass.
 */
export async function verifySecondFactor(services: AppServices, userId: string, rawCode: string): Promise<boolean> {
  const totpCode = normalizeTotpCode(rawCode);
  const backupCode = totpCode === null ? normalizeBackupCode(rawCode) : null;
  if (totpCode === null && backupCode === null) return false;

  const key = await mfaKey(services);
  return services.db.transaction(async (tx) => {
    const [row] = await tx.select().from(twoFactors).where(eq(twoFactors.userId, userId)).for('update').limit(1);
    if (!row) return false;

    if (totpCode !== null) {
      const secret = openSecret(row.secret, key);
      if (secret === null) {
        services.log.error({ userId }, 'stored TOTP secret cannot be decrypted (was the auth secret changed?)');
        return false;
      }
      const step = verifyTotp({ secretBase32: secret, code: totpCode, now: services.now(), lastUsedStep: row.lastTotpStep });
      if (step === null) return false;
      // The row lock already serialises uses; the conditions make a lost lock fail closed, not open.
      const recorded = await tx
        .update(twoFactors)
        .set({ lastTotpStep: step })
        .where(and(eq(twoFactors.id, row.id), or(isNull(twoFactors.lastTotpStep), lt(twoFactors.lastTotpStep, step))))
        .returning({ id: twoFactors.id });
      return recorded.length > 0;
    }

    const remaining = consumeBackupCode(parseBackupCodes(row.backupCodes), backupCode!);
    if (remaining === null) return false;
    const recorded = await tx
      .update(twoFactors)
      .set({ backupCodes: serializeBackupCodes(remaining) })
      .where(and(eq(twoFactors.id, row.id), eq(twoFactors.backupCodes, row.backupCodes)))
      .returning({ id: twoFactors.id });
    if (recorded.length === 0) return false;
    services.log.info({ userId, backupCodesLeft: remaining.length }, 'mfa backup code used');
    return true;
  });
}

/**
 * Counts this attempt on the challenge and returns how many there have been. Each attempt is a row
 * written before it is checked, so parallel guesses cannot outrun the count: the k-th row to land
 * sees at least k rows. A successful sign-in deletes them with the challenge.
 */
async function countChallengeAttempt(services: AppServices, identifier: string, userId: string): Promise<number> {
  const now = services.now();
  await services.db.insert(verifications).values({
    identifier,
    value: userId,
    expiresAt: new Date(now.getTime() + CHALLENGE_ATTEMPT_TTL_MS),
  });
  const [row] = await services.db
    .select({ n: count() })
    .from(verifications)
    .where(and(eq(verifications.identifier, identifier), gt(verifications.expiresAt, now)));
  return row?.n ?? 0;
}

/**
 * Second step of a sign-in with MFA: a valid challenge plus a fresh TOTP or an unused backup code
 * starts the session. A wrong code leaves the challenge usable until the fifth; after that it is burnt.
 */
export async function passMfaChallenge(
  services: AppServices,
  throttle: FailureThrottle,
  input: { challengeToken: string; code: string },
  meta: SessionMeta,
): Promise<StartedSession> {
  const attemptsId = challengeAttemptsIdentifier(input.challengeToken);
  // Peeked, not consumed: a mistyped code must not cost the user their password step.
  const challenge = await consumeVerificationToken(services, 'mfa-challenge', input.challengeToken, { peek: true });
  if (challenge.status !== 'ok') {
    await services.db.delete(verifications).where(eq(verifications.identifier, attemptsId));
    throw challenge.status === 'expired' ? errors.challengeExpired() : errors.challengeInvalid();
  }
  const attempts = await countChallengeAttempt(services, attemptsId, challenge.userId);
  if (attempts > MAX_WRONG_CODES_PER_CHALLENGE) {
    // Burnt: the password step has to be done again, which has its own rate limits.
    await consumeMfaChallenge(services, input.challengeToken);
    throw errors.tooManyWrongCodes();
  }
  await assertNotThrottled(throttle, challenge.userId);
  if (!(await verifySecondFactor(services, challenge.userId, input.code))) {
    await throttle.recordFailure(throttleKey(challenge.userId));
    throw errors.wrongCode();
  }
  await throttle.reset(throttleKey(challenge.userId));

  // One-time: a challenge that started a session cannot start another.
  const userId = await consumeMfaChallenge(services, input.challengeToken);
  await services.db.delete(verifications).where(eq(verifications.identifier, attemptsId));
  if (userId !== challenge.userId) throw errors.challengeInvalid();
  return startSession(services, userId, meta);
}

/** Turns MFA off after re-authentication with the password and a current code (or a backup code). */
export async function disableMfa(
  services: AppServices,
  throttle: FailureThrottle,
  userId: string,
  input: { password: string; code: string },
): Promise<void> {
  if (!(await twoFactorOf(services, userId))) throw errors.notEnabled();
  await assertNotThrottled(throttle, userId);
  if (!(await verifyUserPassword(services, userId, input.password))) {
    await throttle.recordFailure(throttleKey(userId));
    throw errors.wrongPassword();
  }
  if (!(await verifySecondFactor(services, userId, input.code))) {
    await throttle.recordFailure(throttleKey(userId));
    throw errors.wrongCode();
  }
  await throttle.reset(throttleKey(userId));
  await services.db.delete(twoFactors).where(eq(twoFactors.userId, userId));
  services.log.info({ userId }, 'mfa disabled');
}
