import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { ack, createRoom, next, person, type Person } from '../../../test/room-helpers';

describe('rooms smoke', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const people: Person[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    app = await buildTestApp(database);
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const p of people) p.socket.disconnect();
    await app.close();
    await database.drop();
  });

  it('creates, joins, chats', async () => {
    const a = await person(app, database.db, 'Ann');
    const b = await person(app, database.db, 'Bob');
    people.push(a, b);
    const room = await createRoom(app, a);
    const joinA = await ack(a.socket, 'room:join', { roomId: room.id });
    expect(joinA.ok).toBe(true);
    const seen = next(a.socket, 'room:join');
    const joinB = await ack(b.socket, 'room:join', { roomId: room.id });
    expect(joinB.ok, JSON.stringify(joinB)).toBe(true);
    expect((await seen).member.displayName).toBe('Bob');
    const got = next(b.socket, 'chat:message', (p) => p.message.kind === 'user');
    const sent = await ack(a.socket, 'chat:message', { roomId: room.id, content: 'hello' });
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    expect((await got).message.content).toBe('hello');
    const kicked = next(b.socket, 'room:kick');
    const k = await ack(a.socket, 'room:kick', { roomId: room.id, userId: b.user.id });
    expect(k.ok, JSON.stringify(k)).toBe(true);
    expect((await kicked).message).toContain('removed you');
    const again = await ack(b.socket, 'room:join', { roomId: room.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'BANNED' } });
  });
});
