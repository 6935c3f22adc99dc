import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app';
import { freshDatabase, testEnv, type TestDatabase } from '../../../test/helpers';
import { connected, openSocket, refreshCookieOf, someIp } from '../../../test/auth-helpers';

/*
 * One full pass through every auth flow with the most verbose logger there is (trace, no redaction):
 * no password, token, link or secret may appear in any log line, and no response carries a stack.
 */

let database: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];
const responses: LightMyRequestResponse[] = [];
const AUTH_SECRET = randomBytes(32).toString('hex');

beforeAll(async () => {
  database = await freshDatabase();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildApp({
    env: testEnv({ LOG_LEVEL: 'trace', AUTH_SECRET }),
    databaseUrl: database.url,
    dbMode: 'external',
    logger: pino({ level: 'trace' }, stream),
    redisPrefix: `wt-test-${randomUUID()}`,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function call(method: 'GET' | 'POST', url: string, options: { payload?: object; cookie?: string; bearer?: string } = {}) {
  const res = await app.inject({
    method,
    url,
    payload: options.payload,
    remoteAddress: someIp(),
    headers: {
      origin: 'http://localhost:3000',
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
    },
    cookies: options.cookie ? { wt_refresh: options.cookie } : {},
  });
  responses.push(res);
  return res;
}

async function mailedToken(to: string, path: string): Promise<string> {
  const { rows } = await database.pool.query('SELECT text FROM mail_outbox WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1', [to]);
  return new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(rows[0].text)![1]!;
}

describe('logs and responses of the auth flows', () => {
  it('never contain a password, token, link, secret or stack trace', async () => {
    const secrets: string[] = [AUTH_SECRET];
    const password = 'orchid-lantern-cobalt-58';
    const newPassword = 'pebble-harbor-violet-77';
    secrets.push(password, newPassword);

    await call('POST', '/api/auth/sign-up', { payload: { email: 'logged@example.com', username: 'logged_user', displayName: 'Logged', password } });
    const verifyToken = await mailedToken('logged@example.com', '/verify-email');
    secrets.push(verifyToken);
    const verified = await call('POST', '/api/auth/verify-email', { payload: { token: verifyToken } });
    expect(verified.statusCode).toBe(200);
    secrets.push(verified.json().accessToken, refreshCookieOf(verified)!);

    await call('POST', '/api/auth/sign-in', { payload: { login: 'logged_user', password: 'a-wrong-password-guess' } });
    const signedIn = await call('POST', '/api/auth/sign-in', { payload: { login: 'logged@example.com', password } });
    expect(signedIn.statusCode).toBe(200);
    const access = signedIn.json().accessToken as string;
    const refresh = refreshCookieOf(signedIn)!;
    secrets.push(access, refresh);

    const socket = openSocket(app, '/rooms', access);
    await connected(socket);
    socket.disconnect();
    const refused = openSocket(app, '/rooms', `${access}x`);
    await new Promise((resolve) => refused.once('connect_error', resolve));
    refused.disconnect();

    await call('GET', '/api/auth/me', { bearer: access });
    await call('GET', '/trpc/auth.me', { bearer: access });
    const rotated = await call('POST', '/api/auth/refresh', { cookie: refresh });
    expect(rotated.statusCode).toBe(200);
    secrets.push(rotated.json().accessToken, refreshCookieOf(rotated)!);
    // Reuse: logged as a warning, which must still not name the token.
    expect((await call('POST', '/api/auth/refresh', { cookie: refresh })).json().error.code).toBe('REFRESH_REUSED');

    await call('POST', '/api/auth/forgot-password', { payload: { email: 'logged@example.com' } });
    const resetToken = await mailedToken('logged@example.com', '/reset-password');
    secrets.push(resetToken);
    expect((await call('POST', '/api/auth/reset-password', { payload: { token: resetToken, password: newPassword } })).statusCode).toBe(200);
    const again = await call('POST', '/api/auth/sign-in', { payload: { login: 'logged_user', password: newPassword } });
    secrets.push(again.json().accessToken, refreshCookieOf(again)!);
    await call('POST', '/api/auth/sign-out', { cookie: refreshCookieOf(again)! });

    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBeGreaterThan(20);
    const log = lines.join('\n');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret);
    }
    // The warning about reuse is there, without the credential.
    expect(log).toContain('refresh token reused');

    for (const res of responses) {
      expect(res.body).not.toContain('"stack"');
      expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
      expect(res.body).not.toContain(password);
      expect(res.body).not.toContain(AUTH_SECRET);
    }
  });
});
