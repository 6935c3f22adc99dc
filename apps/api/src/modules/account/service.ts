import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import {
  EMAIL_CHANGE_TTL_HOURS,
  type ChangeEmailInput,
  type ChangeEmailResponse,
  type ChangePasswordInput,
  type ConfirmEmailChangeResponse,
  type DeactivateInput,
  type DeleteAccountInput,
} from '@wt/schemas';
import { confirmEmailChangeMessage, emailChangedMessage } from '../../infra/mail/templates';
import type { AppServices } from '../../services';
import {
  AuthError,
  AUTH_MESSAGES,
  authErrors,
  hashPassword,
  isCommonPassword,
  revokeAllSessions,
  verifyUserPassword,
  type FailureThrottle,
} from '../auth';
import { PURGE_ACCOUNT_JOB } from './jobs';

export { activeUsersFilter } from './active-users';
export { grantAdmin, promoteAdminEmail, type GrantAdminOutcome } from './admin';

/** Who is acting: the signed-in user and the session the request came with. */
export interface Actor {
  userId: string;
  sessionId: string;
}

const CHANGE_EMAIL_PREFIX = 'change-email:';
const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Re-authentication for every destructive step: the current password, with the same per-account
 * backoff as sign-in (a stolen access token must not become a password oracle). `field` names the form
 * field the sentence belongs to. 403, not 401: the sign-in itself is fine, and a 401 would send the
 * client off refreshing its token.
 */
async function requirePassword(
  services: AppServices,
  throttle: FailureThrottle,
  userId: string,
  password: string,
  field: string,
): Promise<void> {
  const key = `reauth:user:${userId}`;
  const wait = await throttle.retryAfterSeconds(key);
  if (wait > 0) throw authErrors.rateLimited(wait, 'wrong passwords');
  if (await verifyUserPassword(services, userId, password)) {
    await throttle.reset(key);
    return;
  }
  const [credential] = await services.db
    .select({ id: schema.accounts.id })
    .from(schema.accounts)
    .where(and(eq(schema.accounts.userId, userId), eq(schema.accounts.providerId, 'credential')))
    .limit(1);
  if (!credential) {
    const message =
      'Your account signs in with Google, Discord or Apple and has no password yet. Set one with "Forgot password" first, then try again.';
    throw new AuthError('FORBIDDEN', 403, message, { fields: { [field]: message } });
  }
  await throttle.recordFailure(key);
  const message = "That isn't your current password. Check it and try again.";
  throw new AuthError('INVALID_CREDENTIALS', 403, message, { fields: { [field]: message } });
}

/** What every account action gets: the app's services and its per-account failure backoff. */
export interface AccountDeps {
  services: AppServices;
  throttle: FailureThrottle;
}

/**
 * Hides the account at once (activeUsersFilter) and signs it out everywhere. The data stays for
 * DEACTIVATION_GRACE_DAYS: signing in within them reactivates the account (auth sign-in), after them
 * the daily job purges it.
 */
export async function deactivateAccount(
  { services, throttle }: AccountDeps,
  actor: Actor,
  input: DeactivateInput,
): Promise<void> {
  await requirePassword(services, throttle, actor.userId, input.password, 'password');
  await services.db
    .update(schema.users)
    .set({ deactivatedAt: services.now() })
    .where(and(eq(schema.users.id, actor.userId), sql`${schema.users.deletedAt} IS NULL`));
  await revokeAllSessions(services, actor.userId);
}

/**
 * Marks the account deleted (it can never sign in again), signs it out everywhere and queues the purge.
 * When the queue is unreachable the request still succeeds: the daily sweep purges every account
 * marked deleted and not purged yet.
 */
export async function requestAccountDeletion(
  { services, throttle }: AccountDeps,
  actor: Actor,
  input: DeleteAccountInput,
): Promise<void> {
  await requirePassword(services, throttle, actor.userId, input.password, 'password');
  await services.db
    .update(schema.users)
    .set({ deletedAt: sql`coalesce(${schema.users.deletedAt}, ${services.now()})` })
    .where(eq(schema.users.id, actor.userId));
  await revokeAllSessions(services, actor.userId);
  try {
    await services.queue.enqueue(PURGE_ACCOUNT_JOB, { userId: actor.userId }, { dedupeKey: actor.userId });
  } catch (err) {
    services.log.warn(
      { err, userId: actor.userId },
      'could not queue the account purge; the daily sweep will run it',
    );
  }
}

