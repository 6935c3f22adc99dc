import { createDb, runMigrations, type DbHandle } from '@wt/db';

/*
 * The benchmark's own database: created fresh on a PostgreSQL server, migrated with @wt/db's committed
 * migrations, dropped at the end; and PostgreSQL's activity counters, to tell the work per chat message.
 */

/** The persisting baseline's table: a chat message with no rules around it. */
export const BASELINE_TABLE = 'bench_baseline_messages';

export interface BenchDatabase {
  url: string;
  handle: DbHandle;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = createDb(serverUrl, { max: 1 });
  try {
    await admin.pool.query(statement);
  } finally {
    await admin.close();
  }
}

/**
 * A fresh, migrated database (`wt_bench_<ts>` unless named) on the server of `serverUrl` (its user may
 * CREATE DATABASE), with a pool of `poolMax`; `setup` runs after the migrations (dropped if it fails).
 */
export async function createMigratedDatabase(
  serverUrl: string,
  log: (line: string) => void,
  options: { name?: string; poolMax?: number; setup?: (handle: DbHandle) => Promise<void> } = {},
): Promise<BenchDatabase> {
  const name = options.name ?? `wt_bench_${Date.now()}`;
  await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const handle = createDb(url, { max: options.poolMax ?? 4 });
  let dropped = false;
  const drop = async (): Promise<void> => {
    if (dropped) return;
    dropped = true;
    await handle.close();
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    log(`dropped database ${name}`);
  };
  try {
    await runMigrations(handle.db);
    await options.setup?.(handle);
  } catch (err) {
    await drop();
    throw err;
  }
  log(`created and migrated database ${name}`);
  return { url, handle, drop };
}

/** bench:rooms' database: migrated, plus the persisting baseline's table. */
export function createBenchDatabase(serverUrl: string, log: (line: string) => void): Promise<BenchDatabase> {
  return createMigratedDatabase(serverUrl, log, {
    setup: async (handle) => {
      await handle.pool.query(`
      CREATE TABLE ${BASELINE_TABLE} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL,
        user_id uuid NOT NULL,
        content text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ON ${BASELINE_TABLE} (room_id, created_at DESC)`);
    },
  });
}

/** Process ids of the PostgreSQL backends connected to this database (other than the asking one). */
export async function backendPids(database: BenchDatabase): Promise<number[]> {
  const { rows } = await database.handle.pool.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return rows.map((r) => r.pid);
}

export interface DbCounters {
  xacts: number;
  inserted: number;
  updated: number;
  fetched: number;
}

export const noDbWork: DbCounters = { xacts: 0, inserted: 0, updated: 0, fetched: 0 };

export async function dbCounters(database: BenchDatabase): Promise<DbCounters> {
  const { rows } = await database.handle.pool.query<{
    xacts: string;
    inserted: string;
    updated: string;
    fetched: string;
  }>(
    `SELECT xact_commit + xact_rollback AS xacts, tup_inserted AS inserted, tup_updated AS updated, tup_fetched AS fetched
     FROM pg_stat_database WHERE datname = current_database()`,
  );
  const r = rows[0]!;
  return {
    xacts: Number(r.xacts),
    inserted: Number(r.inserted),
    updated: Number(r.updated),
    fetched: Number(r.fetched),
  };
}

export function addDbWork(total: DbCounters, start: DbCounters, end: DbCounters): DbCounters {
  return {
    xacts: total.xacts + end.xacts - start.xacts,
    inserted: total.inserted + end.inserted - start.inserted,
    updated: total.updated + end.updated - start.updated,
    fetched: total.fetched + end.fetched - start.fetched,
  };
}

/**
 * Approximate: each backend reports its counters at most once a second, so every measured window is off
 * by up to a second's worth of work at each end. A statement outside a transaction is one xact.
 */
export interface DbPerMessage {
  xacts: number;
  rows_inserted: number;
  rows_updated: number;
  rows_fetched: number;
}

export function perMessage(work: DbCounters, messages: number): DbPerMessage {
  const per = (n: number): number => Math.round((n / messages) * 10) / 10;
  return {
    xacts: per(work.xacts),
    rows_inserted: per(work.inserted),
    rows_updated: per(work.updated),
    rows_fetched: per(work.fetched),
  };
}
