import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAnalyticsPartition } from '../src/analytics-partitions';
import { analyticsEvents } from '../src/schema/index';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t?.drop();
});

const partitionName = (d: Date) =>
  `analytics_events_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

const addMonths = (d: Date, months: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 15));

async function partitionOf(id: string): Promise<string> {
  const result = await t.db.execute<{ part: string }>(
    sql`SELECT tableoid::regclass::text AS part FROM analytics_events WHERE id = ${id}`,
  );
  return result.rows[0]!.part;
}

describe('analytics_events partitioning', () => {
  it('is a table partitioned by range on occurred_at', async () => {
    const { rows } = await t.pool.query<{ strategy: string; key: string }>(
      `SELECT p.partstrat AS strategy, a.attname AS key
         FROM pg_partitioned_table p
         JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
        WHERE p.partrelid = 'analytics_events'::regclass`,
    );
    expect(rows).toEqual([{ strategy: 'r', key: 'occurred_at' }]);
  });

  it('has partitions for last month, this month and the next two, plus a DEFAULT partition', async () => {
    const { rows } = await t.pool.query<{ name: string; bound: string }>(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'analytics_events'::regclass`,
    );
    const names = rows.map((r) => r.name);
    const now = new Date();
    for (const offset of [-1, 0, 1, 2]) expect(names).toContain(partitionName(addMonths(now, offset)));
    expect(rows.find((r) => r.name === 'analytics_events_default')?.bound).toBe('DEFAULT');
  });

  it("stores this month's row in this month's partition", async () => {
    const [row] = await t.db
      .insert(analyticsEvents)
      .values({ eventType: 'series_view', anonymousId: 'anon-1', utmSource: 'tiktok', properties: { a: 1 } })
      .returning();
    expect(await partitionOf(row!.id)).toBe(partitionName(new Date()));
    const [read] = await t.db
      .select()
      .from(analyticsEvents)
      .where(sql`${analyticsEvents.id} = ${row!.id}`);
    expect(read).toMatchObject({ eventType: 'series_view', utmSource: 'tiktok', properties: { a: 1 } });
  });

  it('keeps a row for a month without a partition in DEFAULT, and moves it when the partition is created', async () => {
    const far = new Date(Date.UTC(new Date().getUTCFullYear() + 5, 4, 10, 12));
    const [row] = await t.db
      .insert(analyticsEvents)
      .values({ eventType: 'episode_start', occurredAt: far })
      .returning();
    expect(await partitionOf(row!.id)).toBe('analytics_events_default');

    const name = await ensureAnalyticsPartition(t.db, far);
    expect(name).toBe(partitionName(far));
    expect(await partitionOf(row!.id)).toBe(name);
    // Idempotent.
    expect(await ensureAnalyticsPartition(t.db, new Date(far.getTime() + 86_400_000))).toBe(name);
  });

  it('puts rows on either side of a month boundary (UTC) in their own months', async () => {
    const next = addMonths(new Date(), 1);
    const boundary = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), 1));
    const rows = await t.db
      .insert(analyticsEvents)
      .values([
        { eventType: 'before', occurredAt: new Date(boundary.getTime() - 1) },
        { eventType: 'at', occurredAt: boundary },
      ])
      .returning();
    expect(await partitionOf(rows[0]!.id)).toBe(partitionName(new Date(boundary.getTime() - 1)));
    expect(await partitionOf(rows[1]!.id)).toBe(partitionName(boundary));
  });
});
