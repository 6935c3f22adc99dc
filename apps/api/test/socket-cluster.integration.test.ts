import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { buildTestApp, freshDatabase, REDIS_URL, redisNotice, waitFor, type TestDatabase } from './helpers';
import { createUser, signIn } from './auth-helpers';

redisNotice('two-instance Socket.io broadcast test');

describe.skipIf(!REDIS_URL)('two API instances sharing Redis', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const sockets: Socket[] = [];
  const prefix = `wt-test-${randomUUID()}`;
  // Sockets authenticate on the handshake (auth module): one signed-in user's access token.
  let accessToken: string;

  beforeAll(async () => {
    database = await freshDatabase();
    for (let i = 0; i < 2; i += 1) {
      const app = await buildTestApp(database, { REDIS_URL }, { redisPrefix: prefix });
      // Test-only handler: a socket asks to join a socket.io room by name.
      app.nsp('/rooms').on('connection', (socket) => {
        socket.on('test:join', (room: string, ack: () => void) => {
          void socket.join(room);
          ack();
        });
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
    }
    const user = await createUser(database.db);
    accessToken = (await signIn(apps[0]!, user.username, user.password)).accessToken;
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const app of apps) await app.close();
    await database?.drop();
  });

  function client(app: FastifyInstance): Socket {
    const { port } = app.server.address() as { port: number };
    const socket = connect(`http://127.0.0.1:${port}/rooms`, { transports: ['websocket'], reconnection: false, auth: { token: accessToken } });
    sockets.push(socket);
    return socket;
  }

  it('delivers a room broadcast emitted on instance A to a member connected to instance B', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const onB = client(b);
    const onA = client(a);
    const room = `room:${randomUUID()}`;
    await Promise.all([onB.emitWithAck('test:join', room), onA.emitWithAck('test:join', room)]);

    const received = (socket: Socket) =>
      new Promise<unknown>((resolve) => socket.once('chat:message', (payload: unknown) => resolve(payload)));
    const gotB = received(onB);
    const gotA = received(onA);
    // Give the streams adapter a moment to learn the rooms on both nodes is not needed: rooms are local,
    // the broadcast itself travels through the Redis stream.
    a.nsp('/rooms').to(room).emit('chat:message', { content: 'hello across instances' });

    await expect(gotB).resolves.toEqual({ content: 'hello across instances' });
    await expect(gotA).resolves.toEqual({ content: 'hello across instances' });
  });

  it('does not deliver to sockets outside the room on the other instance', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const outsider = client(b);
    const member = client(b);
    const room = `room:${randomUUID()}`;
    await member.emitWithAck('test:join', room);
    await waitFor(async () => (outsider.connected ? true : undefined), 5000, 'outsider connected');
    let leaked = false;
    outsider.on('chat:message', () => {
      leaked = true;
    });
    const delivered = new Promise((resolve) => member.once('chat:message', resolve));
    a.nsp('/rooms').to(room).emit('chat:message', { content: 'members only' });
    await delivered;
    // The member on the same instance as the outsider got it; give a stray copy time to arrive.
    await new Promise((r) => setTimeout(r, 300));
    expect(leaked).toBe(false);
  });

  it('reports redis ok on both instances', async () => {
    for (const app of apps) {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.json()).toMatchObject({ status: 'ok', db: 'ok', redis: 'ok' });
    }
  });
});
