/*
 * One real API instance (buildApp, the production code path) on loopback, as a child process of
 * bench/rooms.ts. Settings arrive over IPC, never from process.env; logs go to stdout, which the
 * orchestrator forwards to its stderr so that its own stdout holds only the result.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../apps/api/src/app';
import { createLogger } from '../../apps/api/src/logger';
import { benchApiEnv } from './api-env';
import { monitorLoopWindows } from './loop-monitor';
import type { ApiServerConfig, ServerMessage } from './plan';

function send(message: ServerMessage): void {
  process.send?.(message);
}

/** What the benchmark reads of the API's pg.Pool. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  query: (...args: unknown[]) => unknown;
}

/** Counts the statements sent through the pool (every `db.execute` outside a transaction). */
function countStatements(pool: PoolCounts): () => number {
  let count = 0;
  const query = pool.query.bind(pool);
  pool.query = (...args: unknown[]) => {
    count += 1;
    return query(...args);
  };
  return () => count;
}

/** Resolves once the pool has had no query in flight or waiting for `quietMs` (or after `timeoutMs`). */
async function databaseSettled(pool: PoolCounts, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const busy = pool.totalCount - pool.idleCount + pool.waitingCount > 0;
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function start(config: ApiServerConfig): Promise<void> {
  const env = benchApiEnv(config);
  const app = await buildApp({
    env,
    databaseUrl: config.databaseUrl,
    dbMode: 'external',
    logger: createLogger(env),
    redisPrefix: config.redisPrefix,
  });
  // Drizzle keeps the pg.Pool it wraps as `$client`.
  const pool = (app.services.db as unknown as { $client: PoolCounts }).$client;
  const statements = countStatements(pool);
  // A second connection, opened now, to remove this run's keys from a shared Redis after app.close().
  // The app's client connects lazily and queues nothing offline; this one connects now and may queue.
  const redisCleaner =
    app.services.redis?.duplicate({ lazyConnect: false, enableOfflineQueue: true }) ?? null;
  monitorLoopWindows(send);
  await app.listen({ host: '127.0.0.1', port: 0 });
  send({ type: 'listening', port: (app.server.address() as AddressInfo).port });

  process.on('message', (message: { type: string }) => {
    if (message.type === 'sweep') {
      // One presence sweep now, timed (the module runs one every 30 s on every instance).
      const t0 = performance.now();
      const before = statements();
      app.roomSockets.sweep().then(
        () =>
          send({ type: 'swept', ms: Math.round(performance.now() - t0), statements: statements() - before }),
        (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    if (message.type !== 'stop') return;
    void (async () => {
      // The load just disconnected every socket: let the rooms module finish its disconnect handling
      // (database writes per member) before the pool closes under it.
      await databaseSettled(pool, 500, 30_000);
      await app.close();
      if (redisCleaner) {
        let cursor = '0';
        do {
          const [next, keys] = await redisCleaner.scan(
            cursor,
            'MATCH',
            `${config.redisPrefix}*`,
            'COUNT',
            500,
          );
          cursor = next;
          if (keys.length > 0) await redisCleaner.del(...keys);
        } while (cursor !== '0');
        redisCleaner.disconnect();
      }
      process.exit(0);
    })();
  });
}

process.once('message', (config: ApiServerConfig) => {
  start(config).catch((err: unknown) => {
    send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    process.exit(1);
  });
});
