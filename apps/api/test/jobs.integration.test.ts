import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, REDIS_URL, waitFor, type TestDatabase } from './helpers';

/** Runs in both modes: in-process without REDIS_URL, BullMQ with it. */
describe(`background jobs (${REDIS_URL ? 'BullMQ' : 'in-process'})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const clock = () => new Date('2031-06-15T12:00:00Z');

  beforeAll(async () => {
    database = await freshDatabase();
    app = await buildTestApp(database, { REDIS_URL }, { now: clock });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('runs the start-up catch-up job: analytics partitions for this month and the next two exist', async () => {
    const expected = ['analytics_events_y2031m06', 'analytics_events_y2031m07', 'analytics_events_y2031m08'];
    const found = await waitFor(
      async () => {
        const { rows } = await database.pool.query<{ relname: string }>(
          `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'analytics_events' AND c.relname = ANY($1)`,
          [expected],
        );
        return rows.length === expected.length ? rows.map((r) => r.relname).sort() : undefined;
      },
      20_000,
      'partitions created by the job',
    );
    expect(found).toEqual(expected);
    expect(app.services.queue.kind).toBe(REDIS_URL ? 'bullmq' : 'inprocess');
  });
});
