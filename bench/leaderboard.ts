/*
 * `pnpm bench:leaderboard` (issue 7, "Gamification"): with 1,000,000 users on this week's board, the
 * leaderboard read (top 100 plus my rank with two neighbours either side) from PostgreSQL alone and from
 * Redis, against the round trip of `SELECT 1` on the same pool and of Redis PING measured in the same
 * run (STYLE pattern 10: ratios, not absolute times); and 1,000 concurrent awardXp calls for one user,
 * which must land every distinct key exactly once.
 *
 * Steps: a fresh database `wt_bench_leaderboard_<pid>` (migrated with @wt/db), users and entries written
 * by generate_series; the Redis store's first read, which rebuilds its sorted set from PostgreSQL (timed);
 * a warm-up of each; then measured rounds taking turns (SELECT 1, PostgreSQL store, PING, Redis store, and
 * the reverse in the next round) so that the noise of this shared two-core machine falls on all alike;
 * every read checked against plain SQL; the concurrent awards through a real API instance's services;
 * the Redis keys deleted and the database dropped, also on failure.
 * Stdout carries one JSON object; progress goes to stderr. Exit code 1 when a target or a check fails.
 *
 *   pnpm bench:leaderboard                          the setting (1,000,000 users)
 *   BENCH_LB_USERS=50000 pnpm bench:leaderboard     a development run
 */
import os from 'node:os';
import { Redis } from 'ioredis';
import { boardKey } from '@wt/schemas';
import {
  createPgLeaderboardStore,
  createRedisLeaderboardStore,
  type LeaderboardStore,
  type RankedEntity,
} from '../apps/api/src/modules/leaderboard/store';
import { loadBenchEnv } from './env';
import { concurrentAwards, type AwardsResult } from './leaderboard/awards';
import { createLeaderboardDatabase, MAX_SECONDS, seedBoard } from './leaderboard/database';
import type { BenchDatabase } from './rooms/database';
import {
  buildExpectedRanks,
  checkReads,
  expectedTop,
  pickReaders,
  readBoard,
  recordRead,
  type ReadChecks,
  type ReadRecord,
} from './leaderboard/reads';
import { Samples } from './rooms/stats';
import type { LatencySummary } from './rooms/plan';

const TARGET = { redis_p99_ms: 5, pg_p99_ms: 20 } as const;
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** Measured rounds; each runs all four phases on its share of the readers. */
const ROUNDS = 10;
/** Reads of each store also checked by a `1 + count(*)` query (the first ones: the board's two ends). */
const COUNT_CHECKS = 50;

const log = (line: string): void => {
  process.stderr.write(`[bench:leaderboard] ${line}\n`);
};

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function timed(samples: Samples, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  samples.push(performance.now() - started);
}

interface Phase {
  samples: Samples;
  /** Runs the i-th measured operation (i indexes the readers). */
  run(i: number): Promise<unknown>;
}

/** Reads through `store`, keeping what it returned for the checks. */
function storePhase(
  store: LeaderboardStore,
  board: string,
  readers: string[],
  top: RankedEntity[],
  records: ReadRecord[],
): Phase {
  const samples = new Samples();
  return {
    samples,
    async run(i) {
      const entityId = readers[i]!;
      const started = performance.now();
      const read = await readBoard(store, board, entityId);
      samples.push(performance.now() - started);
      records[i] = recordRead(entityId, read, top);
    },
  };
}

function baselinePhase(run: () => Promise<unknown>): Phase {
  const samples = new Samples();
  return { samples, run: () => timed(samples, run) };
}

async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

