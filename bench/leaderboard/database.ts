import { createDb, runMigrations, type DbHandle } from '@wt/db';

/*
 * bench:leaderboard's own database: `wt_bench_leaderboard_<pid>` on the PostgreSQL server of DATABASE_URL,
 * migrated with @wt/db's committed migrations, seeded with one weekly-board entry per user, dropped at the end.
 */

export interface LeaderboardBenchDatabase {
  name: string;
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

export async function createLeaderboardDatabase(
  serverUrl: string,
  log: (line: string) => void,
): Promise<LeaderboardBenchDatabase> {
  const name = `wt_bench_leaderboard_${process.pid}`;
  await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  // The pool the stores read through: the API's default size.
  const handle = createDb(url, { max: 10 });
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
  } catch (err) {
    await drop();
    throw err;
  }
  log(`created and migrated database ${name}`);
  return { name, url, handle, drop };
}

/** Longest weekly watch time seeded: 40 h. */
export const MAX_SECONDS = 40 * 3600;

export interface SeedTimes {
  users_s: number;
  entries_s: number;
  vacuum_analyze_s: number;
}

/**
 * `users` rows `lb_<i>` (i = 1..count) and one `leaderboard_entries` row each on `board`. Watch seconds are
 * 1 + floor(40 h * r^3) for a uniform r (setseed: the same spread every run): skewed towards light viewers
 * (median 5 h, 7.5 % under a minute), a long tail up to 40 h. The rows go in through the migration's
 * trigger, as the accrual job's would, so leaderboard_buckets is the trigger's work. VACUUM ANALYZE at the
 * end stands for autovacuum on a board that has been filling up all week.
 */
export async function seedBoard(handle: DbHandle, board: string, count: number): Promise<SeedTimes> {
  const client = await handle.pool.connect();
  try {
    let started = performance.now();
    await client.query(
      `INSERT INTO users (username, email)
       SELECT 'lb_' || i, 'lb_' || i || '@bench.invalid' FROM generate_series(1, $1::int) AS i`,
      [count],
    );
    const users_s = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query('SELECT setseed(0.42)');
    await client.query(
      `INSERT INTO leaderboard_entries (board, entity_id, seconds)
       SELECT $1, id, 1 + floor($2::int * power(random(), 3))::int FROM users`,
      [board, MAX_SECONDS],
    );
    const entries_s = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query('VACUUM ANALYZE users, leaderboard_entries, leaderboard_buckets');
    const vacuum_analyze_s = (performance.now() - started) / 1000;
    return { users_s, entries_s, vacuum_analyze_s };
  } finally {
    client.release();
  }
}
