import { and, eq, isNull, ne } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import { FORCE_LOGOUT_NEW_LOGIN, isPremiumActive, SOCKET_NAMESPACES, type AuthSession, type AuthUser } from '@wt/schemas';
import type { AppServices } from '../../services';
import { awardDailyLogin } from '../gamification/sources';
import { AuthError, AUTH_MESSAGES, authErrors } from './errors';
import { issueRefreshToken, REFRESH_TOKEN_TTL_MS, revokeSessionRows } from './refresh-tokens';
import { hashToken, randomToken, signAccessToken, verifyAccessToken, type Role } from './tokens';

/** Who made an authenticated request (request.auth, ctx.auth, socket.data.auth). */
export interface AuthContext {
  userId: string;
  sessionId: string;
  /** Read from the database on every request, so a granted or removed role applies at once. */
  role: Role;
}

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface StartedSession {
  session: AuthSession;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** A deactivated account can be reactivated by signing in for this long (seed 000 settings). */
export const REACTIVATION_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export function canReactivate(deactivatedAt: Date | null, now: Date): boolean {
  return deactivatedAt === null || now.getTime() - deactivatedAt.getTime() <= REACTIVATION_WINDOW_MS;
}

type UserRow = typeof schema.users.$inferSelect;

/** `now` decides Premium: is_premium may lag behind an expired premium_until until the daily sweep. */
export function toAuthUser(user: UserRow, now: Date): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    emailVerified: user.emailVerified,
    role: user.role,
    avatarUrl: user.avatarUrl,
    level: user.level,
    xp: user.xp,
    isPremium: isPremiumActive(user, now),
  };
}

/**
 * The signed-in user as clients see it; null for an unknown or deleted account. Callers should pass
 * the app clock (`services.now()`); the default is the wall clock.
 */
export async function loadAuthUser(db: Database, userId: string, now: Date = new Date()): Promise<AuthUser | null> {
  const [user] = await db
    .select()
    .from(schema.users)
    .where(and(eq(schema.users.id, userId), isNull(schema.users.deletedAt)))
    .limit(1);
  return user ? toAuthUser(user, now) : null;
}

/**
 * An AuthSession (user + fresh access token) for a session that exists: every sign-in (password, OAuth,
 * MFA) and every refresh comes through here, so here the day's login XP is awarded (once per UTC day;
 * a failure is logged, never fails the sign-in).
 */
export async function sessionFor(services: AppServices, user: UserRow, sessionId: string): Promise<AuthSession> {
  const login = await awardDailyLogin(services, user.id);
  const current = login?.awarded ? { ...user, xp: login.xp, level: login.level } : user;
  const access = await signAccessToken(services, { userId: user.id, sessionId, role: user.role });
  return { user: toAuthUser(current, services.now()), accessToken: access.token, accessTokenExpiresAt: access.expiresAt.toISOString() };
}

/**
 * Signs a user in: ONE ACTIVE SESSION PER USER (seed `createSession`). In one transaction, with the user
 * row locked so two simultaneous sign-ins cannot both survive, it revokes the user's other sessions and
 * creates the new one with its first refresh token; then the old sessions' sockets get `force_logout`
 * `{ reason: 'New login' }` and are disconnected, on every instance (the Redis adapter carries both).
 * Signing in also reactivates an account deactivated within the last 30 days.
 */
