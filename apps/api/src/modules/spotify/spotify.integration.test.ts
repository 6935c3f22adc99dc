import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freePort, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, signIn } from '../../../test/auth-helpers';

/**
 * Spotify connect end to end against a local stand-in for accounts.spotify.com: its /authorize
 * redirect, and /api/token for the authorization_code and refresh_token grants, which check the client
 * credentials (HTTP Basic) and the PKCE verifier as Spotify does.
 */
const CLIENT_ID = 'wt-spotify';
const CLIENT_SECRET = 'spotify-secret';

interface Grant {
  challenge: string;
  redirectUri: string;
  scope: string;
}

let database: TestDatabase;
let app: FastifyInstance;
let accounts: http.Server;
let origin: string;
const codes = new Map<string, Grant>();
const refreshTokens = new Set<string>();
const tokenRequests: Array<{ grantType: string; basicAuthOk: boolean }> = [];
/** What the next /authorize answers: consent given, or the viewer clicked Cancel. */
let consent: 'allow' | 'deny' = 'allow';

/** `id:secret` from an HTTP Basic header, each part form-urlencoded first (RFC 6749 2.3.1). */
function basicCredentials(header: string | undefined): string | null {
  if (!header?.startsWith('Basic ')) return null;
  const [id, secret] = Buffer.from(header.slice(6), 'base64').toString().split(':');
  return id === undefined || secret === undefined ? null : `${decodeURIComponent(id)}:${decodeURIComponent(secret)}`;
}

function fakeSpotifyAccounts(): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      const back = new URL(q.get('redirect_uri')!);
      if (q.get('client_id') !== CLIENT_ID || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') {
        return json(400, { error: 'invalid_request' });
      }
      back.searchParams.set('state', q.get('state')!);
      if (consent === 'deny') {
        back.searchParams.set('error', 'access_denied');
      } else {
        const code = randomBytes(12).toString('hex');
        codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, scope: q.get('scope')! });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/api/token') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(raw);
        const basicAuthOk = basicCredentials(req.headers.authorization) === `${CLIENT_ID}:${CLIENT_SECRET}`;
        tokenRequests.push({ grantType: form.get('grant_type') ?? '', basicAuthOk });
        if (!basicAuthOk) return json(401, { error: 'invalid_client' });
        const access = `access-${randomBytes(8).toString('hex')}`;
        if (form.get('grant_type') === 'authorization_code') {
          const grant = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          if (!grant || grant.redirectUri !== form.get('redirect_uri')) return json(400, { error: 'invalid_grant' });
          if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
            return json(400, { error: 'invalid_grant', error_description: 'code_verifier was incorrect' });
          }
          const refresh = `refresh-${randomBytes(8).toString('hex')}`;
          refreshTokens.add(refresh);
          return json(200, { access_token: access, token_type: 'Bearer', expires_in: 3600, refresh_token: refresh, scope: grant.scope });
        }
        if (form.get('grant_type') === 'refresh_token') {
          if (!refreshTokens.has(form.get('refresh_token') ?? '')) return json(400, { error: 'invalid_grant', error_description: 'Refresh token revoked' });
          // Like Spotify, usually no new refresh token: the old one stays valid.
          return json(200, { access_token: access, token_type: 'Bearer', expires_in: 3600, scope: 'streaming user-read-email user-read-private' });
        }
        return json(400, { error: 'unsupported_grant_type' });
      });
      return;
    }
    res.writeHead(404).end();
  });
}

function cookieFrom(res: Response, name: string): string | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [k, v] = pair!.split('=');
    if (k === name) return v ?? '';
  }
  return null;
}

async function signedInUser() {
  const user = await createUser(database.db);
  const session = await signIn(app, user.email, user.password);
  return { userId: user.id, headers: { authorization: `Bearer ${session.accessToken}` } };
}

/** The browser's walk: POST connect -> Spotify consent -> our callback; returns where it lands. */
async function connectSpotify(headers: Record<string, string>, returnTo = '/rooms/abc123') {
  const start = await fetch(`${origin}/api/spotify/connect`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ returnTo }),
  });
  expect(start.status).toBe(200);
  const cookie = cookieFrom(start, 'wt_spotify_oauth');
  expect(cookie).toBeTruthy();
  const { url } = (await start.json()) as { url: string };
  const consentPage = new URL(url);
  expect(consentPage.searchParams.get('scope')).toBe('streaming user-read-email user-read-private');
  expect(consentPage.searchParams.get('redirect_uri')).toBe(`${origin}/api/spotify/callback`);
  const authorize = await fetch(url, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const callback = await fetch(authorize.headers.get('location')!, { redirect: 'manual', headers: { cookie: `wt_spotify_oauth=${cookie}` } });
  expect(callback.status).toBe(302);
  return { location: new URL(callback.headers.get('location')!), callback, callbackUrl: authorize.headers.get('location')! };
}

