/*
 * `pnpm bench:rooms` (issue 4, "Speed"): chat latency of one API instance with 2,000 sockets in 200 rooms
 * of 10 plus one room of 50 at 500 messages per second, against a bare Socket.io server carrying the same
 * messages to the same sockets, measured in the same run (STYLE pattern 10: ratios, not absolute times).
 *
 * Steps: a fresh database `wt_bench_<ts>` on the PostgreSQL server of DATABASE_URL (migrated with @wt/db),
 * users and sessions written in bulk; the baseline server with its load process connected and joined; a
 * second, "persisting" baseline that INSERTs each message before broadcasting it (not part of the target:
 * it tells the cost of storing a message from the cost of the API's own work); the API server (buildApp),
 * rooms created through tRPC, its load process connected and joined; a warm-up of each; then measured
 * phases taking turns (baseline, persisting, API, API, persisting, baseline, ...) so that the noise of
 * this shared two-core machine falls on all alike; everything stopped and the database dropped.
 * Stdout carries one JSON object; progress and the servers' logs go to stderr.
 *
 *   pnpm bench:rooms            single instance, no Redis (the issue's setting)
 *   pnpm bench:rooms --redis    the API in its Redis mode (REDIS_URL, default redis://127.0.0.1:6379)
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { loadBenchEnv } from './env';
import { benchApiEnv } from './rooms/api-env';
import type { CpuWindow } from './rooms/cpu';
import { createBenchDatabase, perMessage, type BenchDatabase, type DbPerMessage } from './rooms/database';
import { baselineRooms, benchMembers, createBenchUsers, createRoomsThroughApi } from './rooms/fixtures';
import {
  roomLayout,
  type ApiServerConfig,
  type BaselineServerConfig,
  type BenchMember,
  type BenchRoom,
  type LoadPlan,
  type LoadResult,
  type LoopWindow,
} from './rooms/plan';
import { profileDir, startLoad, startServer, type LoadDriver, type RunningServer } from './rooms/processes';

const TARGET = { p99_ms: 50, ratio: 1.5 } as const;
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** After the last send of a phase, deliveries still in flight get this long before they count as lost. */
const DRAIN_MS = 5_000;
/** Unmeasured sending at the start of every phase after the first warm-up: the rate settles first. */
const PHASE_WARMUP_SECONDS = 0.5;

const log = (line: string): void => {
  process.stderr.write(`[bench:rooms] ${line}\n`);
};

interface Side {
  name: 'baseline' | 'baseline_db' | 'api';
  server: RunningServer;
  load: LoadDriver;
  database: BenchDatabase | null;
}

type SideResult = LoadResult & {
  server_cpu_pct: number | null;
  /** PostgreSQL backends of the bench database, percent of one core. */
  db_cpu_pct: number | null;
  machine_busy_pct: number | null;
  db_per_msg: DbPerMessage | null;
  /** The server's own event loop over the measured phases: did the server stall, and was it GC? */
  server_loop: {
    phases_delay_max_ms: number[];
    delay_p99_ms_mean: number;
    gc_ms_total: number;
    gc_max_ms: number;
    gc_count: number;
  };
};

