import type { ManagerOptions, SocketOptions } from 'socket.io-client';

/**
 * Pure parts of the real-time client: the connection options and the status machine.
 * Kept apart from src/lib/socket.ts so they are testable without a browser or a server.
 */

/** Reconnect with jittered exponential backoff: 0.5 s, 1 s, 2 s ... capped at 10 s. */
export const RECONNECT_BACKOFF = {
  reconnectionDelay: 500,
  reconnectionDelayMax: 10_000,
  randomizationFactor: 0.5,
} as const;

/** Handshake payload: the API verifies `token` (the access token) on every handshake. */
export interface SocketAuthPayload {
  token?: string;
}

export type AccessTokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/** Codes the API puts in `connect_error` data (and `auth:expired`) when it refuses a socket's token. */
export const SOCKET_AUTH_ERROR_CODES = [
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'SESSION_REVOKED',
  'UNAUTHENTICATED',
] as const;
export type SocketAuthErrorCode = (typeof SOCKET_AUTH_ERROR_CODES)[number];

/** The auth code of a refused handshake (`err.data.code`), or null for a network or other error. */
export function socketAuthErrorCode(err: unknown): SocketAuthErrorCode | null {
  const code = (err as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code === 'string' && (SOCKET_AUTH_ERROR_CODES as readonly string[]).includes(code)
    ? (code as SocketAuthErrorCode)
    : null;
}

export function socketOptions(getAccessToken?: AccessTokenProvider): Partial<ManagerOptions & SocketOptions> {
  return {
    // Same origin as the page: next.config.ts rewrites /socket.io/ to the API.
    path: '/socket.io',
    // Long-polling first: it always works through the Next rewrite and proxies, then upgrades.
    transports: ['polling', 'websocket'],
    upgrade: true,
    withCredentials: true,
    autoConnect: false,
    reconnection: true,
    reconnectionAttempts: Infinity,
    ...RECONNECT_BACKOFF,
    timeout: 10_000,
    // A function, not an object: socket.io calls it again before every reconnect, so a token
    // refreshed while offline is the one the server sees.
    auth: (cb) => {
      void resolveAuth(getAccessToken).then(cb);
    },
  };
}

export async function resolveAuth(getAccessToken?: AccessTokenProvider): Promise<SocketAuthPayload> {
  if (!getAccessToken) return {};
  try {
    const token = await getAccessToken();
    return token ? { token } : {};
  } catch {
    // No token is better than no connection: the server decides what an anonymous socket may do.
    return {};
  }
}

export type SocketStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface SocketState {
  status: SocketStatus;
  /** Whether this socket has been connected at least once (connecting vs reconnecting). */
  everConnected: boolean;
  /** The last connection problem, in words a person can act on; null when connected. */
  error: string | null;
}

export const INITIAL_SOCKET_STATE: SocketState = { status: 'idle', everConnected: false, error: null };

export type SocketEvent =
  | { type: 'open' }
  | { type: 'connect' }
  | { type: 'disconnect'; reason: string; willReconnect: boolean }
  | { type: 'connect_error'; message: string; willRetry: boolean }
  | { type: 'reconnect_failed' }
  | { type: 'close' };

export function nextSocketState(state: SocketState, event: SocketEvent): SocketState {
  switch (event.type) {
    case 'open':
      if (state.status === 'connected') return state;
      return { ...state, status: state.everConnected ? 'reconnecting' : 'connecting' };
    case 'connect':
      return { status: 'connected', everConnected: true, error: null };
    case 'disconnect':
      if (!event.willReconnect) return { ...state, status: 'offline', error: null };
      return { ...state, status: 'reconnecting', error: 'Connection lost. Reconnecting…' };
    case 'connect_error':
      return {
        ...state,
        // A refused handshake (middleware error) is final; a network error keeps retrying.
        status: event.willRetry ? (state.everConnected ? 'reconnecting' : 'connecting') : 'offline',
        error: event.message,
      };
    case 'reconnect_failed':
      return { ...state, status: 'offline', error: 'Could not reach the server. Check your connection.' };
    case 'close':
      return { ...state, status: 'idle', error: null };
  }
}
