import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Database = NodePgDatabase<Schema>;

export interface DbHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Largest number of pooled connections (default 10). */
  max?: number;
  /** How long close() waits for checked-out connections before it stops waiting (default 5 s). */
  closeTimeoutMs?: number;
  /** Called for errors on idle clients, which would otherwise crash the process. */
  onPoolError?: (err: Error) => void;
}

/** Opens a pooled connection to PostgreSQL and wraps it in Drizzle with the full schema. */
export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', (err) => options.onPoolError?.(err));
  // A connection can also die while checked out (a restart, `DROP DATABASE ... WITH (FORCE)`): its query
  // fails on its own, but the client's 'error' event must have a listener, or it crashes the process.
  pool.on('connect', (client) => client.on('error', (err) => options.onPoolError?.(err)));
  const db = drizzle(pool, { schema });
  let closed = false;
  return {
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      // pool.end() waits for every checked-out connection to come back; one held by work abandoned at
      // shutdown (a job past the queue's stop timeout, a server that vanished mid-query) must not hold
      // the process forever.
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.closeTimeoutMs ?? 5_000);
        timer.unref();
      });
      await Promise.race([pool.end(), gaveUp]);
      clearTimeout(timer);
    },
  };
}