export async function startSession(services: AppServices, userId: string, meta: SessionMeta): Promise<StartedSession> {
  const now = services.now();
  const { user, sessionId, refresh, revokedIds } = await services.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ deactivatedAt: schema.users.deactivatedAt })
      .from(schema.users)
      .where(and(eq(schema.users.id, userId), isNull(schema.users.deletedAt)))
      .for('update');
    if (!current || !canReactivate(current.deactivatedAt, now)) throw authErrors.invalidCredentials();
    const [user] = await tx
      .update(schema.users)
      .set({ lastLoginAt: now, deactivatedAt: null })
      .where(eq(schema.users.id, userId))
      .returning();
    const others = await tx
      .select({ id: schema.sessions.id })
      .from(schema.sessions)
      .where(and(eq(schema.sessions.userId, userId), isNull(schema.sessions.revokedAt)));
    const revokedIds = others.map((s) => s.id);
    await revokeSessionRows(tx, revokedIds, now);
    const [session] = await tx
      .insert(schema.sessions)
      .values({
        userId,
        // Not a credential (the refresh token is): a unique random handle, stored hashed like the rest.
        token: hashToken(randomToken()),
        expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
        ipAddress: meta.ip,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
      })
      .returning({ id: schema.sessions.id });
    const refresh = await issueRefreshToken(tx, session!.id, null, now);
    return { user: user!, sessionId: session!.id, refresh, revokedIds };
  });
  endSessionSockets(services, revokedIds, FORCE_LOGOUT_NEW_LOGIN);
  return { session: await sessionFor(services, user, sessionId), refreshToken: refresh.token, refreshExpiresAt: refresh.expiresAt };
}

/**
 * Ends sessions' live sockets on every namespace and instance: `force_logout` first when there is a
 * reason to show, then a server-side disconnect (the client does not reconnect by itself).
 */
export function endSessionSockets(services: Pick<AppServices, 'io'>, sessionIds: string[], reason?: string): void {
  if (sessionIds.length === 0) return;
  const rooms = sessionIds.map((id) => `session:${id}`);
  for (const name of SOCKET_NAMESPACES) {
    const nsp = services.io.of(name);
    if (reason) nsp.to(rooms).emit('force_logout', { reason });
    nsp.in(rooms).disconnectSockets(false);
  }
}

/** Revokes one session (sign-out) and disconnects its sockets. */
export async function revokeSession(services: AppServices, sessionId: string): Promise<void> {
  await revokeSessionRows(services.db, [sessionId], services.now());
  endSessionSockets(services, [sessionId]);
}

/**
 * Revokes every live session of a user (password reset, password change, deactivation, deletion),
 * except `except` (the session making the change); their sockets are disconnected, with `force_logout`
 * carrying `reason` when one is given. Returns the revoked session ids.
 */
export async function revokeAllSessions(
  services: AppServices,
  userId: string,
  options: { except?: string; reason?: string } = {},
): Promise<string[]> {
  const conditions = [eq(schema.sessions.userId, userId), isNull(schema.sessions.revokedAt)];
  if (options.except) conditions.push(ne(schema.sessions.id, options.except));
  const rows = await services.db
    .select({ id: schema.sessions.id })
    .from(schema.sessions)
    .where(and(...conditions));
  const ids = rows.map((r) => r.id);
  await revokeSessionRows(services.db, ids, services.now());
  endSessionSockets(services, ids, options.reason);
  return ids;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies an access token and that its session is still live: the shared check behind `authenticate`,
 * tRPC's ctx.auth and the socket handshake. Throws AuthError TOKEN_EXPIRED / TOKEN_INVALID /
 * SESSION_REVOKED.
 */
export async function authenticateToken(
  services: Pick<AppServices, 'db' | 'env' | 'now'>,
  token: string,
): Promise<AuthContext & { expiresAt: Date }> {
  const claims = await verifyAccessToken(services, token);
  if (!UUID.test(claims.sessionId) || !UUID.test(claims.userId)) {
    throw new AuthError('TOKEN_INVALID', 401, AUTH_MESSAGES.accessTokenInvalid);
  }
  const [row] = await services.db
    .select({
      userId: schema.sessions.userId,
      revokedAt: schema.sessions.revokedAt,
      expiresAt: schema.sessions.expiresAt,
      role: schema.users.role,
      deletedAt: schema.users.deletedAt,
      deactivatedAt: schema.users.deactivatedAt,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, claims.sessionId))
    .limit(1);
  if (!row || row.userId !== claims.userId) throw new AuthError('TOKEN_INVALID', 401, AUTH_MESSAGES.accessTokenInvalid);
  if (row.revokedAt || row.deletedAt || row.deactivatedAt || row.expiresAt.getTime() <= services.now().getTime()) {
    throw authErrors.sessionRevoked();
  }
  return { userId: claims.userId, sessionId: claims.sessionId, role: row.role, expiresAt: claims.expiresAt };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}
