import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { sql } from 'drizzle-orm';
import type { AppNotification } from '@wt/schemas';
import { buildTestApp, freshDatabase, REDIS_URL, redisNotice, waitFor, type TestDatabase } from '../../../test/helpers';
import { connected, createUser, openSocket, signIn } from '../../../test/auth-helpers';
import { trpc } from '../../../test/room-helpers';
import { browserKeys, decryptPush, startFakePushService, type FakePushService } from '../../../test/push-helpers';
import { notify } from './notify';

redisNotice('notifications across two API instances (live delivery, BullMQ push jobs)');

describe.skipIf(!REDIS_URL)('notifications across two API instances sharing Redis', () => {
  let database: TestDatabase;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let pushService: FakePushService;
  const sockets: Socket[] = [];
  const prefix = `wt-test-${randomUUID()}`;

  beforeAll(async () => {
    database = await freshDatabase();
    const env = { REDIS_URL, AUTH_SECRET: randomBytes(32).toString('hex'), RATE_LIMIT_PER_MINUTE: '100000' };
    a = await buildTestApp(database, env, { redisPrefix: prefix });
    b = await buildTestApp(database, env, { redisPrefix: prefix });
    await a.listen({ port: 0, host: '127.0.0.1' });
    await b.listen({ port: 0, host: '127.0.0.1' });
    pushService = await startFakePushService();
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await a?.close();
    await b?.close();
    await pushService?.close();
    await database?.drop();
  });

  it('a notification made on instance A reaches the person’s socket on instance B, and pushes through BullMQ', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(b, user.username, user.password);
    const socket = await connected(openSocket(b, '/global', accessToken));
    sockets.push(socket);
    const keys = browserKeys();
    const subscribed = await trpc(b, accessToken, 'notifications.subscribePush', { endpoint: pushService.url('/cluster'), keys: keys.json });
    expect(subscribed.status).toBe(200);
    // Both instances sign with the same VAPID pair (one app_secrets row).
    expect(a.services.push.webPublicKey).toBe(b.services.push.webPublicKey);

    const live = new Promise<AppNotification>((resolve) => socket.once('notification', resolve));
    const stored = await notify(a.services, { userId: user.id, type: 'friend_request', payload: { fromUsername: 'ann' } });
    expect(await live).toMatchObject({ id: stored!.id, title: 'ann sent you a friend request', url: '/friends' });

    const [request] = await waitFor(
      async () => (pushService.received.length ? pushService.received : undefined),
      10_000,
      'the push through BullMQ',
    );
    expect(request!.headers.authorization).toContain(`k=${a.services.push.webPublicKey}`);
    expect(JSON.parse(decryptPush(request!.body, keys)).title).toBe('ann sent you a friend request');
    const { rows } = await database.db.execute(sql`SELECT 1 FROM notifications WHERE user_id = ${user.id}`);
    expect(rows).toHaveLength(1);
  });
});
