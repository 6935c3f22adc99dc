import { and, eq, like, lt } from 'drizzle-orm';
import { schema } from '@wt/db';
import type { AppServices } from '../../services';
import { hashToken, randomToken } from './tokens';

/**
 * Single-use tokens sent by email or handed to a client (email verification, password reset, MFA
 * challenge): the `verifications` row keeps `<purpose>:<userId>` and the SHA-256 of the token only.
 */
export type VerificationPurpose = 'verify-email' | 'reset-password' | 'mfa-challenge';

export const VERIFICATION_TTL_MS: Record<VerificationPurpose, number> = {
  'verify-email': 24 * 60 * 60 * 1000,
  'reset-password': 60 * 60 * 1000,
  'mfa-challenge': 5 * 60 * 1000,
};

export type ConsumedToken = { status: 'ok'; userId: string } | { status: 'expired' } | { status: 'invalid' };

type Deps = Pick<AppServices, 'db' | 'now'>;

export async function issueVerificationToken(
  services: Deps,
  purpose: VerificationPurpose,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const now = services.now();
  const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_MS[purpose]);
  const identifier = `${purpose}:${userId}`;
  // Expired rows of this user and purpose are of no use to anyone.
  await services.db
    .delete(schema.verifications)
    .where(and(eq(schema.verifications.identifier, identifier), lt(schema.verifications.expiresAt, now)));
  await services.db.insert(schema.verifications).values({ identifier, value: hashToken(token), expiresAt });
  return { token, expiresAt };
}

/**
 * Takes the token out of the table (so it works once) and says whose it was. `peek` leaves it in place
 * (an MFA challenge survives a mistyped code).
 */
export async function consumeVerificationToken(
  services: Deps,
  purpose: VerificationPurpose,
  token: string,
  { peek = false }: { peek?: boolean } = {},
): Promise<ConsumedToken> {
  const match = and(eq(schema.verifications.value, hashToken(token)), like(schema.verifications.identifier, `${purpose}:%`));
  const [row] = peek
    ? await services.db.select().from(schema.verifications).where(match).limit(1)
    : await services.db.delete(schema.verifications).where(match).returning();
  if (!row) return { status: 'invalid' };
  if (row.expiresAt.getTime() <= services.now().getTime()) {
    if (peek) await services.db.delete(schema.verifications).where(eq(schema.verifications.id, row.id));
    return { status: 'expired' };
  }
  return { status: 'ok', userId: row.identifier.slice(purpose.length + 1) };
}

/** Removes every outstanding token of one purpose for a user (a reset link used makes the others void). */
export async function discardVerificationTokens(services: Deps, purpose: VerificationPurpose, userId: string): Promise<void> {
  await services.db.delete(schema.verifications).where(eq(schema.verifications.identifier, `${purpose}:${userId}`));
}

/** After a correct password when the user has MFA: the token the second step (/mfa/challenge) presents. */
export async function createMfaChallenge(services: Deps, userId: string): Promise<string> {
  return (await issueVerificationToken(services, 'mfa-challenge', userId)).token;
}

/** The user the challenge belongs to, or null when it is unknown, used or older than 5 minutes; single use. */
export async function consumeMfaChallenge(services: Deps, token: string): Promise<string | null> {
  const result = await consumeVerificationToken(services, 'mfa-challenge', token);
  return result.status === 'ok' ? result.userId : null;
}

/** Like consumeMfaChallenge but leaves the challenge usable (to check a code before spending it). */
export async function peekMfaChallenge(services: Deps, token: string): Promise<string | null> {
  const result = await consumeVerificationToken(services, 'mfa-challenge', token, { peek: true });
  return result.status === 'ok' ? result.userId : null;
}
