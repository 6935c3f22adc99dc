import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { SOCKET_NAMESPACES } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { connected, createUser, openSocket, refreshCookieOf, refused, signIn, someIp } from '../../../test/auth-helpers';

let database: TestDatabase;
let app: FastifyInstance;
let clock = Date.now();
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, {}, { now: () => new Date(clock) });
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

beforeEach(() => {
  clock = Date.now();
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

function socket(namespace: string, token: string | undefined): Socket {
  const s = openSocket(app, namespace, token);
  sockets.push(s);
  return s;
}

function nextEvent<T = unknown>(s: Socket, event: string): Promise<T> {
  return new Promise((resolve) => s.once(event, (payload: T) => resolve(payload)));
}

async function newSession() {
  const user = await createUser(database.db);
  return { user, session: await signIn(app, user.username, user.password) };
}

describe('socket handshake', () => {
  it('refuses a socket without a token: connect_error UNAUTHENTICATED with a sentence', async () => {
    expect(await refused(socket('/rooms', undefined))).toEqual({ message: 'Sign in to continue.', code: 'UNAUTHENTICATED' });
  });

  it('refuses a forged token: TOKEN_INVALID', async () => {
    expect((await refused(socket('/guilds', 'eyJhbGciOiJIUzI1NiJ9.e30.bad'))).code).toBe('TOKEN_INVALID');
  });

  it('refuses an expired token: TOKEN_EXPIRED, with the sentence to show', async () => {
    const { session } = await newSession();
    clock += 15 * 60_000 + 1000;
    expect(await refused(socket('/rooms', session.accessToken))).toEqual({
      message: 'Your sign-in has timed out. Refresh it or sign in again.',
      code: 'TOKEN_EXPIRED',
    });
  });

  it('refuses a token of a revoked session: SESSION_REVOKED', async () => {
    const { session } = await newSession();
    await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect((await refused(socket('/global', session.accessToken))).code).toBe('SESSION_REVOKED');
  });

  it('accepts a valid token on every namespace and joins user:<id> and session:<sid>', async () => {
    const { user, session } = await newSession();
    for (const namespace of SOCKET_NAMESPACES) {
      const s = await connected(socket(namespace, session.accessToken));
      const byUser = nextEvent(s, 'probe:user');
      const bySession = nextEvent(s, 'probe:session');
      app.nsp(namespace).to(`user:${user.id}`).emit('probe:user', namespace);
      app.nsp(namespace).to(`session:${session.sessionId}`).emit('probe:session', namespace);
      expect(await byUser).toBe(namespace);
      expect(await bySession).toBe(namespace);
    }
  });
});

describe('one session per user, live', () => {
  it('a second sign-in sends force_logout {reason: "New login"} to the first session\'s sockets and disconnects them', async () => {
    const { user, session: first } = await newSession();
    const rooms = await connected(socket('/rooms', first.accessToken));
    const global = await connected(socket('/global', first.accessToken));
    const events: string[] = [];
    for (const [name, s] of [['/rooms', rooms], ['/global', global]] as const) {
      s.on('force_logout', () => events.push(`${name}:force_logout`));
      s.on('disconnect', (reason) => events.push(`${name}:disconnect:${reason}`));
    }
    const logout = nextEvent(rooms, 'force_logout');
    const roomsGone = nextEvent(rooms, 'disconnect');
    const globalGone = nextEvent(global, 'disconnect');

    const second = await signIn(app, user.email, user.password);
    expect(await logout).toEqual({ reason: 'New login' });
    expect(await roomsGone).toBe('io server disconnect');
    expect(await globalGone).toBe('io server disconnect');
    // force_logout arrives before the disconnect, on each namespace.
    expect(events.filter((e) => e.startsWith('/rooms'))).toEqual(['/rooms:force_logout', '/rooms:disconnect:io server disconnect']);
    expect(events.filter((e) => e.startsWith('/global'))).toEqual(['/global:force_logout', '/global:disconnect:io server disconnect']);

    // Its access token is refused everywhere: HTTP and a socket reconnect.
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${first.accessToken}` } });
    expect(me.json().error.code).toBe('SESSION_REVOKED');
    expect((await refused(socket('/rooms', first.accessToken))).code).toBe('SESSION_REVOKED');

    // The new session's socket is unaffected.
    await connected(socket('/rooms', second.accessToken));
  });
});

describe('token expiry while connected', () => {
  it('emits auth:expired at the token\'s exp (by the injected clock), disconnects, and a refreshed token reconnects', async () => {
    const { session } = await newSession();
    const exp = new Date((session.response.json() as { accessTokenExpiresAt: string }).accessTokenExpiresAt).getTime();
    // 700 ms before expiry: the server's timer derives from exp relative to services.now().
    clock = exp - 700;
    const s = await connected(socket('/rooms', session.accessToken));
    const expired = nextEvent(s, 'auth:expired');
    const gone = nextEvent(s, 'disconnect');
    const started = Date.now();
    expect(await expired).toEqual({ code: 'TOKEN_EXPIRED', message: 'Your sign-in has timed out. Refresh it or sign in again.' });
    expect(await gone).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(5000);

    // What the client does next: refresh over HTTP, reconnect with the new access token.
    clock = exp + 1000;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { wt_refresh: session.refreshToken },
      headers: { origin: 'http://localhost:3000' },
      remoteAddress: someIp(),
    });
    expect(res.statusCode).toBe(200);
    expect(refreshCookieOf(res)).toBeDefined();
    s.auth = { token: res.json().accessToken };
    s.connect();
    await connected(s);
  });
});
