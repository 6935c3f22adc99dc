import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, type TestDatabase } from './helpers';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('API without Redis', () => {
  it('reports health: db ok, redis disabled, the version', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok', redis: 'disabled', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('serves tRPC at /trpc with live platform numbers from PostgreSQL', async () => {
    await database.pool.query(
      `INSERT INTO users (username, email, display_name) VALUES ('stats_probe', 'stats@example.com', 'Probe')`,
    );
    const res = await app.inject({ method: 'GET', url: '/trpc/platform.stats' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { result: { data: { json: Record<string, number> } } };
    expect(body.result.data.json).toMatchObject({ users: 1, activeRooms: 0, watchHours: 0, series: 0 });
  });

  it('says which modes it runs in', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/platform.info' });
    expect((res.json() as { result: { data: { json: unknown } } }).result.data.json).toMatchObject({
      database: 'external',
      redis: 'disabled',
    });
  });

  it('answers an unknown procedure with a tRPC NOT_FOUND and no stack trace', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/platform.nope' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/\bat .+\.ts:\d+/);
    expect(res.body).not.toContain('"stack"');
  });

  it('answers an unknown route with a sentence', async () => {
    const res = await app.inject({ method: 'GET', url: '/no/such/thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'There is nothing at GET /no/such/thing.' });
  });

  it('reports the database as down (503) when it cannot be reached', async () => {
    const broken = await freshDatabase();
    const brokenApp = await buildTestApp(broken);
    try {
      // Kill every connection of the pool and forbid new ones by dropping the database.
      await broken.pool.end();
      await database.pool.query(`DROP DATABASE IF EXISTS "${new URL(broken.url).pathname.slice(1)}" WITH (FORCE)`);
      const res = await brokenApp.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'down', db: 'down' });
    } finally {
      await brokenApp.close();
    }
  });
});
