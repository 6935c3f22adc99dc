import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { DbHandle } from '@wt/db';
import { levelForXp } from '@wt/schemas';
import { buildApp } from '../../apps/api/src/app';
import { parseEnv } from '../../apps/api/src/env';
import { awardXp, type XpAward } from '../../apps/api/src/modules/gamification/xp';

/*
 * Exactly-once XP under concurrency (issue 7): `calls` awardXp calls for one user at once, carrying `keys`
 * distinct event-task keys (the rest repeat some of them), through the services of a real API instance
 * (buildApp against the bench database, no Redis: Socket.io's in-memory adapter, in-process jobs).
 */

export interface AwardsResult {
  concurrent_awards: number;
  distinct_keys: number;
  /** Keys without an xp_log row plus xp_log rows beyond one per key. */
  lost_or_doubled: number;
  lost: number;
  doubled: number;
  /** Calls that threw (each is an award that may be lost). */
  errors: number;
  /** Calls that reported `awarded: true`: must be one per distinct key. */
  awarded_true: number;
  xp_expected: number;
  xp_actual: number;
  xp_log_sum: number;
  xp_ok: boolean;
  level: number;
  level_ok: boolean;
  /** Calls that reported a level-up: one per level gained. */
  level_ups_reported: number;
  level_ups_expected: number;
  awards_wall_s: number;
  awards_per_s: number;
}

/** The amount of the i-th key: spread over the rule's 50..500. */
const amountOf = (i: number): number => 50 + ((i * 7919) % 451);

/** A small seeded PRNG (mulberry32): the same call order every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function concurrentAwards(options: {
  databaseUrl: string;
  /** The bench's own pool, for the checks afterwards. */
  pool: DbHandle['pool'];
  userId: string;
  calls: number;
  keys: number;
  log: (line: string) => void;
}): Promise<AwardsResult> {
  const { pool, userId, calls, keys } = options;
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
  });
  // The API's logs go to stderr: stdout carries only the result.
  const app = await buildApp({
    env,
    databaseUrl: options.databaseUrl,
    dbMode: 'external',
    logger: pino({ level: env.LOG_LEVEL }, pino.destination(2)),
    redisPrefix: `wt-bench-lb-${process.pid}`,
  });
  try {
    const { services } = app;
    const distinct = Math.min(keys, calls);
    const plan = Array.from({ length: calls }, (_, n) => n % distinct);
    const random = seededRandom(7);
    for (let i = plan.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [plan[i], plan[j]] = [plan[j]!, plan[i]!];
    }
    const keyOf = (i: number) => `task:bench-${i}`;
    options.log(`awards: ${calls} concurrent awardXp calls, ${distinct} distinct keys, one user`);

    const started = performance.now();
    const settled = await Promise.allSettled(
      plan.map((i) => awardXp(services, { userId, rule: 'event_task', key: keyOf(i), amount: amountOf(i) })),
    );
    const awards_wall_s = (performance.now() - started) / 1000;

    const awards = settled
      .filter((s): s is PromiseFulfilledResult<XpAward> => s.status === 'fulfilled')
      .map((s) => s.value);
    const errors = settled.length - awards.length;
    for (const s of settled) if (s.status === 'rejected') options.log(`award failed: ${String(s.reason)}`);

    const { rows: logged } = await pool.query<{ dedupe_key: string; n: number; amount: number }>(
      `SELECT dedupe_key, count(*)::int AS n, sum(amount)::int AS amount FROM xp_log
       WHERE user_id = $1 GROUP BY dedupe_key`,
      [userId],
    );
    const { rows: people } = await pool.query<{ xp: number; level: number }>(
      'SELECT xp, level FROM users WHERE id = $1',
      [userId],
    );
    const person = people[0]!;
    const byKey = new Map(logged.map((r) => [r.dedupe_key, r]));
    let lost = 0;
    let xp_expected = 0;
    for (let i = 0; i < distinct; i++) {
      xp_expected += amountOf(i);
      if (!byKey.has(keyOf(i))) lost++;
    }
    // Rows beyond one per key, and rows for keys that were never awarded.
    const expectedKeys = new Set(Array.from({ length: distinct }, (_, i) => keyOf(i)));
    const doubled = logged.reduce((n, r) => n + (expectedKeys.has(r.dedupe_key) ? r.n - 1 : r.n), 0);
    const xp_log_sum = logged.reduce((n, r) => n + r.amount, 0);
    const level_ups_expected = levelForXp(xp_expected) - levelForXp(0);
    return {
      concurrent_awards: calls,
      distinct_keys: distinct,
      lost_or_doubled: lost + doubled,
      lost,
      doubled,
      errors,
      awarded_true: awards.filter((a) => a.awarded).length,
      xp_expected,
      xp_actual: person.xp,
      xp_log_sum,
      xp_ok: person.xp === xp_expected && xp_log_sum === xp_expected,
      level: person.level,
      level_ok: person.level === levelForXp(person.xp) && person.level === levelForXp(xp_expected),
      level_ups_reported: awards.filter((a) => a.leveledUp).length,
      level_ups_expected,
      awards_wall_s: round(awards_wall_s, 3),
      awards_per_s: Math.round(calls / awards_wall_s),
    };
  } finally {
    await app.close();
  }
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
