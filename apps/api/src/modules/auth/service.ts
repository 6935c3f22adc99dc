import { and, eq, isNull, sql } from 'drizzle-orm';
import { schema } from '@wt/db';
import {
  resendVerificationInput,
  forgotPasswordInput,
  resetPasswordInput,
  signInInput,
  signUpInput,
  tokenInput,
} from '@wt/schemas';
import type { AppServices } from '../../services';
import { resetPasswordMessage, verifyEmailMessage } from '../../infra/mail/templates';
import type { MailMessage } from '../../infra/mail/types';
import { AuthError, AUTH_MESSAGES, authErrors, parseInput } from './errors';
import { burnPasswordCheck, hashPassword, isCommonPassword, verifyPasswordHash } from './passwords';
import { isReservedUsername } from './reserved-usernames';
import { rotateRefreshToken, sessionIdForRefreshToken } from './refresh-tokens';
import {
  canReactivate,
  endSessionSockets,
  revokeAllSessions,
  revokeSession,
  sessionFor,
  startSession,
  type SessionMeta,
  type StartedSession,
} from './session';
import type { FailureThrottle } from './throttle';
import {
  consumeVerificationToken,
  createMfaChallenge,
  discardVerificationTokens,
  issueVerificationToken,
  VERIFICATION_TTL_MS,
} from './verifications';

export type SignUpResult = { kind: 'verification_sent'; email: string } | ({ kind: 'session' } & StartedSession);
export type SignInResult = { kind: 'mfa'; challengeToken: string } | ({ kind: 'session' } & StartedSession);

const CREDENTIAL = 'credential';

const MESSAGES = {
  usernameReserved: 'That username is reserved. Choose another one.',
  passwordTooCommon: 'That password is too common and easy to guess. Choose a less common one, such as a few unrelated words.',
  emailTaken: 'An account with that email already exists. Sign in, or reset your password if you forgot it.',
  usernameTaken: 'That username is taken. Choose another one.',
} as const;

function credentialAccountOf(userId: string) {
  return and(eq(schema.accounts.userId, userId), eq(schema.accounts.providerId, CREDENTIAL));
}

async function credentialHash(services: AppServices, userId: string): Promise<string | null> {
  const [account] = await services.db
    .select({ password: schema.accounts.password })
    .from(schema.accounts)
    .where(credentialAccountOf(userId))
    .limit(1);
  return account?.password ?? null;
}

/** Re-authentication for sensitive changes (MFA disable, account deletion): the user's current password. */
export async function verifyUserPassword(services: AppServices, userId: string, password: string): Promise<boolean> {
  const hash = await credentialHash(services, userId);
  if (!hash) {
    await burnPasswordCheck(password);
    return false;
  }
  return verifyPasswordHash(hash, password);
}

function webLink(services: AppServices, path: string, token: string): string {
  const base = (services.env.PUBLIC_WEB_URL ?? services.env.WEB_ORIGIN).replace(/\/+$/, '');
  return `${base}${path}?token=${encodeURIComponent(token)}`;
}

/**
 * A mail that cannot go out now must not fail the request (the person can ask again); the log says
 * which kind failed, never the link in it.
 */
async function sendMail(services: AppServices, kind: string, message: MailMessage): Promise<void> {
  try {
    await services.mailer.send(message);
  } catch (err) {
    services.log.warn({ mail: kind, mailer: services.mailer.kind, reason: err instanceof Error ? err.name : 'unknown' }, 'auth mail not sent');
  }
}

async function sendVerificationMail(services: AppServices, user: { id: string; email: string; displayName: string | null }) {
  const { token } = await issueVerificationToken(services, 'verify-email', user.id);
  await sendMail(
    services,
    'verify-email',
    verifyEmailMessage({
      to: user.email,
      displayName: user.displayName,
      url: webLink(services, '/verify-email', token),
      expiresInHours: VERIFICATION_TTL_MS['verify-email'] / 3_600_000,
    }),
  );
}

async function assertNotThrottled(throttle: FailureThrottle, key: string, what: string): Promise<void> {
  const wait = await throttle.retryAfterSeconds(key);
  if (wait > 0) throw authErrors.rateLimited(wait, what);
}

