import type { z } from 'zod';

/**
 * The job-queue port. Two adapters implement it: `inprocess.ts` (embedded mode, no Redis) and
 * `bullmq.ts` (scaled mode, `REDIS_URL` set). Both run the same definitions and pass the same
 * contract suite (`queue.contract.ts`).
 *
 * A job carries ids, not state: its data is the smallest JSON object that lets the processor
 * re-derive everything from PostgreSQL, and the processor is idempotent (it may run more than once:
 * retries, a worker that died mid-job, a duplicate enqueue after the first one finished).
 */

/** The subset of a pino logger the queue uses; a pino or Fastify logger satisfies it. */
export interface QueueLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): QueueLogger;
}

export type BackoffType = 'fixed' | 'exponential';

export interface RetryPolicy {
  /** Total tries, the first run included (BullMQ `attempts`). 1 means never retried. */
  readonly attempts: number;
  /**
   * Wait before the retry that follows failed try n (n = 1, 2, ...):
   * fixed: `delayMs`; exponential: `delayMs * 2^(n-1)` (BullMQ's built-in formula, no jitter).
   */
  readonly backoff: { readonly type: BackoffType; readonly delayMs: number };
}

export interface JobContext {
  /** Stable across the retries of one job. */
  readonly jobId: string;
  readonly name: string;
  /** 1 on the first try, 2 on the first retry, ... */
  readonly attempt: number;
  /** Bound to `{ job, jobId, attempt }`. */
  readonly log: QueueLogger;
  /**
   * Aborted when the try exceeds `timeoutMs`, or when `stop()` stops waiting for it. A processor
   * doing long I/O should pass it on (fetch, child processes) or check it between steps.
   */
  readonly signal: AbortSignal;
}

/**
 * One named job type with its own retry policy (PeerTube style). `schema` is checked on enqueue and
 * again when the job is processed (a job may have been written by an older deploy). The parsed value
 * is stored as JSON and parsed again before processing, so the schema must be JSON-safe and
 * idempotent: `parse(parse(x))` must succeed (plain ids, strings, numbers; no Dates, no
 * shape-changing transforms).
 */
export interface JobDefinition<Name extends string = string, Data = unknown> {
  /** Unique; also the BullMQ queue name, so no ':' (letters, digits, '.', '-', '_'). */
  readonly name: Name;
  readonly schema: z.ZodType<Data>;
  process(data: Data, ctx: JobContext): Promise<void>;
  readonly retry: RetryPolicy;
  /** Tries of this type run at once, per process. Default 1. */
  readonly concurrency?: number;
  /** A try running longer fails with `JobTimeoutError` (and its signal is aborted). */
  readonly timeoutMs?: number;
}

/** Any definition, whatever its name and data; the queue's default type parameter. */
// The method syntax of `process` makes this assignable from every concrete definition.
export type AnyJobDefinition = JobDefinition<string, unknown>;

/** Identity helper that infers `Name` and `Data` from the literal. */
export function defineJob<const Name extends string, Data>(
  definition: JobDefinition<Name, Data>,
): JobDefinition<Name, Data> {
  return definition;
}

export type JobNameOf<Defs extends AnyJobDefinition> = Defs['name'];

/** The data type of job `Name`; `unknown` for an untyped queue (`JobQueue` with no type argument). */
export type JobDataOf<Defs extends AnyJobDefinition, Name extends string> = string extends Defs['name']
  ? unknown
  : Defs extends JobDefinition<Name, infer Data>
    ? Data
    : never;

export interface EnqueueOptions {
  /**
   * While a job with this key is pending (waiting, delayed, running or waiting for a retry), enqueuing
   * the same job name with the same key is a no-op that returns the pending job's id. Once that job
   * has completed or finally failed, the key is free again. BullMQ: `deduplication: { id }`.
   */
  readonly dedupeKey?: string;
  /** Run no earlier than this many ms from now. */
  readonly delayMs?: number;
}

export interface EnqueueResult {
  readonly jobId: string;
  /** True when `dedupeKey` matched a pending job and nothing new was enqueued. */
  readonly deduplicated: boolean;
}

export interface CronSchedule {
  /**
   * Unique per job name; scheduling the same key again replaces the schedule (upsert), so every
   * process can call `schedule()` at start-up.
   */
  readonly key: string;
  /**
   * Cron pattern evaluated in UTC: 5 fields (`0 0 * * 1` = Mondays 00:00 UTC) or 6 with a leading
   * seconds field (`* * * * * *`).
   */
  readonly cron: string;
}

export interface StartOptions {
  /**
   * false = producer only (the API process when `src/worker.ts` runs the processors). Only
   * meaningful for BullMQ: the in-process queue is the only one that can ever run its jobs.
   */
  readonly process?: boolean;
}

export interface StopOptions {
  /** How long to wait for running jobs before aborting their signals. Default 10 000 ms. */
  readonly timeoutMs?: number;
}

export interface JobCounts {
  readonly waiting: number;
  readonly active: number;
  /** Delayed jobs, jobs waiting for a retry, and (BullMQ) the next run of each cron schedule. */
  readonly delayed: number;
  /** BullMQ: retained records (bounded by removeOnComplete). In-process: since start. */
  readonly completed: number;
  /** BullMQ: retained records (bounded by removeOnFail). In-process: since start. */
  readonly failed: number;
}

export type QueueKind = 'bullmq' | 'inprocess';

/**
 * The port services depend on. Untyped by job (names are strings; data is checked by the job's schema
 * at runtime), so every module can take it. `TypedJobQueue` narrows names and data at compile time.
 */
export interface JobQueue {
  readonly kind: QueueKind;
  /** Adds a job type. Allowed until `start()`; lets modules register after the queue exists. */
  register(definition: AnyJobDefinition): void;
  /** Validates `data` with the job's schema (throws `InvalidJobDataError`) and enqueues it. */
  enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** Repeats the job on a UTC cron pattern; each run is a job with the type's retry policy. */
  schedule(name: string, schedule: CronSchedule, data: unknown): Promise<void>;
  /** Returns false when no schedule had that key. */
  unschedule(name: string, key: string): Promise<boolean>;
  /** Begins processing (unless `process: false`) and arms cron schedules. */
  start(options?: StartOptions): Promise<void>;
  /**
   * Stops taking jobs, waits for running ones up to `timeoutMs`, aborts the rest, then closes
   * connections. Not restartable. In-process: pending jobs are dropped (they are re-derived from the
   * database at start-up); BullMQ: they stay in Redis.
   */
  stop(options?: StopOptions): Promise<void>;
  /** Per job name, for health checks and the admin page. */
  counts(): Promise<Record<string, JobCounts>>;
}

/** A `JobQueue` whose names and data are checked against `Defs` at compile time as well. */
export interface TypedJobQueue<Defs extends AnyJobDefinition> extends JobQueue {
  enqueue<Name extends JobNameOf<Defs>>(
    name: Name,
    data: JobDataOf<Defs, Name>,
    options?: EnqueueOptions,
  ): Promise<EnqueueResult>;
  schedule<Name extends JobNameOf<Defs>>(
    name: Name,
    schedule: CronSchedule,
    data: JobDataOf<Defs, Name>,
  ): Promise<void>;
  unschedule(name: JobNameOf<Defs>, key: string): Promise<boolean>;
}
