/*
 * The baseline: a bare Socket.io 4 server (default options, in-memory adapter, no auth, no validation)
 * that does what the rooms API does on the wire: `room:join` puts the socket in the room, `chat:message`
 * broadcasts a message shaped like the API's ChatMessage to the rest of the room and acknowledges it.
 * With `databaseUrl` (the "persisting baseline") each message is first written with one INSERT on the
 * same PostgreSQL server as the API's, which is the least any design that stores a message before
 * broadcasting it pays; without it nothing touches a database (the baseline).
 * Run as a child process of bench/rooms.ts, like the API server, so all get the same process model.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createDb, type DbHandle } from '@wt/db';
import type { ChatMessage } from '@wt/schemas';
import { BASELINE_TABLE } from './database';
import { monitorLoopWindows } from './loop-monitor';
import type { BaselineServerConfig, ServerMessage } from './plan';

function send(message: ServerMessage): void {
  process.send?.(message);
}

function start(config: BaselineServerConfig): void {
  // The API's pool size (createDb's default).
  const database: DbHandle | null = config.databaseUrl ? createDb(config.databaseUrl) : null;
  const httpServer = createServer();
  const io = new Server(httpServer, { path: '/socket.io' });
  const rooms = io.of('/rooms');

  rooms.on('connection', (socket) => {
    const auth = socket.handshake.auth as { userId?: string; username?: string };
    const author = {
      id: auth.userId ?? randomUUID(),
      username: auth.username ?? 'someone',
      displayName: auth.username ?? null,
      avatarUrl: null,
    };

    socket.on('room:join', (payload: { roomId: string }, ack?: (a: unknown) => void) => {
      void socket.join(`room:${payload.roomId}`);
      ack?.({ ok: true, data: null });
    });

    socket.on('chat:message', (payload: { roomId: string; content: string }, ack?: (a: unknown) => void) => {
      const broadcast = (id: string, createdAt: string): void => {
        const message: ChatMessage = {
          id,
          roomId: payload.roomId,
          kind: 'user',
          author,
          content: payload.content,
          replyTo: null,
          reactions: [],
          createdAt,
        };
        // To everyone in the room but the sender, as the API does: the sender's ack carries the message.
        socket.to(`room:${payload.roomId}`).emit('chat:message', { roomId: payload.roomId, message });
        ack?.({ ok: true, data: message });
      };
      if (!database) return broadcast(randomUUID(), new Date().toISOString());
      database.pool
        .query<{ id: string; created_at: Date }>(
          `INSERT INTO ${BASELINE_TABLE} (room_id, user_id, content) VALUES ($1, $2, $3) RETURNING id, created_at`,
          [payload.roomId, author.id, payload.content],
        )
        .then(
          ({ rows }) => broadcast(rows[0]!.id, rows[0]!.created_at.toISOString()),
          () => ack?.({ ok: false, error: { code: 'INTERNAL', message: 'The message was not stored.' } }),
        );
    });
  });

  monitorLoopWindows(send);
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return;
    io.close(() => {
      void (database?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    });
  });

  httpServer.listen(0, '127.0.0.1', () =>
    send({ type: 'listening', port: (httpServer.address() as AddressInfo).port }),
  );
}

process.once('message', (config: BaselineServerConfig) => start(config));