const mean = (values: (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
};

function serverLoop(loops: LoopWindow[]): SideResult['server_loop'] {
  const sum = (f: (w: LoopWindow) => number) => loops.reduce((a, w) => a + f(w), 0);
  return {
    phases_delay_max_ms: loops.map((w) => w.delay_max_ms),
    delay_p99_ms_mean: loops.length ? Math.round((sum((w) => w.delay_p99_ms) / loops.length) * 100) / 100 : 0,
    gc_ms_total: Math.round(sum((w) => w.gc_ms)),
    gc_max_ms: Math.max(0, ...loops.map((w) => w.gc_max_ms)),
    gc_count: sum((w) => w.gc_count),
  };
}

async function resultOf(side: Side): Promise<SideResult> {
  const result = await side.load.finish();
  // Phases are equally long: the mean of the windows is the CPU over all of them.
  const windows: CpuWindow[] = side.load.windows;
  return {
    ...result,
    server_cpu_pct: mean(windows.map((w) => w.server_pct)),
    db_cpu_pct: side.database ? mean(await side.load.dbCpu()) : null,
    machine_busy_pct: mean(windows.map((w) => w.machine_busy_pct)),
    db_per_msg: side.database ? perMessage(await side.load.dbWork(), result.sent) : null,
    server_loop: serverLoop(await side.load.loops()),
  };
}

function describe(name: string, r: SideResult): string {
  return (
    `${name}: ${r.msgs_per_s} msg/s, p50 ${r.latency.p50_ms} ms, p99 ${r.latency.p99_ms} ms (phases ${r.phases_p99_ms.join(', ')}), ` +
    `max ${r.latency.max_ms} ms, lost ${r.lost}, refused ${JSON.stringify(r.refused)}, server cpu ${r.server_cpu_pct}%, db cpu ${r.db_cpu_pct ?? '-'}%, ` +
    `machine ${r.machine_busy_pct}%, load loop p99 ${r.load_loop_delay_p99_ms} ms, ` +
    `server loop max per phase ${r.server_loop.phases_delay_max_ms.join(', ')} ms, GC ${r.server_loop.gc_ms_total} ms in ${r.server_loop.gc_count} pauses (max ${r.server_loop.gc_max_ms} ms)`
  );
}

async function main(): Promise<void> {
  const env = loadBenchEnv();
  const useRedis = process.argv.includes('--redis');
  const serverUrl = env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const layout = roomLayout(env.BENCH_ROOMS);
  const memberCount = layout.reduce((a, b) => a + b, 0);
  const phaseSeconds = env.BENCH_SECONDS / env.BENCH_ROUNDS;
  const stamp = Date.now();
  const planOf = (url: string, rooms: BenchRoom[], members: BenchMember[]): LoadPlan => ({
    url,
    namespace: '/rooms',
    rooms,
    members,
    rate: env.BENCH_RATE,
    drainMs: DRAIN_MS,
    // Each phase rounds its two counts: one message more per count at most.
    maxMessages:
      Math.ceil(
        env.BENCH_RATE *
          (env.BENCH_WARMUP_SECONDS + env.BENCH_SECONDS + env.BENCH_ROUNDS * PHASE_WARMUP_SECONDS),
      ) +
      2 * (env.BENCH_ROUNDS + 1),
  });

  log(
    `${memberCount} sockets in ${layout.length} rooms, ${env.BENCH_RATE} msg/s, warm-up ${env.BENCH_WARMUP_SECONDS} s, ` +
      `measured ${env.BENCH_SECONDS} s per server in ${env.BENCH_ROUNDS} alternating phases${useRedis ? ', API in Redis mode' : ''}`,
  );
  const database = await createBenchDatabase(serverUrl, log);
  const sides: Side[] = [];
  const servers: RunningServer[] = [];
  const cleanUp = async (): Promise<void> => {
    await Promise.allSettled(sides.map((s) => s.load.kill()));
    await Promise.allSettled(servers.map((s) => s.stop()));
    await database.drop();
  };
  const onSignal = (): void => {
    log('interrupted: stopping the processes and dropping the database');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const apiConfig: ApiServerConfig = {
      databaseUrl: database.url,
      authSecret: randomBytes(32).toString('hex'),
      redisUrl: useRedis ? (env.REDIS_URL ?? DEFAULT_REDIS_URL) : null,
      redisPrefix: `wt-bench-${stamp}`,
    };
    const users = await createBenchUsers(database.handle.db, memberCount, new Date());
    const { members, leaders } = await benchMembers(benchApiEnv(apiConfig), users, layout);
    log(`${users.length} users with sessions and access tokens`);

    const wanted = (name: Side['name']): boolean => env.BENCH_ONLY === 'all' || env.BENCH_ONLY === name;
    for (const name of ['baseline', 'baseline_db'] as const) {
      if (!wanted(name)) continue;
      const config: BaselineServerConfig = { databaseUrl: name === 'baseline_db' ? database.url : null };
      const server = await startServer(
        'baseline-server.ts',
        config,
        env.BENCH_PROFILE ? `${name}-${stamp}` : null,
      );
      servers.push(server);
      const side: Side = {
        name,
        server,
        load: startLoad(server, config.databaseUrl ? database : null),
        database: config.databaseUrl ? database : null,
      };
      sides.push(side);
      log(`${name} server on ${server.url}: connecting and joining`);
      await side.load.prepare(planOf(server.url, baselineRooms(leaders), members));
    }
    if (wanted('api')) {
      const server = await startServer('api-server.ts', apiConfig, env.BENCH_PROFILE ? `api-${stamp}` : null);
      servers.push(server);
      log(`API server on ${server.url}: creating ${layout.length} rooms through rooms.create`);
      const rooms = await createRoomsThroughApi(server.url, members, leaders, layout);
      const side: Side = { name: 'api', server, load: startLoad(server, database), database };
      sides.push(side);
      log('API: connecting and joining');
      await side.load.prepare(planOf(server.url, rooms, members));
    }

    for (const side of sides) {
      log(`${side.name}: warm-up`);
      await side.load.phase({ warmupSeconds: env.BENCH_WARMUP_SECONDS, seconds: 0 });
    }
    for (let round = 0; round < env.BENCH_ROUNDS; round++) {
      // Forwards, then backwards (ABBA): a drift in the machine's load over the run favours no side.
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        log(`${side.name}: phase ${round + 1} of ${env.BENCH_ROUNDS}`);
        await side.load.phase({ warmupSeconds: PHASE_WARMUP_SECONDS, seconds: phaseSeconds });
      }
    }

    // One presence sweep (every instance runs one each 30 s), timed while every member is connected.
    const apiSide = sides.find((s) => s.name === 'api');
    let sweep: { ms: number; statements: number } | null = null;
    if (apiSide) {
      const answer = await apiSide.server.ask({ type: 'sweep' }, 'swept');
      if (answer.type === 'swept') sweep = { ms: answer.ms, statements: answer.statements };
      log(`api: one presence sweep took ${sweep?.ms} ms and ${sweep?.statements} statements`);
    }

    const results: Partial<Record<Side['name'], SideResult>> = {};
    for (const side of sides) {
      results[side.name] = await resultOf(side);
      log(describe(side.name, results[side.name]!));
    }
    if (env.BENCH_PROFILE) log(`CPU profiles in ${profileDir} (written when the servers stop)`);

    const { api, baseline, baseline_db: persisting } = results;
    const primary = (api ?? baseline ?? persisting)!;
    const ratioTo = (other: SideResult | undefined): number | null =>
      api && other ? Math.round((api.latency.p99_ms / other.latency.p99_ms) * 100) / 100 : null;
    const ratio = ratioTo(baseline);
    const output = {
      bench: 'rooms',
      sockets: primary.sockets,
      rooms: primary.rooms,
      msgs_per_s: primary.msgs_per_s,
      p50_ms: api?.latency.p50_ms ?? null,
      p99_ms: api?.latency.p99_ms ?? null,
      baseline_p50_ms: baseline?.latency.p50_ms ?? null,
      baseline_p99_ms: baseline?.latency.p99_ms ?? null,
      ratio,
      target: TARGET,
      meets_target:
        api && ratio !== null
          ? api.latency.p99_ms <= TARGET.p99_ms && ratio <= TARGET.ratio && api.lost === 0
          : null,
      lost: api?.lost ?? null,
      refused: api?.refused ?? null,
      baseline_lost: baseline?.lost ?? null,
      // Not part of the target: the same baseline storing each message with one INSERT first.
      persisting_baseline_p50_ms: persisting?.latency.p50_ms ?? null,
      persisting_baseline_p99_ms: persisting?.latency.p99_ms ?? null,
      ratio_to_persisting_baseline: ratioTo(persisting),
      api_presence_sweep: sweep,
      load_loop_delay_p99_ms: api?.load_loop_delay_p99_ms ?? null,
      baseline_load_loop_delay_p99_ms: baseline?.load_loop_delay_p99_ms ?? null,
      api: api ?? null,
      baseline: baseline ?? null,
      persisting_baseline: persisting ?? null,
      settings: {
        rate: env.BENCH_RATE,
        warmup_s: env.BENCH_WARMUP_SECONDS,
        measured_s: env.BENCH_SECONDS,
        rounds: env.BENCH_ROUNDS,
        phase_warmup_s: PHASE_WARMUP_SECONDS,
        drain_ms: DRAIN_MS,
        redis: useRedis,
        cpus: os.cpus().length,
        node: process.version,
      },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
