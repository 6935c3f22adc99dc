import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { collect, nextEvent } from '../../../test/friend-helpers';
import { guildAck, guildPerson, guilds, ok, openGuilds } from '../../../test/guild-helpers';
import { buildTestApp, freshDatabase, REDIS_URL, redisNotice, type TestDatabase } from '../../../test/helpers';

redisNotice('guild chat across two API instances');

/*
 * Issue 8 with several API instances: guild chat sent through instance A reaches a member connected to
 * instance B, and a kick on A takes the member's socket on B out of the guild's channel.
 */
describe.skipIf(!REDIS_URL)('guilds on two instances sharing Redis', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    const redisPrefix = `wt-test-${randomUUID()}`;
    for (let i = 0; i < 2; i += 1) {
      const app = await buildTestApp(database, { REDIS_URL, RATE_LIMIT_PER_MINUTE: '100000' }, { redisPrefix });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('delivers chat across instances, and a kick on one instance closes the channel on the other', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const lead = await guildPerson(a, database.db, 'Lead');
    const mia = await guildPerson(b, database.db, 'Mia');
    const guild = ok(await guilds(a, lead, 'create', { name: 'Two Hosts' }));
    ok(await guilds(b, mia, 'join', { guildId: guild.id }));

    const onA = await openGuilds(a, lead, sockets);
    const onB = await openGuilds(b, mia, sockets);
    expect((await guildAck(onA, 'guild:open', { guildId: guild.id })).ok).toBe(true);
    expect((await guildAck(onB, 'guild:open', { guildId: guild.id })).ok).toBe(true);

    const heard = nextEvent<{ message: { content: string } }>(onB, 'chat:message');
    expect((await guildAck(onA, 'chat:message', { guildId: guild.id, content: 'Hello from A' })).ok).toBe(true);
    expect((await heard).message.content).toBe('Hello from A');

    const removed = nextEvent<{ reason: string }>(onB, 'guild:removed');
    ok(await guilds(a, lead, 'kick', { guildId: guild.id, userId: mia.user.id }));
    expect((await removed).reason).toBe('kicked');
    const after = collect<{ message: { content: string } }>(onB, 'chat:message', 800);
    expect((await guildAck(onA, 'chat:message', { guildId: guild.id, content: 'Members only now' })).ok).toBe(true);
    expect(await after).toEqual([]);
  });
});
