import type { Server, Socket } from 'socket.io';
import { SOCKET_NAMESPACES } from '@wt/schemas';
import type { AppServices } from '../../services';
import { AuthError, AUTH_MESSAGES, authErrors } from './errors';
import { authenticateToken, type AuthContext } from './session';

/** What a refused handshake carries to the client's `connect_error` handler (`err.data`). */
export interface SocketAuthErrorData {
  code: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'SESSION_REVOKED' | 'UNAUTHENTICATED';
}

type RefusalCode = SocketAuthErrorData['code'];
const REFUSAL_CODES: readonly RefusalCode[] = ['TOKEN_EXPIRED', 'TOKEN_INVALID', 'SESSION_REVOKED', 'UNAUTHENTICATED'];

function handshakeError(err: AuthError): Error & { data: SocketAuthErrorData } {
  const code = (REFUSAL_CODES as readonly string[]).includes(err.code) ? (err.code as RefusalCode) : 'TOKEN_INVALID';
  return Object.assign(new Error(err.message), { data: { code } });
}

/** The auth of a connected socket (set by the handshake middleware). */
export function socketAuth(socket: Socket): AuthContext {
  return (socket.data as { auth: AuthContext }).auth;
}

/**
 * Every handshake on /rooms, /guilds and /global (so every reconnect too) must carry the access token in
 * `socket.handshake.auth.token`. A live socket joins `user:<id>` and `session:<sid>`; when its token
 * expires the server sends `auth:expired` and disconnects it, and the client refreshes and reconnects.
 */
export function registerSocketAuth(io: Server, services: AppServices): void {
  for (const name of SOCKET_NAMESPACES) {
    const nsp = io.of(name);
    nsp.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      if (typeof token !== 'string' || token.length === 0) return next(handshakeError(authErrors.unauthenticated()));
      authenticateToken(services, token).then(
        ({ expiresAt, ...auth }) => {
          socket.data.auth = auth;
          socket.data.authExpiresAt = expiresAt;
          void socket.join([`user:${auth.userId}`, `session:${auth.sessionId}`]);
          next();
        },
        (err: unknown) => {
          if (err instanceof AuthError) return next(handshakeError(err));
          services.log.error({ err }, 'socket authentication failed');
          next(Object.assign(new Error('Something went wrong on our side. Please try again in a moment.'), { data: { code: 'INTERNAL' } }));
        },
      );
    });
    nsp.on('connection', (socket) => {
      scheduleExpiry(socket, services);
      logUnknownEvents(socket, services);
    });
  }
}

/** Unknown events a socket logs before it goes quiet (a flood of forged events is not a log flood). */
const UNKNOWN_EVENTS_LOGGED = 5;

/**
 * An event no module handles (a forged `xp:award`, a client from another version) is ignored, as
 * Socket.io does, and logged with who sent it, the first few times per socket.
 */
function logUnknownEvents(socket: Socket, services: AppServices): void {
  let logged = 0;
  socket.onAny((event: string) => {
    if (socket.listeners(event).length > 0 || logged >= UNKNOWN_EVENTS_LOGGED) return;
    logged += 1;
    const auth = (socket.data as { auth?: AuthContext }).auth;
    services.log.warn({ event, namespace: socket.nsp.name, userId: auth?.userId }, 'unknown socket event ignored');
  });
}

function scheduleExpiry(socket: Socket, services: AppServices): void {
  const expiresAt = (socket.data as { authExpiresAt?: Date }).authExpiresAt;
  if (!expiresAt) return;
  // Relative to the injected clock, so a test with a fake clock sees it fire after a real short wait.
  const delayMs = Math.max(0, expiresAt.getTime() - services.now().getTime());
  const timer = setTimeout(() => {
    socket.emit('auth:expired', { code: 'TOKEN_EXPIRED', message: AUTH_MESSAGES.accessTokenExpired });
    socket.disconnect();
  }, delayMs);
  timer.unref();
  socket.once('disconnect', () => clearTimeout(timer));
}