async function main(): Promise<boolean> {
  const env = loadBenchEnv();
  const serverUrl = env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const redisUrl = env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const users = env.BENCH_LB_USERS;
  const reads = env.BENCH_LB_READS;
  const warmup = env.BENCH_LB_WARMUP;
  const board = boardKey('individual', 'weekly', new Date());
  const prefix = `wt-bench-lb-${process.pid}:lb:`;

  let database: BenchDatabase | null = null;
  let redis: Redis | null = null;
  const cleanUp = async (): Promise<void> => {
    if (redis) {
      const r = redis;
      redis = null;
      const deleted = await deleteKeys(r, prefix).catch(() => 0);
      log(`deleted ${deleted} Redis keys under ${prefix}`);
      r.disconnect();
    }
    await database?.drop().catch((err: unknown) => log(`dropping the database failed: ${String(err)}`));
  };
  const onSignal = (): void => {
    log('interrupted: cleaning up');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    database = await createLeaderboardDatabase(serverUrl, log);
    const { pool, db } = database.handle;
    log(`seeding ${users} users and entries on ${board} (${env.BENCH_LB_SPREAD} spread)`);
    const seed = await seedBoard(database.handle, board, users, env.BENCH_LB_SPREAD);
    const seed_s = seed.users_s + seed.entries_s + seed.vacuum_analyze_s;
    log(`seeded in ${seed_s.toFixed(1)} s (${JSON.stringify(seed)})`);
    const { rows: bucketRows } = await pool.query<{ buckets: number; largest: number }>(
      'SELECT count(*)::int AS buckets, max(entries)::int AS largest FROM leaderboard_buckets WHERE board = $1',
      [board],
    );

    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const pgStore = createPgLeaderboardStore(db);
    const redisStore = createRedisLeaderboardStore({ redis, db, prefix });

    const readers = await pickReaders(pool, board, reads + warmup);
    const measured = readers.slice(0, reads);
    const warming = readers.slice(reads);

    log('redis: first read (rebuilds the sorted set from PostgreSQL)');
    let started = performance.now();
    await readBoard(redisStore, board, measured[0]!);
    const redis_rebuild_s = (performance.now() - started) / 1000;
    const redisKeyBytes = await redis.memory('USAGE', `${prefix}${board}`);
    log(`redis: rebuilt in ${redis_rebuild_s.toFixed(2)} s`);

    const r = redis;
    log(`warm-up: ${warming.length} reads of each`);
    for (const entityId of warming) {
      await pool.query('SELECT 1');
      await readBoard(pgStore, board, entityId);
      await r.ping();
      await readBoard(redisStore, board, entityId);
    }

    const top = await expectedTop(pool, board);
    const pgRecords: ReadRecord[] = [];
    const redisRecords: ReadRecord[] = [];
    const phases = {
      select1: baselinePhase(() => pool.query('SELECT 1')),
      pg: storePhase(pgStore, board, measured, top, pgRecords),
      ping: baselinePhase(() => r.ping()),
      redis: storePhase(redisStore, board, measured, top, redisRecords),
    };
    const order = [phases.select1, phases.pg, phases.ping, phases.redis];
    log(`measuring: ${reads} reads of each store in ${ROUNDS} rounds`);
    started = performance.now();
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      const from = Math.floor((round_ * reads) / ROUNDS);
      const to = Math.floor(((round_ + 1) * reads) / ROUNDS);
      for (const phase of round_ % 2 === 0 ? order : [...order].reverse()) {
        for (let i = from; i < to; i++) await phase.run(i);
      }
    }
    log(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const latency = {
      select1: phases.select1.samples.summary(),
      pg: phases.pg.samples.summary(),
      ping: phases.ping.samples.summary(),
      redis: phases.redis.samples.summary(),
    };

    log('checking every read against plain SQL');
    await buildExpectedRanks(pool, board);
    const pgChecks = await checkReads(pool, board, pgRecords, COUNT_CHECKS);
    const redisChecks = await checkReads(pool, board, redisRecords, COUNT_CHECKS);

    const awards: AwardsResult = await concurrentAwards({
      databaseUrl: database.url,
      pool,
      userId: measured[measured.length - 1]!,
      calls: env.BENCH_LB_AWARDS,
      keys: env.BENCH_LB_AWARD_KEYS,
      log,
    });

    const mismatches = (c: ReadChecks): number =>
      c.rank_mismatches +
      c.neighbour_mismatches +
      c.top_mismatches +
      c.total_mismatches +
      c.count_query_mismatches;
    const rank_mismatches = mismatches(pgChecks) + mismatches(redisChecks);
    const checks = {
      redis_p99: latency.redis.p99_ms <= TARGET.redis_p99_ms,
      pg_p99: latency.pg.p99_ms <= TARGET.pg_p99_ms,
      reads_correct: rank_mismatches === 0,
      awards_exactly_once: awards.lost_or_doubled === 0 && awards.errors === 0 && awards.xp_ok,
      awards_reported:
        awards.awarded_true === awards.distinct_keys &&
        awards.level_ups_reported === awards.level_ups_expected,
      level_ok: awards.level_ok,
    };
    const pass = Object.values(checks).every(Boolean);
    const summary = (s: LatencySummary) => ({
      p50_ms: s.p50_ms,
      p95_ms: s.p95_ms,
      p99_ms: s.p99_ms,
      max_ms: s.max_ms,
    });
    const output = {
      bench: 'leaderboard',
      users,
      board,
      seed_s: round(seed_s, 1),
      seed: {
        users_s: round(seed.users_s, 1),
        entries_s: round(seed.entries_s, 1),
        vacuum_analyze_s: round(seed.vacuum_analyze_s, 1),
      },
      board_shape: {
        spread: env.BENCH_LB_SPREAD,
        max_seconds: MAX_SECONDS,
        buckets_10s: bucketRows[0]!.buckets,
        largest_bucket_entries: bucketRows[0]!.largest,
      },
      reads,
      pg_p50_ms: latency.pg.p50_ms,
      pg_p95_ms: latency.pg.p95_ms,
      pg_p99_ms: latency.pg.p99_ms,
      pg_max_ms: latency.pg.max_ms,
      redis_rebuild_s: round(redis_rebuild_s, 2),
      redis_set_bytes: redisKeyBytes,
      redis_p50_ms: latency.redis.p50_ms,
      redis_p95_ms: latency.redis.p95_ms,
      redis_p99_ms: latency.redis.p99_ms,
      redis_max_ms: latency.redis.max_ms,
      baseline_pg_select1: summary(latency.select1),
      baseline_redis_ping: summary(latency.ping),
      baseline_pg_select1_p99_ms: latency.select1.p99_ms,
      baseline_redis_ping_p99_ms: latency.ping.p99_ms,
      pg_p99_vs_select1: round(latency.pg.p99_ms / latency.select1.p99_ms, 1),
      redis_p99_vs_ping: round(latency.redis.p99_ms / latency.ping.p99_ms, 1),
      rank_mismatches,
      read_checks: { pg: pgChecks, redis: redisChecks },
      ...awards,
      targets: {
        redis_p99_ms: TARGET.redis_p99_ms,
        pg_p99_ms: TARGET.pg_p99_ms,
        lost_or_doubled: 0,
        rank_mismatches: 0,
      },
      checks,
      pass,
      machine: { cpus: os.cpus().length, node: process.version },
      notes: [
        'Reads are sequential, one at a time, through a pool of 10 (the API default); each read = top 100 + my rank with 2 neighbours either side.',
        'Readers: the first- and last-ranked entries plus entries drawn uniformly (uniform over ranks); every measured read is checked against row_number() over (seconds DESC, entity_id DESC), the first 50 of each store also against 1 + count(*) of the entries ahead.',
        'Seconds per entry drawn by board_shape.spread (bench/leaderboard/database.ts, setseed 0.42); loaded with the bucket trigger disabled and leaderboard_buckets filled by GROUP BY in the same transaction, then VACUUM ANALYZE (stands for autovacuum).',
        'Awards: awardXp with the services of buildApp (NODE_ENV=test, no Redis: in-memory Socket.io adapter, in-process jobs) on the bench database; amounts 50..500 per key.',
      ],
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    log(
      pass
        ? 'PASS'
        : `FAIL: ${Object.entries(checks)
            .filter(([, ok]) => !ok)
            .map(([name]) => name)
            .join(', ')}`,
    );
    return pass;
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (pass) => process.exit(pass ? 0 : 1),
  (err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(2);
  },
);
