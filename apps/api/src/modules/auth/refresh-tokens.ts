import { and, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import type { AppServices } from '../../services';
import { hashToken, randomToken } from './tokens';

/** The long-lived credential (seed 000): 30 days, renewed by every refresh. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

/** Stores the hash of a fresh refresh token for the session; `parentId` links a rotation to its parent. */
export async function issueRefreshToken(
  db: Pick<Database, 'insert'>,
  sessionId: string,
  parentId: string | null,
  now: Date,
): Promise<IssuedRefreshToken> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
  await db.insert(schema.refreshTokens).values({ sessionId, tokenHash: hashToken(token), parentId, expiresAt });
  return { token, expiresAt };
}

export type RotationResult =
  | { status: 'rotated'; sessionId: string; userId: string; refresh: IssuedRefreshToken }
  /** The token had been used before: the session and all its tokens are now revoked. */
  | { status: 'reused'; sessionId: string }
  | { status: 'revoked' | 'expired' | 'invalid' };

/**
 * One refresh: marks the presented token used and issues its child, in one transaction with the token
 * row locked, so two concurrent refreshes with the same token cannot both succeed (the second one is a
 * reuse). Presenting an already-used token revokes the whole session: whoever holds a copy (a thief or
 * the victim) loses it, and the owner signs in again.
 */
export async function rotateRefreshToken(services: Pick<AppServices, 'db' | 'now'>, token: string): Promise<RotationResult> {
  const now = services.now();
  return services.db.transaction(async (tx): Promise<RotationResult> => {
    const [row] = await tx
      .select({
        id: schema.refreshTokens.id,
        sessionId: schema.refreshTokens.sessionId,
        usedAt: schema.refreshTokens.usedAt,
        revokedAt: schema.refreshTokens.revokedAt,
        expiresAt: schema.refreshTokens.expiresAt,
        sessionRevokedAt: schema.sessions.revokedAt,
        userId: schema.sessions.userId,
        userDeletedAt: schema.users.deletedAt,
      })
      .from(schema.refreshTokens)
      .innerJoin(schema.sessions, eq(schema.sessions.id, schema.refreshTokens.sessionId))
      .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
      .where(eq(schema.refreshTokens.tokenHash, hashToken(token)))
      .for('update', { of: schema.refreshTokens })
      .limit(1);
    if (!row) return { status: 'invalid' };
    if (row.usedAt) {
      await revokeSessionRows(tx, [row.sessionId], now);
      return { status: 'reused', sessionId: row.sessionId };
    }
    if (row.revokedAt || row.sessionRevokedAt || row.userDeletedAt) return { status: 'revoked' };
    if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired' };

    await tx.update(schema.refreshTokens).set({ usedAt: now }).where(eq(schema.refreshTokens.id, row.id));
    const refresh = await issueRefreshToken(tx, row.sessionId, row.id, now);
    await tx.update(schema.sessions).set({ expiresAt: refresh.expiresAt }).where(eq(schema.sessions.id, row.sessionId));
    return { status: 'rotated', sessionId: row.sessionId, userId: row.userId, refresh };
  });
}

/** The session a refresh token belongs to, whatever its state (sign-out accepts a used or expired one). */
export async function sessionIdForRefreshToken(db: Database, token: string): Promise<string | null> {
  const [row] = await db
    .select({ sessionId: schema.refreshTokens.sessionId })
    .from(schema.refreshTokens)
    .where(eq(schema.refreshTokens.tokenHash, hashToken(token)))
    .limit(1);
  return row?.sessionId ?? null;
}

/** Marks sessions and every live refresh token of theirs revoked. */
export async function revokeSessionRows(db: Pick<Database, 'update'>, sessionIds: string[], now: Date): Promise<void> {
  if (sessionIds.length === 0) return;
  await db
    .update(schema.sessions)
    .set({ revokedAt: now })
    .where(and(inArray(schema.sessions.id, sessionIds), isNull(schema.sessions.revokedAt)));
  await db
    .update(schema.refreshTokens)
    .set({ revokedAt: now })
    .where(and(inArray(schema.refreshTokens.sessionId, sessionIds), isNull(schema.refreshTokens.revokedAt)));
}
