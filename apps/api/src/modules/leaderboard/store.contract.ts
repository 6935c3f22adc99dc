import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '@wt/db';
import { sql } from 'drizzle-orm';
import type { LeaderboardStore } from './store';

/**
 * What every leaderboard store must do (issue 7, "Both implementations pass the same contract tests"):
 * order by seconds then entity id, both descending; rank any entity with neighbours; count the board;
 * follow changes the accrual writes to PostgreSQL.
 */
export function leaderboardStoreContract(name: string, setup: () => { db: Database; store: LeaderboardStore }): void {
  async function board(entries: [string, number][]): Promise<string> {
    const key = `individual:weekly:test-${randomUUID()}`;
    await write(key, entries);
    return key;
  }

  async function write(key: string, entries: [string, number][]): Promise<void> {
    const { db, store } = setup();
    for (const [id, seconds] of entries) {
      await db.execute(sql`
        INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES (${key}, ${id}, ${seconds})
        ON CONFLICT (board, entity_id) DO UPDATE SET seconds = EXCLUDED.seconds`);
    }
    await store.changed(key, entries.map(([entityId, seconds]) => ({ entityId, seconds })), null);
  }

  /** Ids in a known order: `ids[0]` sorts after `ids[1]` (descending), so ties go to the larger id. */
  const ids = (n: number) => Array.from({ length: n }, () => randomUUID()).sort().reverse();

  describe(`leaderboard store contract: ${name}`, () => {
    it('reads the top in order, ties broken by the larger id, with the total', async () => {
      const [a, b, c, d] = ids(4);
      const key = await board([[d!, 60], [c!, 7200], [b!, 300], [a!, 300]]);
      const read = await setup().store.read(key, { limit: 3 });
      expect(read.total).toBe(4);
      expect(read.top).toEqual([
        { rank: 1, entityId: c, seconds: 7200 },
        { rank: 2, entityId: a, seconds: 300 },
        { rank: 3, entityId: b, seconds: 300 },
      ]);
      expect(read.me).toBeNull();
    });

    it('ranks any entity with up to two neighbours either side, across minute buckets', async () => {
      const people = ids(40);
      // Seconds spread over many minutes, with ties inside some minutes.
      const entries = people.map((id, i) => [id, 30 + Math.floor(i / 3) * 47] as [string, number]);
      const key = await board(entries);
      const expected = [...entries].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? 1 : -1));
      const { store } = setup();
      for (const index of [0, 1, 17, 38, 39]) {
        const [id, seconds] = expected[index]!;
        const read = await store.read(key, { limit: 100, entityId: id, around: 2 });
        expect(read.top.map((e) => e.entityId)).toEqual(expected.map(([entity]) => entity));
        const from = Math.max(0, index - 2);
        expect(read.me).toEqual({
          rank: index + 1,
          seconds,
          neighbours: expected.slice(from, index + 3).map(([entityId, s], i) => ({ rank: from + i + 1, entityId, seconds: s })),
        });
      }
    });

    it('an entity not on the board has no rank; an empty board reads empty', async () => {
      const { store } = setup();
      const [someone, stranger] = ids(2);
      const key = await board([[someone!, 100]]);
      expect((await store.read(key, { limit: 10, entityId: stranger! })).me).toBeNull();
      expect(await store.read(`individual:weekly:empty-${randomUUID()}`, { limit: 10, entityId: stranger! })).toEqual({
        total: 0,
        top: [],
        me: null,
      });
    });

    it('a read of no top entries gives the rank alone', async () => {
      const [a, b] = ids(2);
      const key = await board([[a!, 10], [b!, 20]]);
      const read = await setup().store.read(key, { limit: 0, entityId: a!, around: 0 });
      expect(read.top).toEqual([]);
      expect(read.me).toEqual({ rank: 2, seconds: 10, neighbours: [{ rank: 2, entityId: a, seconds: 10 }] });
    });

    it('follows changes written after the first read', async () => {
      const [a, b, c] = ids(3);
      const key = await board([[a!, 100], [b!, 200]]);
      const { store } = setup();
      expect((await store.read(key, { limit: 10, entityId: a! })).me?.rank).toBe(2);
      await write(key, [[a!, 500], [c!, 50]]);
      const read = await store.read(key, { limit: 10, entityId: a! });
      expect(read.me?.rank).toBe(1);
      expect(read.top.map((e) => [e.entityId, e.seconds])).toEqual([[a, 500], [b, 200], [c, 50]]);
      expect(read.total).toBe(3);
    });
  });
}
