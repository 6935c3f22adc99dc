import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import { freshDatabase, REDIS_URL, redisNotice, type TestDatabase } from '../../../test/helpers';
import { createPgLeaderboardStore, createRedisLeaderboardStore, type LeaderboardStore } from './store';
import { leaderboardStoreContract } from './store.contract';

let database: TestDatabase;
let redis: Redis | null = null;
const prefix = `wt-test-lb-${randomUUID()}:`;
let pg: LeaderboardStore;
let cached: LeaderboardStore;

beforeAll(async () => {
  database = await freshDatabase();
  pg = createPgLeaderboardStore(database.db);
  if (REDIS_URL) {
    redis = new Redis(REDIS_URL);
    cached = createRedisLeaderboardStore({ redis, db: database.db, prefix, rebuildBatch: 7 });
  }
});

afterAll(async () => {
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
  await database?.drop();
});

leaderboardStoreContract('PostgreSQL', () => ({ db: database.db, store: pg }));

redisNotice('the Redis leaderboard store contract');
describe.skipIf(!REDIS_URL)('Redis', () => {
  leaderboardStoreContract('Redis', () => ({ db: database.db, store: cached }));

  it('rebuilds a lost sorted set from PostgreSQL on the next read, in batches', async () => {
    const board = `individual:alltime:test-${randomUUID()}`;
    const people = Array.from({ length: 30 }, () => randomUUID());
    for (const [i, id] of people.entries()) {
      await database.db.execute(sql`INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES (${board}, ${id}, ${100 + i})`);
    }
    const before = await cached.read(board, { limit: 5, entityId: people[0]! });
    expect(before.me?.rank).toBe(30);
    // Redis lost it (a restart without persistence): only this file's keys, other tests share Redis.
    await redis!.del(...(await redis!.keys(`${prefix}${board}*`)));
    const after = await cached.read(board, { limit: 5, entityId: people[0]! });
    expect(after).toEqual(before);
    expect(await pg.read(board, { limit: 5, entityId: people[0]! })).toEqual(before);
    expect(await redis!.zcard(`${prefix}${board}`)).toBe(30);
  });

  it('a change Redis missed (it was away) makes the next read rebuild the board from PostgreSQL', async () => {
    const flaky = new Redis(REDIS_URL!, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const store = createRedisLeaderboardStore({ redis: flaky, db: database.db, prefix });
    const board = `individual:weekly:test-${randomUUID()}`;
    const [a, b] = [randomUUID(), randomUUID()];
    await database.db.execute(sql`INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES (${board}, ${a}, 100)`);
    try {
      await flaky.connect();
      expect((await store.read(board, { limit: 5 })).total).toBe(1);
      flaky.disconnect();
      await database.db.execute(sql`
        INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES (${board}, ${a}, 500), (${board}, ${b}, 50)
        ON CONFLICT (board, entity_id) DO UPDATE SET seconds = EXCLUDED.seconds`);
      await expect(store.changed(board, [{ entityId: a, seconds: 500 }, { entityId: b, seconds: 50 }], null)).rejects.toThrow();
      await flaky.connect();
      expect((await store.read(board, { limit: 5 })).top).toEqual([
        { rank: 1, entityId: a, seconds: 500 },
        { rank: 2, entityId: b, seconds: 50 },
      ]);
    } finally {
      flaky.disconnect();
    }
  });

  it('forget drops the copy; a finished board expires when told', async () => {
    const board = `individual:weekly:test-${randomUUID()}`;
    const id = randomUUID();
    await database.db.execute(sql`INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES (${board}, ${id}, 60)`);
    await cached.read(board, { limit: 1 });
    await cached.changed(board, [{ entityId: id, seconds: 61 }], new Date(Date.now() + 60_000));
    expect(await redis!.pttl(`${prefix}${board}`)).toBeGreaterThan(0);
    await cached.forget(board);
    expect(await redis!.exists(`${prefix}${board}`)).toBe(0);
  });
});
