import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEMO_ACCOUNT, seedDemoData } from '@wt/db/seed';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, refreshCookieOf, signIn, someIp, type TestUser } from '../../../test/auth-helpers';
import { adminProcedure, createCallerFactory, router } from '../../trpc/trpc';
import { optionalAuth } from './request-auth';
import { authenticateToken } from './session';
import { consumeMfaChallenge } from './verifications';

let database: TestDatabase;
let app: FastifyInstance;
let clock = Date.now();

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemoData(database.db);
  app = await buildTestApp(database, { GOOGLE_CLIENT_ID: 'g-id', GOOGLE_CLIENT_SECRET: 'g-secret' }, { now: () => new Date(clock) });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

function signInRequest(login: string, password: string, ip = someIp()) {
  return app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password }, remoteAddress: ip });
}

describe('sign-in', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser(database.db, { username: 'Casey_Case', email: 'casey@example.com' });
  });

  it('signs in by username and by email, case-insensitively, with a session and a refresh cookie', async () => {
    for (const login of ['casey_case', 'CASEY_CASE', 'casey@example.com', 'Casey@Example.COM']) {
      const res = await signInRequest(login, user.password);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.user).toEqual({
        id: user.id,
        username: 'Casey_Case',
        displayName: user.displayName,
        email: 'casey@example.com',
        emailVerified: true,
        role: 'viewer',
        avatarUrl: null,
        level: 1,
        // The day's login bonus (issue 7): +50 once per UTC day, however many sign-ins.
        xp: 50,
        isPremium: false,
      });
      // 15 minutes (JWT times are whole seconds).
      expect(Math.abs(new Date(body.accessTokenExpiresAt).getTime() - clock - 15 * 60_000)).toBeLessThan(1000);
      expect(res.cookies.find((c) => c.name === 'wt_refresh')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/auth',
        secure: true,
      });
    }
  });

  it('gives a wrong password and an unknown user the identical answer', async () => {
    const wrong = await signInRequest(user.username, 'not-the-password-at-all');
    const unknown = await signInRequest('nobody_at_all', 'not-the-password-at-all');
    const unknownEmail = await signInRequest('nobody@example.com', 'not-the-password-at-all');
    for (const res of [wrong, unknown, unknownEmail]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe(
        JSON.stringify({ error: { code: 'INVALID_CREDENTIALS', message: "That email/username and password don't match." } }),
      );
      expect(refreshCookieOf(res)).toBeUndefined();
    }
  });

  it('answers a missing field with its sentence', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: '' }, remoteAddress: someIp() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ login: 'Enter your email or username.', password: 'Enter your password.' });
  });

  it('lets the demo user from the seed data sign in', async () => {
    const res = await signInRequest(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'demo', email: 'demo@watchtogether.local', emailVerified: true });
    const byEmail = await signInRequest('demo@watchtogether.local', DEMO_ACCOUNT.password);
    expect(byEmail.statusCode).toBe(200);
  });

  it('treats a deleted account as unknown', async () => {
    const gone = await createUser(database.db);
    await database.pool.query('UPDATE users SET deleted_at = now() WHERE id = $1', [gone.id]);
    const res = await signInRequest(gone.username, gone.password);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('reactivates an account deactivated within 30 days, and not one deactivated longer ago', async () => {
    const resting = await createUser(database.db);
    await database.pool.query(`UPDATE users SET deactivated_at = $2 WHERE id = $1`, [resting.id, new Date(clock - 29 * 86400_000)]);
    expect((await signInRequest(resting.email, resting.password)).statusCode).toBe(200);
    const { rows } = await database.pool.query('SELECT deactivated_at, last_login_at FROM users WHERE id = $1', [resting.id]);
    expect(rows[0].deactivated_at).toBeNull();
    expect(rows[0].last_login_at).not.toBeNull();

    const expired = await createUser(database.db);
    await database.pool.query(`UPDATE users SET deactivated_at = $2 WHERE id = $1`, [expired.id, new Date(clock - 31 * 86400_000)]);
    const res = await signInRequest(expired.email, expired.password);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('asks for the second factor when the user has MFA, without starting a session', async () => {
    const secured = await createUser(database.db);
    await database.pool.query(`INSERT INTO two_factors (user_id, secret, backup_codes) VALUES ($1, 'sealed', '[]')`, [secured.id]);
    const res = await signInRequest(secured.username, secured.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ mfaRequired: true, challengeToken: expect.any(String) });
    expect(refreshCookieOf(res)).toBeUndefined();
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [secured.id]);
    expect(rows[0].n).toBe(0);

    const services = app.services;
    expect(await consumeMfaChallenge(services, body.challengeToken)).toBe(secured.id);
    expect(await consumeMfaChallenge(services, body.challengeToken)).toBeNull();
  });
});