async function spotifyRow(userId: string) {
  const { rows } = await database.pool.query(
    `SELECT account_id, access_token, refresh_token, access_token_expires_at, scope FROM accounts WHERE user_id = $1 AND provider_id = 'spotify'`,
    [userId],
  );
  return rows[0] as { account_id: string; access_token: string; refresh_token: string; access_token_expires_at: Date; scope: string } | undefined;
}

beforeAll(async () => {
  database = await freshDatabase();
  accounts = fakeSpotifyAccounts();
  await new Promise<void>((resolve) => accounts.listen(0, '127.0.0.1', resolve));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = await buildTestApp(database, {
    WEB_ORIGIN: origin,
    COOKIE_SECURE: 'false',
    REQUIRE_EMAIL_VERIFICATION: 'false',
    SPOTIFY_CLIENT_ID: CLIENT_ID,
    SPOTIFY_CLIENT_SECRET: CLIENT_SECRET,
    SPOTIFY_ACCOUNTS_URL: `http://127.0.0.1:${(accounts.address() as { port: number }).port}`,
  });
  await app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await new Promise((r) => accounts?.close(r));
  await database?.drop();
});

beforeEach(() => {
  consent = 'allow';
  tokenRequests.length = 0;
});

describe('Spotify connect', () => {
  it('connects the signed-in viewer, stores the tokens, and returns to the room', async () => {
    const { userId, headers } = await signedInUser();
    const before = await app.inject({ method: 'GET', url: '/api/spotify/status', headers });
    expect(before.json()).toEqual({ configured: true, connected: false });
    const usersBefore = await database.pool.query(`SELECT count(*)::int AS n FROM users`);

    const { location, callback } = await connectSpotify(headers);
    expect(`${location.origin}${location.pathname}`).toBe(`${origin}/rooms/abc123`);
    expect(location.searchParams.get('spotify')).toBe('connected');
    // Connecting never signs anyone in.
    expect(cookieFrom(callback, 'wt_refresh')).toBeNull();
    expect(tokenRequests).toEqual([{ grantType: 'authorization_code', basicAuthOk: true }]);

    const row = await spotifyRow(userId);
    expect(row).toMatchObject({ account_id: userId, scope: 'streaming user-read-email user-read-private' });
    expect(row!.access_token).toMatch(/^access-/);
    expect(row!.refresh_token).toMatch(/^refresh-/);
    expect(row!.access_token_expires_at.getTime()).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    expect((await database.pool.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(usersBefore.rows[0].n);

    const status = await app.inject({ method: 'GET', url: '/api/spotify/status', headers });
    expect(status.json()).toEqual({ configured: true, connected: true });
    const token = await app.inject({ method: 'GET', url: '/api/spotify/token', headers });
    expect(token.statusCode).toBe(200);
    expect(token.json()).toEqual({ accessToken: row!.access_token, expiresAt: row!.access_token_expires_at.toISOString() });
    // A token still valid is served from the database, without asking Spotify.
    expect(tokenRequests).toHaveLength(1);
  });

  it('refreshes an expired access token through the token endpoint and keeps the refresh token', async () => {
    const { userId, headers } = await signedInUser();
    await connectSpotify(headers);
    const connected = (await spotifyRow(userId))!;
    await database.pool.query(
      `UPDATE accounts SET access_token_expires_at = now() - interval '1 minute' WHERE user_id = $1 AND provider_id = 'spotify'`,
      [userId],
    );
    tokenRequests.length = 0;

    const token = await app.inject({ method: 'GET', url: '/api/spotify/token', headers });
    expect(token.statusCode).toBe(200);
    const body = token.json() as { accessToken: string; expiresAt: string };
    expect(body.accessToken).not.toBe(connected.access_token);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    expect(tokenRequests).toEqual([{ grantType: 'refresh_token', basicAuthOk: true }]);
    const after = (await spotifyRow(userId))!;
    expect(after.access_token).toBe(body.accessToken);
    expect(after.refresh_token).toBe(connected.refresh_token);
  });

  it('drops a connection whose refresh token Spotify revoked, so the viewer is asked to reconnect', async () => {
    const { userId, headers } = await signedInUser();
    await connectSpotify(headers);
    const row = (await spotifyRow(userId))!;
    refreshTokens.delete(row.refresh_token);
    await database.pool.query(
      `UPDATE accounts SET access_token_expires_at = now() - interval '1 minute' WHERE user_id = $1 AND provider_id = 'spotify'`,
      [userId],
    );
    const token = await app.inject({ method: 'GET', url: '/api/spotify/token', headers });
    expect(token.statusCode).toBe(404);
    expect(token.json().error.code).toBe('SPOTIFY_NOT_CONNECTED');
    expect(await spotifyRow(userId)).toBeUndefined();
  });

  it('answers 404 SPOTIFY_NOT_CONNECTED with a sentence before connecting, and after disconnecting', async () => {
    const { userId, headers } = await signedInUser();
    const none = await app.inject({ method: 'GET', url: '/api/spotify/token', headers });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toEqual({
      error: { code: 'SPOTIFY_NOT_CONNECTED', message: 'Connect your Spotify Premium account to listen here.' },
    });

    await connectSpotify(headers);
    expect((await app.inject({ method: 'DELETE', url: '/api/spotify', headers })).statusCode).toBe(204);
    expect(await spotifyRow(userId)).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/api/spotify/token', headers })).json().error.code).toBe('SPOTIFY_NOT_CONNECTED');
  });

  it('does not count Spotify as a way to sign in (it cannot unlock unlinking the last sign-in provider)', async () => {
    const { headers } = await signedInUser();
    await connectSpotify(headers);
    const list = await app.inject({ method: 'GET', url: '/api/auth/oauth/accounts', headers });
    expect(list.json()).toMatchObject({ hasPassword: true, providers: [] });
  });

  it('refuses a PKCE verifier that does not match (a code replayed into another flow)', async () => {
    const { userId, headers } = await signedInUser();
    // Flow A gets a code; flow B's cookie (its own state and verifier) is sent with A's code.
    const a = await fetch(`${origin}/api/spotify/connect`, { method: 'POST', headers });
    const aConsent = await fetch(((await a.json()) as { url: string }).url, { redirect: 'manual' });
    const b = await fetch(`${origin}/api/spotify/connect`, { method: 'POST', headers });
    const bCookie = cookieFrom(b, 'wt_spotify_oauth');
    const bState = new URL(((await b.json()) as { url: string }).url).searchParams.get('state')!;
    const forged = new URL(aConsent.headers.get('location')!);
    forged.searchParams.set('state', bState);
    const res = await fetch(forged, { redirect: 'manual', headers: { cookie: `wt_spotify_oauth=${bCookie}` } });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('spotifyError')).toBe('SPOTIFY_FAILED');
    expect(location.searchParams.get('message')).toContain('invalid_grant');
    expect(await spotifyRow(userId)).toBeUndefined();
  });

  it('refuses a callback without its state cookie, once-used state, and reports a cancelled consent', async () => {
    const { userId, headers } = await signedInUser();
    const { callbackUrl } = await connectSpotify(headers);
    const replay = await fetch(callbackUrl, { redirect: 'manual' });
    expect(new URL(replay.headers.get('location')!).searchParams.get('spotifyError')).toBe('SPOTIFY_STATE_INVALID');

    await app.inject({ method: 'DELETE', url: '/api/spotify', headers });
    consent = 'deny';
    const { location } = await connectSpotify(headers);
    expect(location.pathname).toBe('/rooms/abc123');
    expect(location.searchParams.get('spotifyError')).toBe('SPOTIFY_DENIED');
    expect(location.searchParams.get('message')).toBe('Connecting Spotify was cancelled.');
    expect(await spotifyRow(userId)).toBeUndefined();
  });

  it('never redirects off-site and requires a signed-in user', async () => {
    const { headers } = await signedInUser();
    const { location } = await connectSpotify(headers, '//evil.example/x');
    expect(location.origin).toBe(origin);
    expect(location.pathname).toBe('/home');
    for (const [method, url] of [['GET', '/api/spotify/token'], ['POST', '/api/spotify/connect'], ['GET', '/api/spotify/status'], ['DELETE', '/api/spotify']] as const) {
      expect((await app.inject({ method, url })).statusCode).toBe(401);
    }
  });
});

describe('Spotify not configured', () => {
  it('says so, and offers nothing', async () => {
    const plain = await buildTestApp(database, { REQUIRE_EMAIL_VERIFICATION: 'false' });
    try {
      const user = await createUser(database.db);
      const session = await signIn(plain, user.email, user.password);
      const headers = { authorization: `Bearer ${session.accessToken}` };
      expect((await plain.inject({ method: 'GET', url: '/api/spotify/status', headers })).json()).toEqual({ configured: false, connected: false });
      const connect = await plain.inject({ method: 'POST', url: '/api/spotify/connect', headers });
      expect(connect.statusCode).toBe(404);
      expect(connect.json().error.code).toBe('SPOTIFY_NOT_CONFIGURED');
    } finally {
      await plain.close();
    }
  });
});
