import fp from 'fastify-plugin';
import { Server, type Namespace } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { SOCKET_NAMESPACES, type SocketNamespace } from '@wt/schemas';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    /** The typed namespaces of seed 000: /rooms, /guilds, /global. */
    nsp(name: SocketNamespace): Namespace;
  }
}

export interface SocketPluginOptions {
  corsOrigin: string;
  /** With Redis: the streams adapter, so a broadcast reaches sockets on every API instance. */
  redis: Redis | null;
  streamName?: string;
}

/**
 * Socket.io attached to Fastify's own HTTP server (the fastify-socket.io package does not support
 * Fastify 5). The Redis *streams* adapter is used rather than the pub/sub one because it survives short
 * Redis outages (it resumes reading the stream where it stopped).
 *
 * Socket.io's connection-state recovery is off: it keeps every broadcast for the recovery window (two
 * minutes of chat at 500 messages/s is 60,000 packets per instance), and the garbage collection of that
 * store stalled the event loop for tens of ms (bench:rooms, issue 4). Clients re-sync on every reconnect
 * instead: the room page joins again and gets a snapshot, the bell and the friends page refetch.
 */
export const socketPlugin = fp<SocketPluginOptions>(
  async (app, opts) => {
    const io = new Server(app.server, {
      path: '/socket.io',
      cors: { origin: opts.corsOrigin, credentials: true },
      adapter: opts.redis
        ? createAdapter(opts.redis, { streamName: opts.streamName ?? 'wt:socket.io', maxLen: 10_000 })
        : undefined,
    });
    for (const name of SOCKET_NAMESPACES) io.of(name);

    app.decorate('io', io);
    app.decorate('nsp', (name: SocketNamespace) => io.of(name));

    app.addHook('preClose', async () => {
      // Drain: close this instance's sockets first; clients reconnect (to another instance when scaled).
      for (const name of ['/', ...SOCKET_NAMESPACES]) io.of(name).local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      // Also closes the adapters (and their Redis connections). The HTTP server is Fastify's and is
      // already closed at this point, so the "server not running" callback error is expected.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'socket-io' },
);
