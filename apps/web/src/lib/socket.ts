/** Real-time client helpers for client components (hooks inside: never import from a server component). */
import type { CommonServerToClientEvents, SocketNamespace } from '@wt/schemas';
import { useCallback, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  INITIAL_SOCKET_STATE,
  nextSocketState,
  socketAuthErrorCode,
  socketOptions,
  type AccessTokenProvider,
  type SocketAuthErrorCode,
  type SocketEvent,
  type SocketState,
} from './socket-state';

export type { SocketAuthErrorCode, SocketState, SocketStatus } from './socket-state';

/** Event maps per namespace grow in @wt/schemas; every namespace has the common ones. */
export type AppSocket = Socket<CommonServerToClientEvents>;

/**
 * How sockets authenticate, set once by the AuthProvider: where the access token comes from, and who
 * hears when the API refuses or drops a socket over its token (`connect_error` with `data.code`, or
 * `auth:expired` while connected), so it can refresh and reconnect.
 */
export interface SocketAuth {
  getAccessToken: AccessTokenProvider;
  onAuthError: (code: SocketAuthErrorCode) => void;
}

let socketAuth: SocketAuth | null = null;

/** Installs (or, with null, removes) the socket authentication. Sockets created earlier use it too. */
export function configureSocketAuth(auth: SocketAuth | null): void {
  socketAuth = auth;
}

/** The configured token, looked up on every handshake rather than captured at creation. */
const configuredAccessToken: AccessTokenProvider = () => socketAuth?.getAccessToken();

export interface GetSocketOptions {
  /** Supplies the access token for the handshake; called again before every reconnect. */
  getAccessToken?: AccessTokenProvider;
  /** Defaults to the page's origin. Tests pass one explicitly. */
  origin?: string;
}

/** A namespace's socket plus its observable connection state. */
class SocketConnection {
  state: SocketState = INITIAL_SOCKET_STATE;
  private readonly listeners = new Set<() => void>();
  private users = 0;

  constructor(readonly socket: AppSocket) {
    socket.on('connect', () => this.apply({ type: 'connect' }));
    socket.on('disconnect', (reason) =>
      // `active` is false after a deliberate disconnect by either side; socket.io won't retry.
      this.apply({ type: 'disconnect', reason, willReconnect: socket.active }),
    );
    socket.on('connect_error', (err) => {
      this.apply({ type: 'connect_error', message: err.message, willRetry: socket.active });
      const code = socketAuthErrorCode(err);
      if (code) socketAuth?.onAuthError(code);
    });
    // The server says the token expired while connected, then disconnects this socket.
    socket.on('auth:expired', () => socketAuth?.onAuthError('TOKEN_EXPIRED'));
    socket.io.on('reconnect_attempt', () => this.apply({ type: 'open' }));
    socket.io.on('reconnect_failed', () => this.apply({ type: 'reconnect_failed' }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A component starts using the socket: connect if nobody else had. */
  retain(): void {
    this.users += 1;
    if (!this.socket.connected && !this.socket.active) {
      this.socket.connect();
      this.apply({ type: 'open' });
    }
  }

  /** New handshake for a socket in use (so the server sees a new token); idle ones stay closed. */
  rehandshake(): void {
    this.socket.disconnect();
    if (this.users > 0) {
      this.socket.connect();
      this.apply({ type: 'open' });
    } else {
      this.apply({ type: 'close' });
    }
  }

  /** The last user is gone: disconnect, but keep the instance for the next one. */
  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0) {
      this.socket.disconnect();
      this.apply({ type: 'close' });
    }
  }

  private apply(event: SocketEvent): void {
    const next = nextSocketState(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

const connections = new Map<SocketNamespace, SocketConnection>();

function getConnection(namespace: SocketNamespace, opts: GetSocketOptions = {}): SocketConnection {
  let connection = connections.get(namespace);
  if (!connection) {
    const options = socketOptions(opts.getAccessToken ?? configuredAccessToken);
    // Same origin: namespaces share one Manager, so /rooms and /global ride one connection.
    const socket: AppSocket = opts.origin
      ? io(`${opts.origin}${namespace}`, options)
      : io(namespace, options);
    connection = new SocketConnection(socket);
    connections.set(namespace, connection);
  }
  return connection;
}

/**
 * The cached socket for a namespace, created (not connected) on first use. Options apply when the
 * socket is created; later calls get the same instance. Call `socket.connect()` yourself, or use
 * `useSocket`, which connects while a component needs it.
 */
export function getSocket(namespace: SocketNamespace, opts: GetSocketOptions = {}): AppSocket {
  return getConnection(namespace, opts).socket;
}

/**
 * After sign-in or sign-out: every socket in use handshakes again, so the server sees the new
 * identity. Instances are kept (socket.io multiplexes namespaces over one connection per origin).
 */
export function rehandshakeSockets(): void {
  for (const connection of connections.values()) connection.rehandshake();
}

const serverSnapshot = (): SocketState => INITIAL_SOCKET_STATE;

/**
 * Connects to a namespace while the calling component is mounted and re-renders on status changes.
 * The socket is null until the first effect runs (never during server rendering).
 */
export function useSocket(
  namespace: SocketNamespace,
  opts: GetSocketOptions = {},
): SocketState & { socket: AppSocket | null } {
  const { getAccessToken, origin } = opts;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const connection = getConnection(namespace, { getAccessToken, origin });
      const unsubscribe = connection.subscribe(onChange);
      connection.retain();
      return () => {
        unsubscribe();
        connection.release();
      };
    },
    [namespace, getAccessToken, origin],
  );
  const state = useSyncExternalStore(
    subscribe,
    () => connections.get(namespace)?.state ?? INITIAL_SOCKET_STATE,
    serverSnapshot,
  );
  const socket = state.status === 'idle' ? null : (connections.get(namespace)?.socket ?? null);
  return { ...state, socket };
}
