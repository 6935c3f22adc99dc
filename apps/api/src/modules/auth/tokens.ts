import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Env } from '../../env';
import { AuthError, AUTH_MESSAGES } from './errors';

/** Access tokens live 15 minutes (seed 000 JWT strategy); clients keep them in memory only. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'watchtogether';
const AUDIENCE = 'watchtogether-api';

export type Role = 'viewer' | 'creator' | 'admin';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  role: Role;
  /** When the token stops being accepted. */
  expiresAt: Date;
}

// One resolution per validated env object: reading (or creating) the file once, not per request.
const secrets = new WeakMap<Env, Promise<Uint8Array>>();

/**
 * The HS256 key: AUTH_SECRET, or (development and test only; env.ts requires AUTH_SECRET in production)
 * a random secret generated once and kept in DATA_DIR/auth-secret with mode 0600, so tokens survive a
 * restart and every process sharing DATA_DIR agrees on it. Also the root key other auth parts derive
 * theirs from (MFA secret encryption).
 */
export function getAuthSecret(env: Env): Promise<Uint8Array> {
  let secret = secrets.get(env);
  if (!secret) {
    secret = env.AUTH_SECRET ? Promise.resolve(new TextEncoder().encode(env.AUTH_SECRET)) : readOrCreateSecretFile(env.DATA_DIR);
    secrets.set(env, secret);
    // A failed read must not stick: the next request tries again.
    secret.catch(() => secrets.delete(env));
  }
  return secret;
}

async function readOrCreateSecretFile(dataDir: string): Promise<Uint8Array> {
  const file = path.join(dataDir, 'auth-secret');
  const existing = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (existing && existing.trim().length >= 32) return new TextEncoder().encode(existing.trim());
  await mkdir(dataDir, { recursive: true });
  const generated = randomBytes(48).toString('base64url');
  try {
    // 'wx': when two processes start together, only one writes; the other reads the winner's secret.
    await writeFile(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
    return new TextEncoder().encode(generated);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return new TextEncoder().encode((await readFile(file, 'utf8')).trim());
  }
}

export async function signAccessToken(
  deps: { env: Env; now: () => Date },
  claims: { userId: string; sessionId: string; role: Role },
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(deps.now().getTime() / 1000);
  const exp = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ sid: claims.sessionId, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    // Unique per token, so two tokens issued in the same second are still different credentials.
    .setJti(randomUUID())
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(exp)
    .sign(await getAuthSecret(deps.env));
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * Verifies signature, issuer, audience and expiry against the injected clock (so tests fake time).
 * Throws AuthError TOKEN_EXPIRED or TOKEN_INVALID; never says more than that about why. `ignoreExpiry`
 * still checks the signature.
 */
export async function verifyAccessToken(
  deps: { env: Env; now: () => Date },
  token: string,
  options: { ignoreExpiry?: boolean } = {},
): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, await getAuthSecret(deps.env), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: deps.now(),
      // Sign-out accepts an expired token: it only ever ends the session it names.
      ...(options.ignoreExpiry ? { clockTolerance: Number.MAX_SAFE_INTEGER } : {}),
      requiredClaims: ['sub', 'exp', 'sid'],
    });
    const role = payload.role;
    if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || !isRole(role) || typeof payload.exp !== 'number') {
      throw new AuthError('TOKEN_INVALID', 401, AUTH_MESSAGES.accessTokenInvalid);
    }
    return { userId: payload.sub, sessionId: payload.sid, role, expiresAt: new Date(payload.exp * 1000) };
  } catch (err) {
    if (err instanceof AuthError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw new AuthError('TOKEN_EXPIRED', 401, AUTH_MESSAGES.accessTokenExpired);
    throw new AuthError('TOKEN_INVALID', 401, AUTH_MESSAGES.accessTokenInvalid);
  }
}

function isRole(value: unknown): value is Role {
  return value === 'viewer' || value === 'creator' || value === 'admin';
}

/** An opaque credential (refresh token, email link, MFA challenge): 256 random bits, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of an opaque credential: a leaked table hands out nothing usable. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
