import type { AuthSession } from '@wt/schemas';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient } from './auth-client';
import { REFRESH_LEAD_MS } from './token-timing';

/**
 * The session client against a scripted fetch and a hand-driven clock: which requests it makes, what
 * state it ends up in and when it schedules the next refresh.
 */

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const FIFTEEN_MINUTES_S = 15 * 60;

let issued = 0;
function session(username = 'ada'): AuthSession {
  issued += 1;
  const iat = 1_000 + issued;
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      username,
      displayName: 'Ada',
      email: 'ada@example.com',
      emailVerified: true,
      role: 'viewer',
      avatarUrl: null,
      level: 1,
      xp: 0,
      isPremium: false,
    },
    accessToken: `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'u', iat, exp: iat + FIFTEEN_MINUTES_S })}.sig${issued}`,
    accessTokenExpiresAt: new Date(Date.now() + FIFTEEN_MINUTES_S * 1000).toISOString(),
  };
}

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status });
const apiError = (status: number, code: string) => json(status, { error: { code, message: `${code}.` } });

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function harness() {
  let clock = 1_700_000_000_000;
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 0;
  const calls: Array<{ url: string; authorization: string | null }> = [];
  const handlers: Handler[] = [];

  const client = new AuthClient({
    now: () => clock,
    fetch: async (url, init = {}) => {
      calls.push({ url, authorization: new Headers(init.headers).get('authorization') });
      const handler = handlers.shift();
      if (!handler) throw new Error(`unexpected request to ${url}`);
      return handler(url, init);
    },
    setTimer: (fn, ms) => {
      const id = ++nextId;
      timers.push({ at: clock + ms, fn, id });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (timer) => {
      const index = timers.findIndex((t) => t.id === (timer as unknown as number));
      if (index >= 0) timers.splice(index, 1);
    },
    withRefreshLock: (task) => task(),
  });

  return {
    client,
    calls,
    /** Queues the answers to the next requests, in order. */
    answer: (...next: Handler[]) => handlers.push(...next),
    /** The pending refresh timer's delay from now. */
    nextTimerIn: () => (timers.length ? Math.min(...timers.map((t) => t.at)) - clock : null),
    /** Moves the clock and fires the timers that came due. */
    advance: async (ms: number) => {
      clock += ms;
      for (const timer of timers.filter((t) => t.at <= clock)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.fn();
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

beforeEach(() => {
  issued = 0;
});

describe('AuthClient', () => {
  it('restores the session from the refresh cookie on start and schedules the next refresh a minute early', async () => {
    const h = harness();
    const restored = session();
    h.answer(() => json(200, restored));
    expect(h.client.getState().status).toBe('loading');

    expect(await h.client.start()).toBe('refreshed');

    expect(h.calls).toEqual([{ url: '/api/auth/refresh', authorization: null }]);
    expect(h.client.getState()).toEqual({ status: 'signed-in', user: restored.user });
    expect(h.client.getAccessToken()).toBe(restored.accessToken);
    expect(h.nextTimerIn()).toBe(FIFTEEN_MINUTES_S * 1000 - REFRESH_LEAD_MS);
  });

  it('is signed out, quietly, when there is no session to restore', async () => {
    const h = harness();
    const ended: string[] = [];
    h.client.onSessionEnded((reason) => ended.push(reason));
    h.answer(() => apiError(401, 'TOKEN_INVALID'));

    expect(await h.client.start()).toBe('signed-out');
    expect(h.client.getState()).toEqual({ status: 'signed-out', user: null });
    expect(ended).toEqual([]);
    expect(h.nextTimerIn()).toBeNull();
  });

  it('starts only once when React mounts the provider twice', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await Promise.all([h.client.start(), h.client.start()]);
    expect(h.calls).toHaveLength(1);
  });

  it('refreshes on the timer and hands sockets the new token', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    let tokenChanges = 0;
    h.client.onTokenChange(() => tokenChanges++);
    const next = session();
    h.answer(() => json(200, next));

    await h.advance(FIFTEEN_MINUTES_S * 1000 - REFRESH_LEAD_MS);

    expect(h.calls.map((c) => c.url)).toEqual(['/api/auth/refresh', '/api/auth/refresh']);
    expect(h.client.getAccessToken()).toBe(next.accessToken);
    expect(tokenChanges).toBe(1);
    expect(h.nextTimerIn()).toBe(FIFTEEN_MINUTES_S * 1000 - REFRESH_LEAD_MS);
  });

  it('shares one refresh request between concurrent callers', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const next = session();
    h.answer(async () => {
      await gate;
      return json(200, next);
    });

    const outcomes = Promise.all([h.client.refresh(), h.client.refresh(), h.client.refresh()]);
    release();

    expect(await outcomes).toEqual(['refreshed', 'refreshed', 'refreshed']);
    expect(h.calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(2);
  });

  it('authFetch sends the bearer token and retries once after refreshing on TOKEN_EXPIRED', async () => {
    const h = harness();
    const first = session();
    h.answer(() => json(200, first));
    await h.client.start();
    const second = session();
    h.answer(
      () => apiError(401, 'TOKEN_EXPIRED'),
      () => json(200, second),
      () => json(200, { enabled: false, backupCodesLeft: 0 }),
    );

    const response = await h.client.authFetch('/api/auth/mfa/status');

    expect(response.status).toBe(200);
    expect(h.calls.slice(1)).toEqual([
      { url: '/api/auth/mfa/status', authorization: `Bearer ${first.accessToken}` },
      { url: '/api/auth/refresh', authorization: null },
      { url: '/api/auth/mfa/status', authorization: `Bearer ${second.accessToken}` },
    ]);
  });

  it('authFetch does not retry a second time', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    h.answer(
      () => apiError(401, 'TOKEN_EXPIRED'),
      () => json(200, session()),
      () => apiError(401, 'TOKEN_EXPIRED'),
    );
    const response = await h.client.authFetch('/api/x');
    expect(response.status).toBe(401);
    expect(h.calls).toHaveLength(4);
  });

  it('refreshes before sending a token that is about to expire', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    h.client.stop(); // no timer: pretend the tab slept through it
    await h.advance(FIFTEEN_MINUTES_S * 1000 - 5_000);
    const next = session();
    h.answer(
      () => json(200, next),
      () => json(200, {}),
    );

    await h.client.authFetch('/api/x');

    expect(h.calls.slice(1)).toEqual([
      { url: '/api/auth/refresh', authorization: null },
      { url: '/api/x', authorization: `Bearer ${next.accessToken}` },
    ]);
  });

  it('ends the session when a refresh says it was revoked, and says so once', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    const ended: string[] = [];
    h.client.onSessionEnded((reason) => ended.push(reason));
    h.answer(() => apiError(401, 'SESSION_REVOKED'));

    expect(await h.client.refresh()).toBe('signed-out');
    expect(h.client.getState().status).toBe('signed-out');
    expect(h.client.getAccessToken()).toBeNull();
    expect(ended).toEqual(['session-ended']);
    expect(h.nextTimerIn()).toBeNull();
  });

  it('keeps the session through a network failure and tries again later', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    h.answer(() => {
      throw new TypeError('Failed to fetch');
    });

    expect(await h.client.refresh()).toBe('unavailable');
    expect(h.client.getState().status).toBe('signed-in');
    expect(h.nextTimerIn()).toBe(30_000);
  });

  it('refreshes after a socket reports an expired token, but not twice in a row', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    expect(await h.client.refreshAfterSocketExpiry()).toBe('skipped');
    await h.advance(60_000);
    h.answer(() => json(200, session()));
    expect(await h.client.refreshAfterSocketExpiry()).toBe('refreshed');
    expect(await h.client.refreshAfterSocketExpiry()).toBe('skipped');
  });

  it('signs out on the server, then forgets the token here', async () => {
    const h = harness();
    h.answer(() => json(200, session()));
    await h.client.start();
    let tokenChanges = 0;
    h.client.onTokenChange(() => tokenChanges++);
    h.answer(() => json(204));

    await h.client.signOut();

    expect(h.calls.at(-1)?.url).toBe('/api/auth/sign-out');
    expect(h.client.getState().status).toBe('signed-out');
    expect(h.client.getAccessToken()).toBeNull();
    expect(tokenChanges).toBe(1);
  });
});

describe('AuthClient races', () => {
  it('ignores a page-load restore that answers after a sign-in on the same page', async () => {
    const h = harness();
    const ended: string[] = [];
    h.client.onSessionEnded((reason) => ended.push(reason));
    let answerRestore!: () => void;
    h.answer(
      () =>
        new Promise<Response>((resolve) => {
          answerRestore = () => resolve(apiError(401, 'UNAUTHENTICATED'));
        }),
    );
    const restore = h.client.start();
    const verified = session();
    h.client.setSession(verified);
    answerRestore();

    expect(await restore).toBe('refreshed');
    expect(h.client.getState()).toEqual({ status: 'signed-in', user: verified.user });
    expect(ended).toEqual([]);
  });

  it('a token asked for before the provider started waits for the restore', async () => {
    const h = harness();
    const restored = session();
    h.answer(() => json(200, restored));
    expect(await h.client.getFreshAccessToken()).toBe(restored.accessToken);
    expect(h.calls).toHaveLength(1);
  });
});
