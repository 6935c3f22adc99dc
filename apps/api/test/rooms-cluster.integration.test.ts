import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { buildTestApp, freshDatabase, REDIS_URL, redisNotice, type TestDatabase } from './helpers';
import { ack, createRoom, next, person, socketFor, type Person } from './room-helpers';

redisNotice('two-instance watch room test (chat and kick across API instances)');

/*
 * Issue 4: "a test with two API instances and Redis puts two members on different instances into one
 * room and exchanges chat and a kick" (and a mute, which chat caches per instance). Both instances share the database and the Socket.io streams
 * adapter; nothing but Redis connects them.
 */
describe.skipIf(!REDIS_URL)('a watch room across two API instances', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const sockets: Socket[] = [];
  const prefix = `wt-test-${randomUUID()}`;

  beforeAll(async () => {
    database = await freshDatabase();
    for (let i = 0; i < 2; i += 1) {
      const app = await buildTestApp(database, { REDIS_URL, AUTH_SECRET: 'x'.repeat(48) }, { redisPrefix: prefix });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    // Let both instances finish handling those disconnects (they ask each other through Redis) before
    // either closes its Redis connections.
    await new Promise((r) => setTimeout(r, 500));
    for (const app of apps) await app.close();
    await database?.drop();
  });

  async function on(app: FastifyInstance, p: Person): Promise<Socket> {
    p.socket.disconnect();
    const socket = await socketFor(app, p);
    sockets.push(socket);
    return socket;
  }

  it('members on different instances chat both ways, see the roster and a kick, and the kicked one cannot rejoin', async () => {
    const [one, two] = apps as [FastifyInstance, FastifyInstance];
    const leader = await person(one, database.db, 'Ana on one');
    const guest = await person(one, database.db, 'Ben on two');
    const ana = await on(one, leader);
    const ben = await on(two, guest);
    const room = await createRoom(one, leader, { visibility: 'public' });

    expect(await ack(ana, 'room:join', { roomId: room.id })).toMatchObject({ ok: true });
    const anaSeesBen = next(ana, 'room:join', (p) => p.member.id === guest.user.id);
    const joined = await ack(ben, 'room:join', { roomId: room.id });
    expect(joined.ok).toBe(true);
    // The snapshot built on instance two sees Ana, connected to instance one, as online.
    if (joined.ok) {
      expect(joined.data.members.find((m) => m.id === leader.user.id)).toMatchObject({ online: true, role: 'leader' });
    }
    await anaSeesBen;

    const benGets = next(ben, 'chat:message', (p) => p.message.content === 'hi from one');
    expect(await ack(ana, 'chat:message', { roomId: room.id, content: 'hi from one' })).toMatchObject({ ok: true });
    expect((await benGets).message.author?.id).toBe(leader.user.id);

    const anaGets = next(ana, 'chat:message', (p) => p.message.content === 'hi from two');
    expect(await ack(ben, 'chat:message', { roomId: room.id, content: 'hi from two' })).toMatchObject({ ok: true });
    expect((await anaGets).message.author?.id).toBe(guest.user.id);

    // A mute on instance one holds on instance two at once, although two had Ben's chat facts cached.
    const benSeesMute = next(ben, 'room:member', (p) => p.member.id === guest.user.id && p.member.isMuted);
    expect(await ack(ana, 'room:mute', { roomId: room.id, userId: guest.user.id, muted: true })).toMatchObject({ ok: true });
    await benSeesMute;
    expect(await ack(ben, 'chat:message', { roomId: room.id, content: 'muted?' })).toMatchObject({ ok: false, error: { code: 'MUTED' } });
    const benSeesUnmute = next(ben, 'room:member', (p) => p.member.id === guest.user.id && !p.member.isMuted);
    expect(await ack(ana, 'room:mute', { roomId: room.id, userId: guest.user.id, muted: false })).toMatchObject({ ok: true });
    await benSeesUnmute;
    expect(await ack(ben, 'chat:message', { roomId: room.id, content: 'back' })).toMatchObject({ ok: true });

    const benKicked = next(ben, 'room:kick');
    const anaSeesLeave = next(ana, 'room:leave', (p) => p.userId === guest.user.id);
    expect(await ack(ana, 'room:kick', { roomId: room.id, userId: guest.user.id, reason: 'spoilers' })).toMatchObject({ ok: true });
    const kick = await benKicked;
    expect(kick).toMatchObject({ roomId: room.id, userId: guest.user.id, bannedUntil: null, reason: 'spoilers' });
    expect(kick.message).toMatch(/removed you from the room/);
    await anaSeesLeave;

    // The kicked member's socket on instance two no longer receives the room.
    let leaked = false;
    ben.on('chat:message', () => (leaked = true));
    const anaOwn = await ack(ana, 'chat:message', { roomId: room.id, content: 'after the kick' });
    expect(anaOwn.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(leaked).toBe(false);
    expect(await ack(ben, 'chat:message', { roomId: room.id, content: 'still here?' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });

    // Rejoining through either instance, invite or not, is refused.
    const again = await ack(ben, 'room:join', { roomId: room.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'BANNED' } });
    const viaOne = await on(one, guest);
    expect(await ack(viaOne, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'BANNED' } });
  });
});
