import type { DbHandle } from '@wt/db';
import { createMigratedDatabase, type BenchDatabase } from '../rooms/database';
import type { BenchEnv } from '../env';

/*
 * bench:leaderboard's own database: `wt_bench_leaderboard_<pid>` on the PostgreSQL server of DATABASE_URL,
 * migrated with @wt/db's committed migrations, seeded with one weekly-board entry per user, dropped at the end.
 */

/** bench:leaderboard's database, with a pool of the API's default size (the stores read through it). */
export function createLeaderboardDatabase(serverUrl: string, log: (line: string) => void): Promise<BenchDatabase> {
  return createMigratedDatabase(serverUrl, log, { name: `wt_bench_leaderboard_${process.pid}`, poolMax: 10 });
}

/** Longest weekly watch time seeded: 40 h. */
export const MAX_SECONDS = 40 * 3600;

/**
 * How watch seconds spread over the board. `lognormal` (default): median 40 min, sigma 1.25 (ln), folded
 * into 1..40 h; the largest minute holds about 1.4 % of the board. `cubic`: 1 + 40 h * r^3 for a uniform r,
 * a crowd of light viewers (7.5 % under a minute, 1.9 % at exactly 1 s): the worst case for a rank read
 * that counts the entries of its own minute.
 */
export type Spread = BenchEnv['BENCH_LB_SPREAD'];

const secondsSql: Record<Spread, string> = {
  // Box-Muller; 1 - random() is in (0, 1], so ln() is defined.
  lognormal: `1 + (floor(exp(ln(2400) + 1.25 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::bigint % ${MAX_SECONDS})::int`,
  cubic: `1 + floor(${MAX_SECONDS} * power(random(), 3))::int`,
};

export interface SeedTimes {
  users_s: number;
  entries_s: number;
  vacuum_analyze_s: number;
}

/**
 * `users` rows `lb_<i>` (i = 1..count) and one `leaderboard_entries` row each on `board`, seconds drawn by
 * `spread` (setseed: the same board every run). The rows are loaded as a restore would be: with the
 * migration's bucket trigger disabled and leaderboard_buckets filled by one GROUP BY in the same
 * transaction (through the trigger, one INSERT of 1,000,000 rows updates each bucket row tens of thousands
 * of times in one transaction and takes minutes); the reads' rank checks verify the buckets. VACUUM ANALYZE
 * at the end stands for autovacuum on a board that has been filling up all week.
 */
export async function seedBoard(
  handle: DbHandle,
  board: string,
  count: number,
  spread: Spread,
): Promise<SeedTimes> {
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
    await client.query('BEGIN');
    try {
      await client.query('ALTER TABLE leaderboard_entries DISABLE TRIGGER leaderboard_entries_buckets');
      await client.query('SELECT setseed(0.42)');
      await client.query(
        `INSERT INTO leaderboard_entries (board, entity_id, seconds) SELECT $1, id, ${secondsSql[spread]} FROM users`,
        [board],
      );
      await client.query(
        `INSERT INTO leaderboard_buckets (board, bucket, entries)
         SELECT board, leaderboard_bucket(seconds), count(*) FROM leaderboard_entries WHERE board = $1 GROUP BY 1, 2`,
        [board],
      );
      await client.query('ALTER TABLE leaderboard_entries ENABLE TRIGGER leaderboard_entries_buckets');
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
    const entries_s = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query('VACUUM ANALYZE users, leaderboard_entries, leaderboard_buckets');
    const vacuum_analyze_s = (performance.now() - started) / 1000;
    return { users_s, entries_s, vacuum_analyze_s };
  } finally {
    client.release();
  }
}
