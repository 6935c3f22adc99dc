import { randomUUID } from 'node:crypto';
import { InvalidJobDefinitionError, QueueStoppedError, UnknownJobError } from './errors';
import {
  DEFAULT_STOP_TIMEOUT_MS,
  assertValidCron,
  assertValidDefinition,
  nextCronTime,
  parseJobData,
  retryDelayMs,
  runTry,
  settlesWithin,
  toStoredData,
} from './job-runtime';
import type {
  AnyJobDefinition,
  CronSchedule,
  EnqueueOptions,
  EnqueueResult,
  JobCounts,
  JobDataOf,
  JobNameOf,
  QueueLogger,
  StartOptions,
  StopOptions,
  TypedJobQueue,
} from './types';

export interface InProcessJobQueueOptions {
  readonly definitions?: readonly AnyJobDefinition[];
  readonly logger: QueueLogger;
  /** Wall clock for delays and cron; defaults to `Date.now`. Timers are Node's (fakeable in tests). */
  readonly now?: () => number;
}

/** setTimeout fires at once above this (about 24.8 days); longer waits are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface PendingJob {
  readonly id: string;
  readonly name: string;
  /** The JSON form, parsed again before every try, as BullMQ does. */
  readonly data: unknown;
  readonly dedupeKey: string | undefined;
  triesMade: number;
}

interface TimerHandle {
  timeout?: NodeJS.Timeout;
}

interface RunningJob {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

interface JobType {
  readonly def: AnyJobDefinition;
  readonly waiting: PendingJob[];
  readonly delayed: Map<string, { job: PendingJob; timer: TimerHandle }>;
  readonly running: Map<string, RunningJob>;
  completed: number;
  failed: number;
}

interface Schedule {
  readonly key: string;
  readonly cron: string;
  readonly data: unknown;
  readonly timer: TimerHandle;
}

/**
 * Embedded-mode runner: the same definitions as BullMQ, with the same retry/backoff formula, delays,
 * dedupe keys, per-type concurrency and UTC cron schedules, all in memory. Nothing survives a restart;
 * DESIGN.md §2 makes that safe (jobs carry ids and the app re-derives unfinished work at start-up).
 */
export class InProcessJobQueue<
  Defs extends AnyJobDefinition = AnyJobDefinition,
> implements TypedJobQueue<Defs> {
  readonly kind = 'inprocess' as const;
  private readonly logger: QueueLogger;
  private readonly now: () => number;
  private readonly types = new Map<string, JobType>();
  /** `${name}\0${dedupeKey}` -> id of the pending job holding the key. */
  private readonly pendingByKey = new Map<string, string>();
  /** `${name}\0${key}` -> schedule. */
  private readonly schedules = new Map<string, Schedule & { readonly name: string }>();
  private started = false;
  private processing = false;
  private stopped = false;

  constructor(options: InProcessJobQueueOptions) {
    this.logger = options.logger.child({ queue: 'inprocess' });
    this.now = options.now ?? Date.now;
    for (const def of options.definitions ?? []) this.register(def);
  }

  register(def: AnyJobDefinition): void {
    if (this.started) throw new InvalidJobDefinitionError(`Register job "${def.name}" before start().`);
    assertValidDefinition(def);
    if (this.types.has(def.name))
      throw new InvalidJobDefinitionError(`Job "${def.name}" is registered twice.`);
    this.types.set(def.name, {
      def,
      waiting: [],
      delayed: new Map(),
      running: new Map(),
      completed: 0,
      failed: 0,
    });
  }

  async enqueue<Name extends JobNameOf<Defs>>(
    name: Name,
    data: JobDataOf<Defs, Name>,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    if (this.stopped) throw new QueueStoppedError();
    const type = this.typeNamed(name);
    const stored = toStoredData(type.def, parseJobData(type.def, data));
    const { delayMs = 0, dedupeKey } = options;
    if (!Number.isFinite(delayMs) || delayMs < 0)
      throw new RangeError(`delayMs must be >= 0, got ${delayMs}`);
    return this.add(type, stored, dedupeKey, delayMs);
  }

  async schedule<Name extends JobNameOf<Defs>>(
    name: Name,
    schedule: CronSchedule,
    data: JobDataOf<Defs, Name>,
  ): Promise<void> {
    if (this.stopped) throw new QueueStoppedError();
    const type = this.typeNamed(name);
    assertValidCron(name, schedule.cron);
    const stored = toStoredData(type.def, parseJobData(type.def, data));
    const id = `${name}\0${schedule.key}`;
    const previous = this.schedules.get(id);
    if (previous) clearTimeout(previous.timer.timeout);
    const entry = { name, key: schedule.key, cron: schedule.cron, data: stored, timer: {} };
    this.schedules.set(id, entry);
    if (this.processing) this.armSchedule(type, entry, this.now());
  }

  async unschedule(name: JobNameOf<Defs>, key: string): Promise<boolean> {
    const id = `${name}\0${key}`;
    const entry = this.schedules.get(id);
    if (!entry) return false;
    clearTimeout(entry.timer.timeout);
    this.schedules.delete(id);
    return true;
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.stopped) throw new QueueStoppedError();
    if (this.started) return;
    this.started = true;
    if (options.process === false) {
      // Embedded mode has no other process to run the jobs; they wait here until stop drops them.
      this.logger.warn({}, 'in-process queue started without processing: jobs will not run');
      return;
    }
    this.processing = true;
    for (const entry of this.schedules.values())
      this.armSchedule(this.typeNamed(entry.name), entry, this.now());
    for (const type of this.types.values()) this.pump(type);
    this.logger.info(
      { jobTypes: [...this.types.keys()], schedules: this.schedules.size },
      'job queue started',
    );
  }

