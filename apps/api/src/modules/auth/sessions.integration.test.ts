import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, refreshCookieOf, signIn, someIp, type TestUser } from '../../../test/auth-helpers';

let database: TestDatabase;
let app: FastifyInstance;
let clock = Date.now();
const WEB = 'http://localhost:3000';

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, {}, { now: () => new Date(clock) });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

beforeEach(() => {
  clock = Date.now();
});

function me(accessToken: string) {
  return app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${accessToken}` } });
}

function refresh(cookie: string, origin: string | null = WEB) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    cookies: { wt_refresh: cookie },
    headers: origin ? { origin } : {},
    remoteAddress: someIp(),
  });
}

async function sessionRow(sessionId: string): Promise<{ revoked_at: Date | null }> {
  const { rows } = await database.pool.query('SELECT revoked_at FROM sessions WHERE id = $1', [sessionId]);
  return rows[0];
}

describe('access tokens', () => {
  it('are refused with 401 TOKEN_EXPIRED after 15 minutes (fake clock), on REST and tRPC', async () => {
    const user = await createUser(database.db);
    const session = await signIn(app, user.username, user.password);
    clock += 14 * 60_000;
    expect((await me(session.accessToken)).statusCode).toBe(200);
    clock += 60_000 + 1000;
    const res = await me(session.accessToken);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'TOKEN_EXPIRED', message: 'Your sign-in has timed out. Refresh it or sign in again.' } });

    const trpc = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(trpc.statusCode).toBe(401);
    expect(trpc.json().error.json.data.authCode).toBe('TOKEN_EXPIRED');
  });
});

describe('refresh', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser(database.db);
  });

  it('rotates: a new access token and a new cookie; only hashes are stored', async () => {
    const session = await signIn(app, user.username, user.password);
    const res = await refresh(session.refreshToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.id).toBe(user.id);
    expect(body.accessToken).not.toBe(session.accessToken);
    expect(body.refreshToken).toBeUndefined();
    const rotated = refreshCookieOf(res)!;
    expect(rotated).toEqual(expect.any(String));
    expect(rotated).not.toBe(session.refreshToken);
    expect((await me(body.accessToken)).statusCode).toBe(200);

    const { rows } = await database.pool.query(
      'SELECT token_hash, parent_id, used_at FROM refresh_tokens WHERE session_id = $1 ORDER BY created_at',
      [session.sessionId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].used_at).not.toBeNull();
    expect(rows[1].parent_id).not.toBeNull();
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(session.refreshToken);
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(rotated);
  });

  it('detects reuse: the old cookie answers REFRESH_REUSED and the session dies, new token included', async () => {
    const session = await signIn(app, user.username, user.password);
    const first = await refresh(session.refreshToken);
    const rotated = refreshCookieOf(first)!;
    const newAccess = first.json().accessToken as string;

    const reuse = await refresh(session.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('REFRESH_REUSED');
    // The browser is told to drop the cookie.
    expect(reuse.cookies.find((c) => c.name === 'wt_refresh')?.value).toBe('');
    expect((await sessionRow(session.sessionId)).revoked_at).not.toBeNull();

    const withNew = await refresh(rotated);
    expect(withNew.statusCode).toBe(401);
    expect(withNew.json().error.code).toBe('SESSION_REVOKED');
    expect((await me(newAccess)).json().error.code).toBe('SESSION_REVOKED');
  });

  it('lets two racing refreshes with one token produce one winner and a revoked session', async () => {
    const session = await signIn(app, user.username, user.password);
    const [a, b] = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
    expect([a, b].find((r) => r.statusCode === 401)!.json().error.code).toBe('REFRESH_REUSED');
  });

  it('refuses an unknown token (TOKEN_INVALID) and no token (UNAUTHENTICATED)', async () => {
    const unknown = await refresh('made-up-refresh-token-value-000000000000000');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('TOKEN_INVALID');
    const none = await app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { origin: WEB } });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a refresh token past its 30 days (TOKEN_EXPIRED)', async () => {
    const session = await signIn(app, user.username, user.password);
    clock += 30 * 86400_000 + 1000;
    const res = await refresh(session.refreshToken);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_EXPIRED');
  });

  it('serves mobile clients through the body: the rotated token comes back in the body, no Origin needed', async () => {
    const session = await signIn(app, user.username, user.password);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
      remoteAddress: someIp(),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.refreshToken).toEqual(expect.any(String));
    expect(body.refreshToken).not.toBe(session.refreshToken);
  });
});

describe('CSRF on cookie-authenticated mutations', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser(database.db);
  });

  it('refuses a refresh from a foreign Origin, or with no Origin or Referer, with 403', async () => {
    const session = await signIn(app, user.username, user.password);
    for (const origin of ['https://evil.example', 'null', null]) {
      const res = await refresh(session.refreshToken, origin);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_REJECTED');
    }
    // The refused requests did not spend the token.
    expect((await refresh(session.refreshToken)).statusCode).toBe(200);
  });

  it('accepts the web origin, a same-origin Referer and the API origin itself', async () => {
    let token = (await signIn(app, user.username, user.password)).refreshToken;
    const attempts: Record<string, string>[] = [{ origin: WEB }, { referer: `${WEB}/rooms/abc` }, { origin: 'http://localhost:80' }];
    for (const headers of attempts) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { wt_refresh: token }, headers, remoteAddress: someIp() });
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
      token = refreshCookieOf(res)!;
    }
  });

  it('refuses a cross-site sign-out', async () => {
    const session = await signIn(app, user.username, user.password);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: { wt_refresh: session.refreshToken },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect((await me(session.accessToken)).statusCode).toBe(200);
  });
});

describe('sign-out and one session per user', () => {
  it('sign-out revokes the session, clears the cookie, and the tokens stop working', async () => {
    const user = await createUser(database.db);
    const session = await signIn(app, user.username, user.password);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: { wt_refresh: session.refreshToken },
      headers: { origin: WEB },
    });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'wt_refresh');
    expect(cleared?.value).toBe('');
    expect(cleared?.path).toBe('/api/auth');
    expect((await sessionRow(session.sessionId)).revoked_at).not.toBeNull();
    expect((await me(session.accessToken)).json().error.code).toBe('SESSION_REVOKED');
    expect((await refresh(session.refreshToken)).json().error.code).toBe('SESSION_REVOKED');
  });

  it('accepts an empty JSON body on sign-out and answers malformed JSON in the auth error shape', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { 'content-type': 'application/json', origin: WEB } });
    expect(empty.statusCode).toBe(204);
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": ',
      remoteAddress: someIp(),
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('sign-out with only a bearer token (mobile) revokes that session', async () => {
    const user = await createUser(database.db);
    const session = await signIn(app, user.username, user.password);
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(res.statusCode).toBe(204);
    expect((await me(session.accessToken)).json().error.code).toBe('SESSION_REVOKED');
  });

  it('a second sign-in ends the first session: its access and refresh tokens are refused', async () => {
    const user = await createUser(database.db);
    const first = await signIn(app, user.username, user.password);
    const second = await signIn(app, user.email, user.password);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect((await me(first.accessToken)).json().error).toEqual({ code: 'SESSION_REVOKED', message: 'You were signed out. Sign in again to continue.' });
    expect((await refresh(first.refreshToken)).json().error.code).toBe('SESSION_REVOKED');
    expect((await me(second.accessToken)).statusCode).toBe(200);
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    expect(rows[0].n).toBe(1);
  });

  it('simultaneous sign-ins leave exactly one live session', async () => {
    const user = await createUser(database.db);
    await Promise.all([0, 1, 2].map(() => signIn(app, user.username, user.password)));
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    expect(rows[0].n).toBe(1);
  });
});
