import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv, type Env } from '../../env';
import { AuthError } from './errors';
import { getAuthSecret, hashToken, randomToken, signAccessToken, verifyAccessToken } from './tokens';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'wt-auth-secret-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const envWith = (overrides: Record<string, string> = {}): Env => parseEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, ...overrides });
const ids = { userId: '7c4a8d09-ca37-4d6e-9d8b-2f7c1a1b6a01', sessionId: '0b9a4a1e-6b1c-4cf2-8f0e-5b8f2d3c4e05' };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError);
    return (err as AuthError).code;
  }
  throw new Error('expected a refusal');
}

describe('auth secret', () => {
  it('generates one secret file (mode 0600) when AUTH_SECRET is unset and reuses it', async () => {
    const first = await getAuthSecret(envWith());
    const second = await getAuthSecret(envWith());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const file = path.join(dataDir, 'auth-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim().length).toBeGreaterThanOrEqual(32);
  });

  it('uses AUTH_SECRET when set', async () => {
    const secret = 'x'.repeat(40);
    expect(new TextDecoder().decode(await getAuthSecret(envWith({ AUTH_SECRET: secret })))).toBe(secret);
  });
});

describe('access tokens', () => {
  const env = envWith({ AUTH_SECRET: 'a'.repeat(40) });
  const t0 = new Date('2030-01-01T00:00:00Z');

  it('carries sub, sid and role and lives 15 minutes by the injected clock', async () => {
    const { token, expiresAt } = await signAccessToken({ env, now: () => t0 }, { ...ids, role: 'creator' });
    expect(expiresAt.toISOString()).toBe('2030-01-01T00:15:00.000Z');
    const claims = await verifyAccessToken({ env, now: () => new Date(t0.getTime() + 14 * 60_000) }, token);
    expect(claims).toEqual({ ...ids, role: 'creator', expiresAt });
    expect(await refusal(verifyAccessToken({ env, now: () => new Date(t0.getTime() + 15 * 60_000 + 1000) }, token))).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token signed with another secret, a tampered one and garbage', async () => {
    const { token } = await signAccessToken({ env, now: () => t0 }, { ...ids, role: 'viewer' });
    const other = envWith({ AUTH_SECRET: 'b'.repeat(40) });
    const deps = { env, now: () => t0 };
    expect(await refusal(verifyAccessToken({ env: other, now: () => t0 }, token))).toBe('TOKEN_INVALID');
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(await refusal(verifyAccessToken(deps, `${header}.${forged}.${signature}`))).toBe('TOKEN_INVALID');
    expect(await refusal(verifyAccessToken(deps, 'not.a.jwt'))).toBe('TOKEN_INVALID');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(await refusal(verifyAccessToken(deps, none))).toBe('TOKEN_INVALID');
  });

  it('still names the session of an expired token when asked to ignore expiry (sign-out)', async () => {
    const { token } = await signAccessToken({ env, now: () => t0 }, { ...ids, role: 'viewer' });
    const later = { env, now: () => new Date(t0.getTime() + 24 * 3600_000) };
    expect((await verifyAccessToken(later, token, { ignoreExpiry: true })).sessionId).toBe(ids.sessionId);
  });
});

describe('opaque tokens', () => {
  it('are 256-bit URL-safe values stored as SHA-256 hex', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
