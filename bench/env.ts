import { z } from 'zod';

/** Benchmark settings: the one place the benchmarks read process.env. */
const benchEnvSchema = z.object({
  /** Measured seconds per server (after the warm-up), split into BENCH_ROUNDS phases that alternate between the servers. */
  BENCH_SECONDS: z.coerce.number().positive().default(20),
  BENCH_ROUNDS: z.coerce.number().int().positive().default(10),
  BENCH_WARMUP_SECONDS: z.coerce.number().min(0).default(5),
  /** Chat messages per second, in aggregate over all rooms. */
  BENCH_RATE: z.coerce.number().int().positive().default(500),
  /** Which servers to measure; `all` is the real benchmark, the others are for development. */
  BENCH_ONLY: z.enum(['all', 'api', 'baseline', 'baseline_db']).default('all'),
  /** Writes a V8 CPU profile of each server process to .data/bench-profiles. */
  BENCH_PROFILE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** Smaller layouts for development runs: rooms of 10 (the one room of 50 is always there). */
  BENCH_ROOMS: z.coerce.number().int().min(0).default(200),
  /** bench:leaderboard: users seeded, each with one entry on the current weekly board (50000 for a dev run). */
  BENCH_LB_USERS: z.coerce.number().int().min(1000).default(1_000_000),
  /** bench:leaderboard: measured reads (top 100 + my rank) per store, after BENCH_LB_WARMUP unmeasured ones. */
  BENCH_LB_READS: z.coerce.number().int().min(100).default(2000),
  BENCH_LB_WARMUP: z.coerce.number().int().min(0).default(200),
  /** bench:leaderboard: how watch seconds spread over the board (bench/leaderboard/database.ts). */
  BENCH_LB_SPREAD: z.enum(['lognormal', 'cubic']).default('lognormal'),
  /** bench:leaderboard: concurrent awardXp calls for one user, and how many distinct keys they carry. */
  BENCH_LB_AWARDS: z.coerce.number().int().min(2).default(1000),
  BENCH_LB_AWARD_KEYS: z.coerce.number().int().min(1).default(800),
  /** bench:publish: length of the 1080x1920 source clip (the setting: 90). */
  BENCH_PUBLISH_SECONDS: z.coerce.number().int().min(3).default(90),
  /** A PostgreSQL server whose user may CREATE DATABASE; unset: postgres://postgres@127.0.0.1:5432/postgres. */
  DATABASE_URL: z.string().url().optional(),
  /** With `--redis`: the API uses its Redis mode (streams adapter, BullMQ, Redis rate limits); unset: redis://127.0.0.1:6379. */
  REDIS_URL: z.string().url().optional(),
});

export type BenchEnv = z.infer<typeof benchEnvSchema>;

export function loadBenchEnv(): BenchEnv {
  const cleaned = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''),
  );
  return benchEnvSchema.parse(cleaned);
}

/**
 * The environment for a child process that reads its own settings from process.env (the platform's
 * scripts/start.mjs): this process's, with `overrides` on top (an empty string unsets a variable for
 * the apps, which treat '' as unset).
 */
export function childProcessEnv(overrides: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