  async stop(options: StopOptions = {}): Promise<void> {
    if (this.stopped) return;
    const timeoutMs = options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    this.stopped = true;
    this.processing = false;
    for (const entry of this.schedules.values()) clearTimeout(entry.timer.timeout);
    let dropped = 0;
    const running: RunningJob[] = [];
    for (const type of this.types.values()) {
      for (const { job, timer } of type.delayed.values()) {
        clearTimeout(timer.timeout);
        this.releaseKey(job);
      }
      for (const job of type.waiting) this.releaseKey(job);
      dropped += type.delayed.size + type.waiting.length;
      type.delayed.clear();
      type.waiting.length = 0;
      running.push(...type.running.values());
    }
    if (dropped > 0) {
      this.logger.warn({ dropped }, 'pending jobs dropped at stop; the app re-derives them at start-up');
    }
    if (running.length > 0) {
      const finished = await settlesWithin(Promise.allSettled(running.map((r) => r.done)), timeoutMs);
      if (!finished) {
        for (const r of running) r.controller.abort(new QueueStoppedError());
        this.logger.warn({ running: running.length, timeoutMs }, 'stop timed out; running jobs were aborted');
      }
    }
    this.logger.info({}, 'job queue stopped');
  }

  async counts(): Promise<Record<string, JobCounts>> {
    const counts: Record<string, JobCounts> = {};
    for (const [name, type] of this.types) {
      counts[name] = {
        waiting: type.waiting.length,
        active: type.running.size,
        delayed: type.delayed.size,
        completed: type.completed,
        failed: type.failed,
      };
    }
    return counts;
  }

  private typeNamed(name: string): JobType {
    const type = this.types.get(name);
    if (!type) throw new UnknownJobError(name);
    return type;
  }

