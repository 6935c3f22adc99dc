import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '@wt/db/testing';
import { buildApp } from '../src/app';
import { parseEnv, type Env } from '../src/env';
import type { PresenceOptions } from '../src/modules/presence/service';

export const REDIS_URL = process.env.REDIS_URL;

export function redisNotice(what: string): void {
  if (!REDIS_URL) console.warn(`[skip] REDIS_URL not set: ${what} skipped`);
}

export function testEnv(overrides: Record<string, string | undefined> = {}): Env {
  return parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DB_CONNECT_TIMEOUT_MS: '5000', ...overrides });
}

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** A fresh migrated database per test file, dropped afterwards. */
export async function freshDatabase(): Promise<TestDatabase> {
  return createTestDatabase();
}

export async function buildTestApp(
  database: TestDatabase,
  overrides: Record<string, string | undefined> = {},
  extra: { redisPrefix?: string; now?: () => Date; presence?: PresenceOptions } = {},
): Promise<FastifyInstance> {
  const prefix = extra.redisPrefix ?? `wt-test-${randomUUID()}`;
  const app = await buildApp({
    env: testEnv(overrides),
    databaseUrl: database.url,
    dbMode: 'external',
    logger: pino({ level: 'silent' }),
    redisPrefix: prefix,
    ...(extra.now ? { now: extra.now } : {}),
    ...(extra.presence ? { presence: extra.presence } : {}),
  });
  const redisUrl = overrides.REDIS_URL;
  if (redisUrl) app.addHook('onClose', async () => deleteRedisKeys(redisUrl, prefix));
  return app;
}

/** Removes what a test app left in the shared Redis (job queues, socket.io stream). */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // The Redis of an outage test may be gone already; nothing to clean then.
  } finally {
    redis.disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
