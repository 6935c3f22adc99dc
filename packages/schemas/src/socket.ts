import { z } from 'zod';

/** Socket.io namespaces from seed 000. */
export const SOCKET_NAMESPACES = ['/rooms', '/guilds', '/global'] as const;
export type SocketNamespace = (typeof SOCKET_NAMESPACES)[number];

/** Every ack carries `{ ok, error: { code, message } }` (DESIGN section 5). */
export const socketErrorSchema = z.object({ code: z.string(), message: z.string() });
export type SocketError = z.infer<typeof socketErrorSchema>;

export type Ack<T = undefined> = T extends undefined
  ? { ok: true } | { ok: false; error: SocketError }
  : { ok: true; data: T } | { ok: false; error: SocketError };

export const forceLogoutSchema = z.object({ reason: z.string() });

/** Sent when a connected socket's access token expires; the server then disconnects it. */
export const authExpiredSchema = z.object({ code: z.literal('TOKEN_EXPIRED'), message: z.string() });

/** Events the server emits on every namespace. */
export interface CommonServerToClientEvents {
  force_logout: (payload: z.infer<typeof forceLogoutSchema>) => void;
  'auth:expired': (payload: z.infer<typeof authExpiredSchema>) => void;
}