  private add(type: JobType, data: unknown, dedupeKey: string | undefined, delayMs: number): EnqueueResult {
    const name = type.def.name;
    if (dedupeKey !== undefined) {
      const pending = this.pendingByKey.get(`${name}\0${dedupeKey}`);
      if (pending !== undefined) {
        this.logger.debug({ job: name, jobId: pending, dedupeKey }, 'job deduplicated');
        return { jobId: pending, deduplicated: true };
      }
    }
    const job: PendingJob = { id: randomUUID(), name, data, dedupeKey, triesMade: 0 };
    if (dedupeKey !== undefined) this.pendingByKey.set(`${name}\0${dedupeKey}`, job.id);
    if (delayMs > 0) {
      this.delay(type, job, this.now() + delayMs);
    } else {
      type.waiting.push(job);
      this.pump(type);
    }
    return { jobId: job.id, deduplicated: false };
  }

  private pump(type: JobType): void {
    if (!this.processing) return;
    const limit = type.def.concurrency ?? 1;
    while (type.running.size < limit) {
      const job = type.waiting.shift();
      if (!job) return;
      this.run(type, job);
    }
  }

  private run(type: JobType, job: PendingJob): void {
    job.triesMade += 1;
    const controller = new AbortController();
    const done = this.runTry(type, job, controller).finally(() => {
      type.running.delete(job.id);
      this.pump(type);
    });
    type.running.set(job.id, { controller, done });
  }

  private async runTry(type: JobType, job: PendingJob, controller: AbortController): Promise<void> {
    const { def } = type;
    const attempt = job.triesMade;
    const log = this.logger.child({ job: job.name, jobId: job.id, attempt });
    let data: unknown;
    try {
      data = parseJobData(def, job.data);
    } catch (err) {
      // Written by an older schema: retrying cannot help.
      this.fail(type, job, err, log, attempt);
      return;
    }
    try {
      const ctx = { jobId: job.id, name: job.name, attempt, log, signal: controller.signal };
      await runTry(def, () => def.process(data, ctx), controller);
    } catch (err) {
      if (attempt >= def.retry.attempts) {
        this.fail(type, job, err, log, attempt);
      } else if (this.stopped) {
        this.releaseKey(job);
        log.warn({ err }, 'job try failed during stop; retry dropped (re-derived at start-up)');
      } else {
        const retryInMs = retryDelayMs(def.retry, attempt);
        log.warn({ err, retryInMs }, 'job try failed; will retry');
        this.delay(type, job, this.now() + retryInMs);
      }
      return;
    }
    type.completed += 1;
    this.releaseKey(job);
    log.debug({}, 'job completed');
  }

  private fail(type: JobType, job: PendingJob, err: unknown, log: QueueLogger, tries: number): void {
    type.failed += 1;
    this.releaseKey(job);
    log.error({ err, tries }, 'job failed permanently');
  }

  private delay(type: JobType, job: PendingJob, dueAtMs: number): void {
    const timer: TimerHandle = {};
    type.delayed.set(job.id, { job, timer });
    this.armAt(timer, dueAtMs, () => {
      type.delayed.delete(job.id);
      type.waiting.push(job);
      this.pump(type);
    });
  }

  private armSchedule(type: JobType, entry: Schedule, afterMs: number): void {
    const fireAt = nextCronTime(type.def.name, entry.cron, afterMs);
    this.armAt(entry.timer, fireAt, () => {
      this.add(type, entry.data, undefined, 0);
      // From the later of the planned and actual time: a stalled event loop skips missed runs.
      this.armSchedule(type, entry, Math.max(fireAt, this.now()));
    });
  }

  /** Unref'd, so a pending timer never keeps the process (or a test run) alive. */
  private armAt(handle: TimerHandle, dueAtMs: number, fire: () => void): void {
    const waitMs = Math.min(Math.max(dueAtMs - this.now(), 0), MAX_TIMER_MS);
    handle.timeout = setTimeout(() => {
      if (this.stopped) return;
      if (this.now() < dueAtMs) this.armAt(handle, dueAtMs, fire);
      else fire();
    }, waitMs);
    handle.timeout.unref();
  }

  private releaseKey(job: PendingJob): void {
    if (job.dedupeKey === undefined) return;
    const id = `${job.name}\0${job.dedupeKey}`;
    if (this.pendingByKey.get(id) === job.id) this.pendingByKey.delete(id);
  }
}
