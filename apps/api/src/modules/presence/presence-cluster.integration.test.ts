import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import type { Presence } from '@wt/schemas';
import { buildTestApp, freshDatabase, REDIS_URL, redisNotice, type TestDatabase } from '../../../test/helpers';
import { friends, member, nextEvent, offlineMember, openGlobal, openRooms, presenceOf } from '../../../test/friend-helpers';
import { ack, createRoom, makeFriends, type Person as RoomPerson } from '../../../test/room-helpers';

redisNotice('two-instance presence test (Redis presence keys, dead-instance expiry)');

/*
 * Issue 6: presence "correct with several API instances when Redis is configured (presence keys expire
 * if an instance dies)". Two instances share the database, Redis presence keys and the Socket.io
 * adapter; the TTL is shortened so an instance that dies without a goodbye is noticed within seconds.
 */
describe.skipIf(!REDIS_URL)('presence across two API instances', () => {
  const TTL_MS = 1500;
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const sockets: Socket[] = [];
  const prefix = `wt-test-${randomUUID()}`;
  let redis: Redis;

  beforeAll(async () => {
    database = await freshDatabase();
    for (let i = 0; i < 2; i += 1) {
      const app = await buildTestApp(
        database,
        { REDIS_URL, AUTH_SECRET: 'x'.repeat(48), RATE_LIMIT_PER_MINUTE: '100000' },
        { redisPrefix: prefix, presence: { ttlMs: TTL_MS, heartbeatMs: 200 } },
      );
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
    }
    redis = new Redis(REDIS_URL!);
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await new Promise((r) => setTimeout(r, 500));
    redis?.disconnect();
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('a friend on the other instance is seen online and watching, then offline when they leave', async () => {
    const [one, two] = apps as [FastifyInstance, FastifyInstance];
    const ana = await member(one, database.db, 'Ana on one', sockets);
    const ben = await offlineMember(one, database.db, 'Ben on two');
    await makeFriends(database.db, ana.user.id, ben.user.id);

    const online = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'online'));
    const benGlobal = await openGlobal(two, ben, sockets);
    await online;
    // Instance one answers friends.presence from the keys instance two wrote.
    expect((await friends<Presence[]>(one, ana, 'presence', undefined, 'query')).data).toEqual([
      { userId: ben.user.id, status: 'online', room: null },
    ]);
    expect(Object.keys(await redis.hgetall(`${prefix}:presence:${ben.user.id}`))).toHaveLength(1);

    const room = await createRoom(one, { user: ana.user, token: ana.token } as RoomPerson, { visibility: 'public', name: 'Across' });
    const watching = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'watching'));
    const benRooms = await openRooms(two, ben, sockets);
    expect(await ack(benRooms, 'room:join', { roomId: room.id })).toMatchObject({ ok: true });
    expect((await watching).room).toEqual({ id: room.id, name: 'Across' });

    const offline = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'offline'));
    benRooms.disconnect();
    benGlobal.disconnect();
    await offline;
    expect(await redis.hgetall(`${prefix}:presence:${ben.user.id}`)).toEqual({});
  });

  it('the users of an instance that dies without a goodbye fall offline after the TTL', async () => {
    const [one, two] = apps as [FastifyInstance, FastifyInstance];
    const ana = await member(one, database.db, 'Ana on one', sockets);
    const ben = await offlineMember(one, database.db, 'Ben on two');
    await makeFriends(database.db, ana.user.id, ben.user.id);
    const online = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'online'));
    const benGlobal = await openGlobal(two, ben, sockets);
    await online;

    // Instance two "crashes": its presence stops mid-flight (no heartbeat, no writes), and its sockets
    // vanish; what it wrote to Redis stays behind like after a kill -9.
    await two.services.presence.stop({ clean: false });
    const diedAt = Date.now();
    const offline = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'offline'), TTL_MS * 4);
    benGlobal.disconnect();
    expect(Object.keys(await redis.hgetall(`${prefix}:presence:${ben.user.id}`))).toHaveLength(1);

    await offline;
    // Not before the TTL: until then the entry is as good as a live one.
    expect(Date.now() - diedAt).toBeGreaterThanOrEqual(TTL_MS - 300);
    expect(await redis.hgetall(`${prefix}:presence:${ben.user.id}`)).toEqual({});
    expect((await friends<Presence[]>(one, ana, 'presence', undefined, 'query')).data).toEqual([
      { userId: ben.user.id, status: 'offline', room: null },
    ]);
  });
});