describe('per-account backoff', () => {
  it('answers the 6th wrong password within a short time with 429 and a wait, even from different IPs', async () => {
    const target = await createUser(database.db);
    for (let i = 0; i < 5; i += 1) {
      const res = await signInRequest(target.username, `wrong-password-${i}`, someIp());
      expect(res.statusCode).toBe(401);
    }
    const sixth = await signInRequest(target.email, 'wrong-password-6', someIp());
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many failed sign-in attempts for this account. Wait 30 seconds and try again.',
      retryAfterSeconds: 30,
    });
    expect(sixth.headers['retry-after']).toBe('30');

    // Locked means locked: the right password waits too.
    expect((await signInRequest(target.username, target.password, someIp())).statusCode).toBe(429);

    clock += 31_000;
    try {
      expect((await signInRequest(target.username, target.password, someIp())).statusCode).toBe(200);
    } finally {
      clock = Date.now();
    }
  });

  it('locks unknown logins the same way (no difference to learn from)', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signInRequest('ghost_login', `nope-${i}-password`)).statusCode).toBe(401);
    expect((await signInRequest('ghost_login', 'nope-6-password')).statusCode).toBe(429);
  });

  it('answers the 21st sign-in request from one IP within a minute with 429', async () => {
    const ip = someIp();
    const user = await createUser(database.db);
    for (let i = 0; i < 20; i += 1) {
      expect((await signInRequest(user.username, user.password, ip)).statusCode).toBe(200);
    }
    const res = await signInRequest(user.username, user.password, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
  });
});

describe('who am I', () => {
  it('GET /me answers the AuthUser for a bearer token and 401 UNAUTHENTICATED without one', async () => {
    const user = await createUser(database.db);
    const session = await signIn(app, user.username, user.password);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: user.id, username: user.username });

    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.' } });

    const garbage = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer not.a.token' } });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json().error.code).toBe('TOKEN_INVALID');
  });

  it('tRPC auth.me answers the AuthUser, and protectedProcedure refuses without a token', async () => {
    const user = await createUser(database.db);
    const session = await signIn(app, user.email, user.password);
    const ok = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().result.data.json).toMatchObject({ id: user.id, email: user.email, role: 'viewer' });

    const refused = await app.inject({ method: 'GET', url: '/trpc/auth.me' });
    expect(refused.statusCode).toBe(401);
    const error = refused.json().error.json;
    expect(error.message).toBe('Sign in to continue.');
    expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', authCode: 'UNAUTHENTICATED' });
    expect(refused.body).not.toContain('"stack"');
  });

  it('reads the role from the database on every request (a granted admin is admin at once)', async () => {
    const user = await createUser(database.db);
    const session = await signIn(app, user.email, user.password);
    await database.pool.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [user.id]);
    expect((await authenticateToken(app.services, session.accessToken)).role).toBe('admin');
  });

  it('adminProcedure refuses a viewer (FORBIDDEN) and serves an admin', async () => {
    const probe = createCallerFactory(router({ secret: adminProcedure.query(() => 'admin only') }));
    const callerFor = async (accessToken: string) =>
      probe({ services: app.services, req: null, ...(await optionalAuth(app.services, { headers: { authorization: `Bearer ${accessToken}` } })) });

    const viewer = await createUser(database.db);
    const viewerSession = await signIn(app, viewer.username, viewer.password);
    await expect((await callerFor(viewerSession.accessToken)).secret()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const admin = await createUser(database.db, { role: 'admin' });
    const adminSession = await signIn(app, admin.username, admin.password);
    await expect((await callerFor(adminSession.accessToken)).secret()).resolves.toBe('admin only');
    await expect(probe({ services: app.services, req: null, auth: null, authError: null }).secret()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lists the OAuth providers whose id and secret are configured', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ providers: ['google'] });
  });
});
