import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { OAuth2Server } from 'oauth2-mock-server';
import { buildTestApp, freePort, freshDatabase, type TestDatabase } from '../../../../test/helpers';

/**
 * OAuth end to end against a real local OpenID Connect server (oauth2-mock-server): discovery, PKCE,
 * state, nonce, signed ID tokens. Discord (plain OAuth 2) is tested through a small server that speaks
 * Discord's REST paths in front of the same authorization server.
 */
let database: TestDatabase;
let app: FastifyInstance;
let oidc: OAuth2Server;
let discord: http.Server;
let origin: string;

function cookieFrom(res: Response, name: string): string | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [k, v] = pair!.split('=');
    if (k === name) return v ?? '';
  }
  return null;
}

/** What the provider says about the person for the next sign-in. */
function providerSays(claims: Record<string, unknown>) {
  const handler = (token: { payload: Record<string, unknown> }) => Object.assign(token.payload, claims);
  oidc.service.on('beforeTokenSigning', handler);
  const userinfo = (res: { body: Record<string, unknown> }) => Object.assign(res.body, claims);
  oidc.service.on('beforeUserinfo', userinfo);
  return () => {
    oidc.service.off('beforeTokenSigning', handler);
    oidc.service.off('beforeUserinfo', userinfo);
  };
}

