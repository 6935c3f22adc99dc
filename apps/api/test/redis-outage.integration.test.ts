import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freePort, freshDatabase, REDIS_URL, redisNotice, waitFor, type TestDatabase } from './helpers';

const REDIS_SERVER = '/usr/bin/redis-server';
redisNotice('Redis outage and recovery test');

/**
 * A private redis-server on a free port, so the test can stop and restart "Redis" without touching the
 * machine's shared one.
 */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

function stopRedis(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.skipIf(!REDIS_URL || !existsSync(REDIS_SERVER))('Redis going down at run time', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    database = await freshDatabase();
    port = await freePort();
    redis = await startRedis(port);
    app = await buildTestApp(database, { REDIS_URL: `redis://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    await app?.close();
    if (redis && redis.exitCode === null) await stopRedis(redis);
    await database?.drop();
  });

  const health = async () => (await app.inject({ method: 'GET', url: '/health' })).json() as Record<string, string>;

  it('says redis: down, keeps serving, and recovers when Redis returns', async () => {
    expect(await health()).toMatchObject({ status: 'ok', redis: 'ok' });

    await stopRedis(redis);
    await waitFor(async () => ((await health()).redis === 'down' ? true : undefined), 10_000, 'redis: down');
    const during = await app.inject({ method: 'GET', url: '/health' });
    expect(during.statusCode).toBe(200);
    expect(during.json()).toMatchObject({ status: 'degraded', db: 'ok', redis: 'down' });
    // What does not need Redis keeps working (rate limiting skips on Redis errors).
    const stats = await app.inject({ method: 'GET', url: '/trpc/platform.stats' });
    expect(stats.statusCode).toBe(200);

    redis = await startRedis(port);
    await waitFor(async () => ((await health()).redis === 'ok' ? true : undefined), 15_000, 'redis: ok again');
    expect(await health()).toMatchObject({ status: 'ok', db: 'ok', redis: 'ok' });
  });
});
