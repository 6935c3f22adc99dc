import { describe, expect, it, vi } from 'vitest';
import {
  INITIAL_SOCKET_STATE,
  nextSocketState,
  RECONNECT_BACKOFF,
  resolveAuth,
  socketAuthErrorCode,
  socketOptions,
  type AccessTokenProvider,
  type SocketAuthPayload,
  type SocketEvent,
  type SocketState,
} from './socket-state';

describe('socketOptions', () => {
  it('talks to the same origin through the /socket.io rewrite, polling first then upgrading', () => {
    const opts = socketOptions();
    expect(opts.path).toBe('/socket.io');
    expect(opts.transports).toEqual(['polling', 'websocket']);
    expect(opts.upgrade).toBe(true);
    expect(opts.withCredentials).toBe(true);
  });

  it('reconnects forever with a capped, jittered backoff', () => {
    const opts = socketOptions();
    expect(opts.reconnection).toBe(true);
    expect(opts.reconnectionAttempts).toBe(Infinity);
    expect(opts.reconnectionDelay).toBe(RECONNECT_BACKOFF.reconnectionDelay);
    expect(opts.reconnectionDelayMax).toBe(RECONNECT_BACKOFF.reconnectionDelayMax);
    expect(RECONNECT_BACKOFF.reconnectionDelay).toBeLessThan(RECONNECT_BACKOFF.reconnectionDelayMax);
    expect(RECONNECT_BACKOFF.randomizationFactor).toBeGreaterThan(0);
  });

  it('does not connect until asked', () => {
    expect(socketOptions().autoConnect).toBe(false);
  });

  it('asks for a fresh token on every handshake', async () => {
    let token = 'first';
    const opts = socketOptions(() => token);
    const auth = opts.auth;
    if (typeof auth !== 'function')
      throw new Error('auth must be a callback so reconnects re-read the token');
    const first = await new Promise((resolve) => auth(resolve));
    token = 'second';
    const second = await new Promise((resolve) => auth(resolve));
    expect(first).toEqual({ token: 'first' });
    expect(second).toEqual({ token: 'second' });
  });
});

describe('resolveAuth', () => {
  const cases: Array<[string, AccessTokenProvider | undefined, SocketAuthPayload]> = [
    ['no provider', undefined, {}],
    ['no token yet', () => null, {}],
    ['empty token', () => '', {}],
    ['a token', () => 'abc', { token: 'abc' }],
    ['an async token', async () => 'def', { token: 'def' }],
  ];
  it.each(cases)('%s', async (_name, provider, expected) => {
    expect(await resolveAuth(provider)).toEqual(expected);
  });

  it('connects anonymously when the token provider fails', async () => {
    const provider = vi.fn(async () => {
      throw new Error('refresh failed');
    });
    expect(await resolveAuth(provider)).toEqual({});
  });
});

describe('nextSocketState', () => {
  const connected: SocketState = { status: 'connected', everConnected: true, error: null };
  const cases: Array<[string, SocketState, SocketEvent, Partial<SocketState>]> = [
    ['first connect attempt', INITIAL_SOCKET_STATE, { type: 'open' }, { status: 'connecting' }],
    [
      'connected',
      { ...INITIAL_SOCKET_STATE, status: 'connecting' },
      { type: 'connect' },
      { status: 'connected', everConnected: true },
    ],
    [
      'network drop keeps retrying',
      connected,
      { type: 'disconnect', reason: 'transport close', willReconnect: true },
      { status: 'reconnecting' },
    ],
    [
      'server kicked us: no retry',
      connected,
      { type: 'disconnect', reason: 'io server disconnect', willReconnect: false },
      { status: 'offline', error: null },
    ],
    [
      'error before ever connecting still counts as connecting',
      { ...INITIAL_SOCKET_STATE, status: 'connecting' },
      { type: 'connect_error', message: 'xhr poll error', willRetry: true },
      { status: 'connecting', error: 'xhr poll error' },
    ],
    [
      'error after a connection is a reconnect',
      { ...connected, status: 'reconnecting' },
      { type: 'connect_error', message: 'xhr poll error', willRetry: true },
      { status: 'reconnecting' },
    ],
    [
      'handshake refused is final',
      { ...INITIAL_SOCKET_STATE, status: 'connecting' },
      { type: 'connect_error', message: 'unauthorized', willRetry: false },
      { status: 'offline', error: 'unauthorized' },
    ],
    [
      'retry budget spent',
      { ...connected, status: 'reconnecting' },
      { type: 'reconnect_failed' },
      { status: 'offline' },
    ],
    [
      'reconnect attempt after a drop',
      { ...connected, status: 'offline' },
      { type: 'open' },
      { status: 'reconnecting' },
    ],
    ['closed by us', connected, { type: 'close' }, { status: 'idle', error: null }],
  ];

  it.each(cases)('%s', (_name, state, event, expected) => {
    expect(nextSocketState(state, event)).toMatchObject(expected);
  });

  it('clears the last error once connected', () => {
    const failing: SocketState = { status: 'reconnecting', everConnected: true, error: 'xhr poll error' };
    expect(nextSocketState(failing, { type: 'connect' }).error).toBeNull();
  });

  it('returns the same object when an open arrives while connected, so React does not re-render', () => {
    expect(nextSocketState(connected, { type: 'open' })).toBe(connected);
  });
});

describe('socketAuthErrorCode', () => {
  it.each([
    [{ message: 'Your session expired.', data: { code: 'TOKEN_EXPIRED' } }, 'TOKEN_EXPIRED'],
    [{ message: 'Signed in elsewhere.', data: { code: 'SESSION_REVOKED' } }, 'SESSION_REVOKED'],
    [{ message: 'Sign in first.', data: { code: 'UNAUTHENTICATED' } }, 'UNAUTHENTICATED'],
    [{ message: 'xhr poll error' }, null],
    [{ message: 'odd', data: { code: 'SOMETHING_ELSE' } }, null],
    [{ message: 'odd', data: 'TOKEN_EXPIRED' }, null],
    [null, null],
  ])('%j -> %s', (err, expected) => {
    expect(socketAuthErrorCode(err)).toBe(expected);
  });
});