/** Walks the browser's redirects: our start -> provider authorize -> our callback. */
async function signInWith(provider: string, claims: Record<string, unknown>, opts: { formPost?: boolean } = {}) {
  const done = providerSays(claims);
  try {
    const start = await fetch(`${origin}/api/auth/oauth/${provider}/start?returnTo=/rooms`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const stateCookie = cookieFrom(start, 'wt_oauth');
    expect(stateCookie).toBeTruthy();
    const authorize = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const back = new URL(authorize.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(`${origin}/api/auth/oauth/${provider}/callback`);
    const callback = opts.formPost
      ? await fetch(`${origin}${back.pathname}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: `wt_oauth=${stateCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: back.searchParams.toString(),
        })
      : await fetch(back, { redirect: 'manual', headers: { cookie: `wt_oauth=${stateCookie}` } });
    return { callback, location: new URL(callback.headers.get('location')!), refresh: cookieFrom(callback, 'wt_refresh') };
  } finally {
    done();
  }
}

async function whoAmI(refresh: string) {
  const res = await fetch(`${origin}/api/auth/refresh`, {
    method: 'POST',
    headers: { cookie: `wt_refresh=${refresh}`, origin },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { user: { id: string; username: string; email: string; emailVerified: boolean }; accessToken: string };
}

beforeAll(async () => {
  database = await freshDatabase();
  oidc = new OAuth2Server();
  await oidc.issuer.keys.generate('RS256');
  await oidc.start(0, '127.0.0.1');
  const issuer = oidc.issuer.url!;

  // Discord's REST surface, with the authorization and token steps served by the mock server.
  discord = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const forward = (path: string, rewrite?: (body: Record<string, unknown>) => void) => {
      const target = new URL(path + url.search, issuer);
      const proxied = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        if (!rewrite) {
          res.writeHead(up.statusCode!, up.headers);
          up.pipe(res);
          return;
        }
        let raw = '';
        up.on('data', (c: Buffer) => (raw += c.toString()));
        up.on('end', () => {
          const body = JSON.parse(raw) as Record<string, unknown>;
          rewrite(body);
          res.writeHead(up.statusCode!, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        });
      });
      req.pipe(proxied);
    };
    if (url.pathname === '/oauth2/authorize') return forward('/authorize');
    // Discord is not OpenID Connect: its token response has no id_token.
    if (url.pathname === '/api/oauth2/token') return forward('/token', (body) => delete body.id_token);
    if (url.pathname === '/api/users/@me') {
      const ok = req.headers.authorization?.startsWith('Bearer ');
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(ok ? { id: '80351110224678912', username: 'nelly', global_name: 'Nelly', email: 'nelly@example.com', verified: true, avatar: null } : { message: '401: Unauthorized' }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => discord.listen(0, '127.0.0.1', resolve));
  const discordUrl = `http://127.0.0.1:${(discord.address() as { port: number }).port}`;

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = await buildTestApp(database, {
    WEB_ORIGIN: origin,
    COOKIE_SECURE: 'false',
    GOOGLE_CLIENT_ID: 'wt-google', GOOGLE_CLIENT_SECRET: 'google-secret', GOOGLE_ISSUER: issuer,
    APPLE_CLIENT_ID: 'wt-apple', APPLE_CLIENT_SECRET: 'apple-secret', APPLE_ISSUER: issuer,
    DISCORD_CLIENT_ID: 'wt-discord', DISCORD_CLIENT_SECRET: 'discord-secret', DISCORD_BASE_URL: discordUrl,
  });
  await app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await oidc?.stop();
  await new Promise((r) => discord?.close(r));
  await database?.drop();
});

describe('OAuth sign-in', () => {
  it('creates an account on first Google sign-in, with a verified email, and lands on returnTo signed in', async () => {
    const { location, refresh } = await signInWith('google', {
      sub: 'google-ann', email: 'ann@example.com', email_verified: true, name: 'Ann Lee',
    });
    expect(location.href).toBe(`${origin}/rooms`);
    expect(refresh).toBeTruthy();
    const me = await whoAmI(refresh!);
    expect(me.user).toMatchObject({ username: 'Ann_Lee', email: 'ann@example.com', emailVerified: true });
    const { rows } = await database.pool.query(`SELECT provider_id, account_id FROM accounts WHERE user_id = $1`, [me.user.id]);
    expect(rows).toEqual([{ provider_id: 'google', account_id: 'google-ann' }]);
  });

  it('signs the same person into the same account the next time', async () => {
    const first = await whoAmI((await signInWith('google', { sub: 'google-bo', email: 'bo@example.com', email_verified: true, name: 'Bo' })).refresh!);
    const again = await whoAmI((await signInWith('google', { sub: 'google-bo', email: 'bo@example.com', email_verified: true, name: 'Bo' })).refresh!);
    expect(again.user.id).toBe(first.user.id);
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'bo@example.com'`);
    expect(rows[0].n).toBe(1);
  });

  it('links a verified provider email to the existing account with that email', async () => {
    const { rows } = await database.pool.query(
      `INSERT INTO users (username, email, display_name) VALUES ('cleo', 'cleo@example.com', 'Cleo') RETURNING id`,
    );
    const me = await whoAmI((await signInWith('google', { sub: 'google-cleo', email: 'Cleo@Example.com', email_verified: true, name: 'Cleo G' })).refresh!);
    expect(me.user.id).toBe(rows[0].id);
    expect(me.user.emailVerified).toBe(true);
  });

  it('never lets an unverified provider email take over an existing account', async () => {
    await database.pool.query(`INSERT INTO users (username, email, display_name) VALUES ('dora', 'dora@example.com', 'Dora')`);
    const { location, refresh } = await signInWith('google', { sub: 'google-fake-dora', email: 'dora@example.com', email_verified: false });
    expect(refresh).toBeNull();
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('oauthError')).toBe('OAUTH_EMAIL_IN_USE');
    expect(location.searchParams.get('message')).toContain('Sign in with your password, then connect Google in Settings.');
  });

  it('still asks for the second factor when the account has MFA on', async () => {
    const first = await whoAmI((await signInWith('google', { sub: 'google-gil', email: 'gil@example.com', email_verified: true })).refresh!);
    await database.pool.query(`INSERT INTO two_factors (user_id, secret, backup_codes) VALUES ($1, 'sealed', '[]')`, [first.user.id]);
    const { location, refresh } = await signInWith('google', { sub: 'google-gil', email: 'gil@example.com', email_verified: true });
    expect(refresh).toBeNull();
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('mfaChallenge')).toMatch(/.{16,}/);
    expect(location.searchParams.get('next')).toBe('/rooms');
  });

  it('accepts Apple answering with a form POST', async () => {
    const { location, refresh } = await signInWith(
      'apple',
      { sub: 'apple-001', email: 'x1@privaterelay.appleid.com', email_verified: 'true' },
      { formPost: true },
    );
    expect(location.pathname).toBe('/rooms');
    expect((await whoAmI(refresh!)).user.email).toBe('x1@privaterelay.appleid.com');
  });

  it('signs in with Discord (plain OAuth 2 + its user endpoint)', async () => {
    const { refresh, location } = await signInWith('discord', {});
    expect(location.searchParams.get('message')).toBeNull();
    const me = await whoAmI(refresh!);
    expect(me.user).toMatchObject({ username: 'Nelly', email: 'nelly@example.com' });
  });

  it('refuses a callback whose state cookie is missing or forged', async () => {
    const start = await fetch(`${origin}/api/auth/oauth/google/start`, { redirect: 'manual' });
    const authorize = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    for (const cookie of ['', 'wt_oauth=forged-handle']) {
      const res = await fetch(authorize.headers.get('location')!, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location')!).searchParams.get('oauthError')).toBe('OAUTH_STATE_INVALID');
      expect(cookieFrom(res, 'wt_refresh')).toBeNull();
    }
  });

  it('uses a state only once', async () => {
    const done = providerSays({ sub: 'google-once', email: 'once@example.com', email_verified: true });
    try {
      const start = await fetch(`${origin}/api/auth/oauth/google/start`, { redirect: 'manual' });
      const cookie = `wt_oauth=${cookieFrom(start, 'wt_oauth')}`;
      const authorize = await fetch(start.headers.get('location')!, { redirect: 'manual' });
      const first = await fetch(authorize.headers.get('location')!, { redirect: 'manual', headers: { cookie } });
      expect(cookieFrom(first, 'wt_refresh')).toBeTruthy();
      const replay = await fetch(authorize.headers.get('location')!, { redirect: 'manual', headers: { cookie } });
      expect(new URL(replay.headers.get('location')!).searchParams.get('oauthError')).toBe('OAUTH_STATE_INVALID');
    } finally {
      done();
    }
  });

  it('reports a cancelled consent as a sentence', async () => {
    const start = await fetch(`${origin}/api/auth/oauth/google/start`, { redirect: 'manual' });
    const cookie = `wt_oauth=${cookieFrom(start, 'wt_oauth')}`;
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const res = await fetch(`${origin}/api/auth/oauth/google/callback?error=access_denied&state=${state}`, {
      redirect: 'manual',
      headers: { cookie },
    });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('oauthError')).toBe('OAUTH_DENIED');
    expect(location.searchParams.get('message')).toBe('Google sign-in was cancelled.');
  });

  it('never redirects off-site through returnTo', async () => {
    const done = providerSays({ sub: 'google-eve', email: 'eve@example.com', email_verified: true });
    try {
      const start = await fetch(`${origin}/api/auth/oauth/google/start?returnTo=//evil.example/x`, { redirect: 'manual' });
      const cookie = `wt_oauth=${cookieFrom(start, 'wt_oauth')}`;
      const authorize = await fetch(start.headers.get('location')!, { redirect: 'manual' });
      const res = await fetch(authorize.headers.get('location')!, { redirect: 'manual', headers: { cookie } });
      expect(res.headers.get('location')).toBe(`${origin}/home`);
    } finally {
      done();
    }
  });
});

describe('connected providers', () => {
  it('lists, refuses to unlink the only way in, and unlinks when a password exists', async () => {
    const me = await whoAmI((await signInWith('google', { sub: 'google-fay', email: 'fay@example.com', email_verified: true, name: 'Fay' })).refresh!);
    const headers = { authorization: `Bearer ${me.accessToken}` };
    const list = await app.inject({ method: 'GET', url: '/api/auth/oauth/accounts', headers });
    expect(list.json()).toMatchObject({ available: ['google', 'discord', 'apple'], hasPassword: false, providers: [{ provider: 'google' }] });

    const refused = await app.inject({ method: 'DELETE', url: '/api/auth/oauth/google', headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('the only way you can sign in');

    await database.pool.query(
      `INSERT INTO accounts (user_id, provider_id, account_id, password) VALUES ($1, 'credential', $2, 'not-a-real-hash')`,
      [me.user.id, me.user.id],
    );
    const unlinked = await app.inject({ method: 'DELETE', url: '/api/auth/oauth/google', headers });
    expect(unlinked.statusCode).toBe(204);
  });

  it('refuses account endpoints without a token and unknown providers', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/oauth/accounts' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/oauth/github/start' })).statusCode).toBe(404);
  });
});