/** Sets a new password and ends every other session (the one making the change stays signed in). */
export async function changePassword(
  { services, throttle }: AccountDeps,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<void> {
  await requirePassword(services, throttle, actor.userId, input.currentPassword, 'currentPassword');
  if (isCommonPassword(input.newPassword)) {
    const message = 'That password is too common and easy to guess. Choose a less common one.';
    throw new AuthError('PASSWORD_TOO_COMMON', 400, message, { fields: { newPassword: message } });
  }
  await services.db
    .update(schema.accounts)
    .set({ password: await hashPassword(input.newPassword) })
    .where(and(eq(schema.accounts.userId, actor.userId), eq(schema.accounts.providerId, 'credential')));
  await revokeAllSessions(services, actor.userId, { except: actor.sessionId });
}

async function emailOwner(db: Pick<Database, 'select'>, email: string): Promise<string | null> {
  const [owner] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return owner?.id ?? null;
}

const emailTaken = () => {
  const message = 'Another account already uses that email address. Use a different one.';
  return new AuthError('EMAIL_TAKEN', 409, message, { fields: { newEmail: message } });
};

/**
 * Sends a confirmation link to the new address; the account keeps its current address until the link
 * is opened (confirmEmailChange). A newer request replaces a pending one.
 */
export async function requestEmailChange(
  { services, throttle }: AccountDeps,
  actor: Actor,
  input: ChangeEmailInput,
): Promise<ChangeEmailResponse> {
  await requirePassword(services, throttle, actor.userId, input.password, 'password');
  const newEmail = input.newEmail.toLowerCase();
  const [user] = await services.db
    .select({ email: schema.users.email, displayName: schema.users.displayName })
    .from(schema.users)
    .where(eq(schema.users.id, actor.userId));
  if (!user) throw new AuthError('UNAUTHENTICATED', 401, AUTH_MESSAGES.unauthenticated);
  if (user.email.toLowerCase() === newEmail) {
    const message = 'That is already your email address. Enter the new one.';
    throw new AuthError('VALIDATION_FAILED', 400, AUTH_MESSAGES.validation, {
      fields: { newEmail: message },
    });
  }
  if (await emailOwner(services.db, newEmail)) throw emailTaken();

  const token = randomBytes(32).toString('base64url');
  await services.db.transaction(async (tx) => {
    await tx.execute(
      sql`DELETE FROM verifications WHERE identifier LIKE ${`${CHANGE_EMAIL_PREFIX}%`} AND strpos(value, ${actor.userId}) > 0`,
    );
    await tx.insert(schema.verifications).values({
      identifier: `${CHANGE_EMAIL_PREFIX}${sha256(token)}`,
      // Only the token's hash is stored; the value names the account and the address it moves to.
      value: JSON.stringify({ userId: actor.userId, newEmail }),
      expiresAt: new Date(services.now().getTime() + EMAIL_CHANGE_TTL_HOURS * 3600 * 1000),
    });
  });
  const base = (services.env.PUBLIC_WEB_URL ?? services.env.WEB_ORIGIN).replace(/\/+$/, '');
  const url = `${base}/confirm-email-change?token=${encodeURIComponent(token)}`;
  await services.mailer.send(
    confirmEmailChangeMessage({
      to: newEmail,
      displayName: user.displayName,
      url,
      expiresInHours: EMAIL_CHANGE_TTL_HOURS,
    }),
  );
  return { status: 'verification_sent', email: newEmail };
}

/**
 * Opens the link from the confirmation email: the address changes (and counts as verified, since the
 * person read mail sent to it) and the old address is told, so a hijack does not go unnoticed. The
 * token alone suffices: the link may be opened on a device that is not signed in.
 */
export async function confirmEmailChange(
  services: AppServices,
  token: string,
): Promise<ConfirmEmailChangeResponse> {
  const changed = await services.db.transaction(async (tx) => {
    const [pending] = await tx
      .delete(schema.verifications)
      .where(eq(schema.verifications.identifier, `${CHANGE_EMAIL_PREFIX}${sha256(token)}`))
      .returning();
    if (!pending) throw new AuthError('TOKEN_INVALID', 400, AUTH_MESSAGES.linkInvalid);
    if (pending.expiresAt.getTime() <= services.now().getTime()) {
      throw new AuthError('TOKEN_EXPIRED', 400, AUTH_MESSAGES.linkExpired);
    }
    const { userId, newEmail } = JSON.parse(pending.value) as { userId: string; newEmail: string };
    const [user] = await tx
      .select({ email: schema.users.email, displayName: schema.users.displayName })
      .from(schema.users)
      .where(and(eq(schema.users.id, userId), sql`${schema.users.deletedAt} IS NULL`))
      .for('update');
    if (!user) throw new AuthError('TOKEN_INVALID', 400, AUTH_MESSAGES.linkInvalid);
    const owner = await emailOwner(tx, newEmail);
    if (owner && owner !== userId) throw emailTaken();
    await tx
      .update(schema.users)
      .set({ email: newEmail, emailVerified: true })
      .where(eq(schema.users.id, userId));
    return { oldEmail: user.email, newEmail, displayName: user.displayName };
  });
  if (changed.oldEmail.toLowerCase() !== changed.newEmail) {
    try {
      await services.mailer.send(
        emailChangedMessage({
          to: changed.oldEmail,
          displayName: changed.displayName,
          newEmail: changed.newEmail,
        }),
      );
    } catch (err) {
      // The change is done; a lost notice must not make it look failed.
      services.log.warn({ err }, 'could not send the email-changed notice to the old address');
    }
  }
  return { ok: true, email: changed.newEmail };
}