function isUniqueViolation(err: unknown): err is { code: string; constraint?: string } {
  const cause = (err as { cause?: unknown })?.cause ?? err;
  return typeof cause === 'object' && cause !== null && (cause as { code?: unknown }).code === '23505';
}

function uniqueConstraint(err: unknown): string {
  const cause = ((err as { cause?: unknown })?.cause ?? err) as { constraint?: string };
  return cause.constraint ?? '';
}

/** POST /sign-up: the account, its credential, and either a verification mail or a session. */
export async function signUp(
  services: AppServices,
  throttle: FailureThrottle,
  rawInput: unknown,
  meta: SessionMeta,
): Promise<SignUpResult> {
  const input = parseInput(signUpInput, rawInput);
  const throttleKey = `sign-up:${input.email}`;
  await assertNotThrottled(throttle, throttleKey, 'sign-up attempts for this email address');

  const fieldProblems: Record<string, string> = {};
  if (isReservedUsername(input.username)) fieldProblems.username = MESSAGES.usernameReserved;
  if (isCommonPassword(input.password)) fieldProblems.password = MESSAGES.passwordTooCommon;
  if (Object.keys(fieldProblems).length > 0) {
    await throttle.recordFailure(throttleKey);
    const code = fieldProblems.username ? 'USERNAME_RESERVED' : 'PASSWORD_TOO_COMMON';
    throw new AuthError(code, 400, fieldProblems.username ?? fieldProblems.password!, { fields: fieldProblems });
  }

  const taken = await services.db
    .select({ email: schema.users.email, username: schema.users.username })
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${input.email} OR lower(${schema.users.username}) = ${input.username.toLowerCase()}`);
  const emailTaken = taken.some((u) => u.email.toLowerCase() === input.email);
  const usernameTaken = taken.some((u) => u.username.toLowerCase() === input.username.toLowerCase());
  if (emailTaken || usernameTaken) {
    await throttle.recordFailure(throttleKey);
    throw takenError(emailTaken, usernameTaken);
  }

  const passwordHash = await hashPassword(input.password);
  const role = services.env.ADMIN_EMAIL && services.env.ADMIN_EMAIL.toLowerCase() === input.email ? 'admin' : 'viewer';
  let user: typeof schema.users.$inferSelect;
  try {
    user = await services.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(schema.users)
        .values({ email: input.email, username: input.username, displayName: input.displayName, role })
        .returning();
      await tx.insert(schema.accounts).values({
        userId: created!.id,
        accountId: created!.id,
        providerId: CREDENTIAL,
        password: passwordHash,
      });
      return created!;
    });
  } catch (err) {
    // Two sign-ups raced past the check above; the unique indexes decide.
    if (!isUniqueViolation(err)) throw err;
    const constraint = uniqueConstraint(err);
    throw takenError(constraint.includes('email'), !constraint.includes('email'));
  }

  await sendVerificationMail(services, user);
  if (services.env.REQUIRE_EMAIL_VERIFICATION) return { kind: 'verification_sent', email: user.email };
  return { kind: 'session', ...(await startSession(services, user.id, meta)) };
}

function takenError(emailTaken: boolean, usernameTaken: boolean): AuthError {
  const fields: Record<string, string> = {};
  if (emailTaken) fields.email = MESSAGES.emailTaken;
  if (usernameTaken) fields.username = MESSAGES.usernameTaken;
  return emailTaken
    ? new AuthError('EMAIL_TAKEN', 409, MESSAGES.emailTaken, { fields })
    : new AuthError('USERNAME_TAKEN', 409, MESSAGES.usernameTaken, { fields });
}

/** The live (not deleted) user an email or username names. */
async function findUserByLogin(services: AppServices, login: string) {
  const normalized = login.trim().toLowerCase();
  const column = normalized.includes('@') ? schema.users.email : schema.users.username;
  const [user] = await services.db
    .select()
    .from(schema.users)
    .where(and(sql`lower(${column}) = ${normalized}`, isNull(schema.users.deletedAt)))
    .limit(1);
  return user ?? null;
}

/**
 * POST /sign-in. An unknown login, a deleted account, an account deactivated beyond the grace period
 * and a wrong password all get the same answer after the same amount of work. Failures count per
 * account (whatever the client's IP), with backoff (throttle.ts).
 */
export async function signIn(
  services: AppServices,
  throttle: FailureThrottle,
  rawInput: unknown,
  meta: SessionMeta,
): Promise<SignInResult> {
  const input = parseInput(signInInput, rawInput);
  const found = await findUserByLogin(services, input.login);
  const user = found && canReactivate(found.deactivatedAt, services.now()) ? found : null;
  const throttleKey = user ? `sign-in:user:${user.id}` : `sign-in:login:${input.login.trim().toLowerCase()}`;
  await assertNotThrottled(throttle, throttleKey, 'failed sign-in attempts for this account');

  const hash = user ? await credentialHash(services, user.id) : null;
  let passwordOk = false;
  if (hash) passwordOk = await verifyPasswordHash(hash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !passwordOk) {
    await throttle.recordFailure(throttleKey);
    throw authErrors.invalidCredentials();
  }
  await throttle.reset(throttleKey);

  if (services.env.REQUIRE_EMAIL_VERIFICATION && !user.emailVerified) {
    throw new AuthError('EMAIL_NOT_VERIFIED', 403, AUTH_MESSAGES.emailNotVerified);
  }
  return continueSignIn(services, user.id, meta);
}

/** After the first factor: an MFA challenge when the user has a second factor, else the session. */
export async function continueSignIn(services: AppServices, userId: string, meta: SessionMeta): Promise<SignInResult> {
  const [mfa] = await services.db
    .select({ id: schema.twoFactors.id })
    .from(schema.twoFactors)
    .where(eq(schema.twoFactors.userId, userId))
    .limit(1);
  if (mfa) return { kind: 'mfa', challengeToken: await createMfaChallenge(services, userId) };
  return { kind: 'session', ...(await startSession(services, userId, meta)) };
}

/** POST /refresh: rotates the refresh token; a reused one ends the session everywhere. */
export async function refreshSession(services: AppServices, refreshToken: string): Promise<StartedSession> {
  const result = await rotateRefreshToken(services, refreshToken);
  switch (result.status) {
    case 'invalid':
      throw new AuthError('TOKEN_INVALID', 401, AUTH_MESSAGES.refreshInvalid);
    case 'expired':
      throw new AuthError('TOKEN_EXPIRED', 401, AUTH_MESSAGES.refreshExpired);
    case 'revoked':
      throw authErrors.sessionRevoked();
    case 'reused':
      services.log.warn({ sessionId: result.sessionId }, 'refresh token reused: session revoked');
      endSessionSockets(services, [result.sessionId]);
      throw new AuthError('REFRESH_REUSED', 401, AUTH_MESSAGES.refreshReused);
    case 'rotated': {
      const [user] = await services.db.select().from(schema.users).where(eq(schema.users.id, result.userId)).limit(1);
      if (!user) throw authErrors.sessionRevoked();
      return {
        session: await sessionFor(services, user, result.sessionId),
        refreshToken: result.refresh.token,
        refreshExpiresAt: result.refresh.expiresAt,
      };
    }
  }
}

/** POST /sign-out: revokes the session the refresh token (or, failing that, the access token) names. */
export async function signOut(services: AppServices, credentials: { refreshToken?: string | null; sessionId?: string | null }) {
  const sessionId =
    (credentials.refreshToken ? await sessionIdForRefreshToken(services.db, credentials.refreshToken) : null) ??
    credentials.sessionId ??
    null;
  if (sessionId) await revokeSession(services, sessionId);
}

function parseLinkToken(rawInput: unknown): string {
  const parsed = tokenInput.safeParse(rawInput ?? {});
  if (!parsed.success) throw new AuthError('TOKEN_INVALID', 400, AUTH_MESSAGES.linkInvalid);
  return parsed.data.token;
}

function linkError(status: 'invalid' | 'expired'): AuthError {
  return status === 'expired'
    ? new AuthError('TOKEN_EXPIRED', 400, AUTH_MESSAGES.linkExpired)
    : new AuthError('TOKEN_INVALID', 400, AUTH_MESSAGES.linkInvalid);
}

/** POST /verify-email: confirms the address and signs the person in (the link proves the mailbox). */
export async function verifyEmail(services: AppServices, rawInput: unknown, meta: SessionMeta): Promise<SignInResult> {
  const token = parseLinkToken(rawInput);
  const consumed = await consumeVerificationToken(services, 'verify-email', token);
  if (consumed.status !== 'ok') throw linkError(consumed.status);
  const [user] = await services.db
    .update(schema.users)
    .set({ emailVerified: true })
    .where(and(eq(schema.users.id, consumed.userId), isNull(schema.users.deletedAt)))
    .returning({ id: schema.users.id });
  if (!user) throw linkError('invalid');
  await discardVerificationTokens(services, 'verify-email', user.id);
  return continueSignIn(services, user.id, meta);
}

/** POST /resend-verification: always accepted; mails only an existing, unverified account. */
export async function resendVerification(services: AppServices, throttle: FailureThrottle, rawInput: unknown): Promise<void> {
  const { email } = parseInput(resendVerificationInput, rawInput);
  const throttleKey = `mail:verify-email:${email}`;
  await assertNotThrottled(throttle, throttleKey, 'emails requested for this address');
  await throttle.recordFailure(throttleKey);
  const user = await findUserByLogin(services, email);
  if (user && !user.emailVerified) await sendVerificationMail(services, user);
}

/** POST /forgot-password: always accepted; mails a one-hour, single-use reset link to an existing account. */
export async function forgotPassword(services: AppServices, throttle: FailureThrottle, rawInput: unknown): Promise<void> {
  const { email } = parseInput(forgotPasswordInput, rawInput);
  const throttleKey = `mail:reset-password:${email}`;
  await assertNotThrottled(throttle, throttleKey, 'emails requested for this address');
  await throttle.recordFailure(throttleKey);
  const user = await findUserByLogin(services, email);
  if (!user) return;
  const { token } = await issueVerificationToken(services, 'reset-password', user.id);
  await sendMail(
    services,
    'reset-password',
    resetPasswordMessage({
      to: user.email,
      displayName: user.displayName,
      url: webLink(services, '/reset-password', token),
      expiresInHours: VERIFICATION_TTL_MS['reset-password'] / 3_600_000,
    }),
  );
}

/**
 * POST /reset-password: the new password is checked before the link is spent (a refused password does
 * not cost the person their link); then every session of the user ends.
 */
export async function resetPassword(services: AppServices, throttle: FailureThrottle, rawInput: unknown): Promise<void> {
  const token = parseLinkToken(rawInput);
  const { password } = parseInput(resetPasswordInput.pick({ password: true }), rawInput);
  if (isCommonPassword(password)) {
    throw new AuthError('PASSWORD_TOO_COMMON', 400, MESSAGES.passwordTooCommon, { fields: { password: MESSAGES.passwordTooCommon } });
  }
  const consumed = await consumeVerificationToken(services, 'reset-password', token);
  if (consumed.status !== 'ok') throw linkError(consumed.status);
  const userId = consumed.userId;
  const [user] = await services.db
    .update(schema.users)
    // Opening the link proved the mailbox.
    .set({ emailVerified: true })
    .where(and(eq(schema.users.id, userId), isNull(schema.users.deletedAt)))
    .returning({ id: schema.users.id });
  if (!user) throw linkError('invalid');

  const passwordHash = await hashPassword(password);
  const updated = await services.db
    .update(schema.accounts)
    .set({ password: passwordHash })
    .where(credentialAccountOf(userId))
    .returning({ id: schema.accounts.id });
  if (updated.length === 0) {
    // An account made through OAuth gets its first password.
    await services.db.insert(schema.accounts).values({ userId, accountId: userId, providerId: CREDENTIAL, password: passwordHash });
  }
  await discardVerificationTokens(services, 'reset-password', userId);
  await revokeAllSessions(services, userId);
  await throttle.reset(`sign-in:user:${userId}`);
}
