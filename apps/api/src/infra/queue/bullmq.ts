import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type KeepJobs } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import {
  InvalidJobDataError,
  InvalidJobDefinitionError,
  QueueStoppedError,
  QueueUnavailableError,
  UnknownJobError,
} from './errors';
import {
  DEFAULT_STOP_TIMEOUT_MS,
  assertValidCron,
  assertValidDefinition,
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

export interface BullMqJobQueueOptions {
  readonly redisUrl: string;
  readonly definitions?: readonly AnyJobDefinition[];
  readonly logger: QueueLogger;
  /** Redis key prefix of every queue (BullMQ `prefix`). Tests pass a unique one per run. */
  readonly prefix?: string;
  /** How many finished jobs Redis keeps (BullMQ KeepJobs: `age` in seconds, `count`). */
  readonly retention?: { readonly completed?: KeepJobs; readonly failed?: KeepJobs };
  /**
   * Longest wait for Redis in enqueue/schedule/unschedule/counts before `QueueUnavailableError`.
   * BullMQ itself waits forever for a connection that never came up. Default 5000 ms.
   */
  readonly commandTimeoutMs?: number;
}

export const DEFAULT_QUEUE_PREFIX = 'wt';
const DEFAULT_RETENTION = {
  completed: { age: 24 * 3600, count: 1000 },
  failed: { age: 7 * 24 * 3600, count: 5000 },
} as const satisfies Record<string, KeepJobs>;
/** After `stop()` aborts running jobs, how long their failure may take to reach Redis. */
const ABORT_GRACE_MS = 2000;
const DEFAULT_COMMAND_TIMEOUT_MS = 5000;
/** One Redis outage would otherwise log once per reconnect attempt from every queue and worker. */
const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Scaled mode (`REDIS_URL` set): one BullMQ queue and one worker per job type.
 *
 * Queue per type rather than one queue of named jobs: BullMQ concurrency is per worker, so per-type
 * limits (a transcode at 1, e-mails at 10) need a worker each; a flood of one type cannot starve the
 * others; counts and retention are per type; and the queue name in Redis says what it holds. The cost
 * is one blocking Redis connection per job type in each worker process.
 *
 * Connections: producers (queues) share one ioredis client that fails a command after a few retries,
 * so an HTTP request that enqueues during an outage errors instead of hanging; workers share one
 * with `maxRetriesPerRequest: null` (BullMQ's requirement) and BullMQ adds a blocking duplicate each.
 */
export class BullMqJobQueue<Defs extends AnyJobDefinition = AnyJobDefinition> implements TypedJobQueue<Defs> {
  readonly kind = 'bullmq' as const;
  private readonly logger: QueueLogger;
  private readonly redisUrl: string;
  private readonly prefix: string;
  private readonly retention: { completed: KeepJobs; failed: KeepJobs };
  private readonly commandTimeoutMs: number;
  private readonly producerConnection: Redis;
  private workerConnection: Redis | undefined;
  private readonly definitions = new Map<string, AnyJobDefinition>();
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  /** `${name}:${jobId}` -> controller of a try running in this process. */
  private readonly running = new Map<string, AbortController>();
  private readonly lastErrorLogAt = new Map<string, number>();
  private started = false;
  private stopped = false;

  constructor(options: BullMqJobQueueOptions) {
    this.logger = options.logger.child({ queue: 'bullmq' });
    this.redisUrl = options.redisUrl;
    this.prefix = options.prefix ?? DEFAULT_QUEUE_PREFIX;
    this.retention = {
      completed: options.retention?.completed ?? DEFAULT_RETENTION.completed,
      failed: options.retention?.failed ?? DEFAULT_RETENTION.failed,
    };
    this.commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.producerConnection = this.connect('producer', { maxRetriesPerRequest: 3 });
    for (const def of options.definitions ?? []) this.register(def);
  }

  register(def: AnyJobDefinition): void {
    if (this.started) throw new InvalidJobDefinitionError(`Register job "${def.name}" before start().`);
    assertValidDefinition(def);
    if (this.definitions.has(def.name)) {
      throw new InvalidJobDefinitionError(`Job "${def.name}" is registered twice.`);
    }
    this.definitions.set(def.name, def);
    this.shareListeners(this.producerConnection);
    const queue = new Queue(def.name, { connection: this.producerConnection, prefix: this.prefix });
    queue.on('error', (err) => this.logRedisError(`queue:${def.name}`, err));
    this.queues.set(def.name, queue);
  }

  async enqueue<Name extends JobNameOf<Defs>>(
    name: Name,
    data: JobDataOf<Defs, Name>,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    if (this.stopped) throw new QueueStoppedError();
    const { def, queue } = this.typeNamed(name);
    const stored = toStoredData(def, parseJobData(def, data));
    const { delayMs = 0, dedupeKey } = options;
    if (!Number.isFinite(delayMs) || delayMs < 0)
      throw new RangeError(`delayMs must be >= 0, got ${delayMs}`);
    // Our own id tells a new job from a deduplicated one: BullMQ returns the pending job's id.
    const jobId = randomUUID();
    const job = await this.bounded(
      `enqueue ${name}`,
      queue.add(name, stored, {
        ...this.jobOptions(def),
        jobId,
        ...(delayMs > 0 ? { delay: delayMs } : {}),
        ...(dedupeKey !== undefined ? { deduplication: { id: dedupeKey } } : {}),
      }),
    );
    const id = job.id ?? jobId;
    if (id !== jobId) this.logger.debug({ job: name, jobId: id, dedupeKey }, 'job deduplicated');
    return { jobId: id, deduplicated: id !== jobId };
  }

  async schedule<Name extends JobNameOf<Defs>>(
    name: Name,
    schedule: CronSchedule,
    data: JobDataOf<Defs, Name>,
  ): Promise<void> {
    if (this.stopped) throw new QueueStoppedError();
    const { def, queue } = this.typeNamed(name);
    assertValidCron(name, schedule.cron);
    const stored = toStoredData(def, parseJobData(def, data));
    await this.bounded(
      `schedule ${name}`,
      queue.upsertJobScheduler(
        schedule.key,
        { pattern: schedule.cron, tz: 'UTC' },
        { name, data: stored, opts: this.jobOptions(def) },
      ),
    );
  }

  async unschedule(name: JobNameOf<Defs>, key: string): Promise<boolean> {
    return this.bounded(`unschedule ${name}`, this.typeNamed(name).queue.removeJobScheduler(key));
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.stopped) throw new QueueStoppedError();
    if (this.started) return;
    this.started = true;
    if (options.process === false) {
      this.logger.info({ jobTypes: [...this.definitions.keys()] }, 'job queue started (producer only)');
      return;
    }
    const connection = this.connect('worker', { maxRetriesPerRequest: null });
    this.workerConnection = connection;
    for (const def of this.definitions.values()) {
      this.shareListeners(connection);
      const worker = new Worker(
        def.name,
        (job: Job, _token?: string, signal?: AbortSignal) => this.process(def, job, signal),
        {
          connection,
          prefix: this.prefix,
          concurrency: def.concurrency ?? 1,
        },
      );
      worker.on('failed', (job, err) => this.onFailed(def, job, err));
      worker.on('error', (err) => this.logRedisError(`worker:${def.name}`, err));
      worker.on('stalled', (jobId) =>
        this.logger.warn(
          { job: def.name, jobId },
          'job stalled (its worker died or blocked); BullMQ requeues or fails it',
        ),
      );
      this.workers.push(worker);
    }
    this.logger.info({ jobTypes: [...this.definitions.keys()] }, 'job queue started');
  }

  async stop(options: StopOptions = {}): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const timeoutMs = options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    if (this.workers.length > 0) {
      // close() stops fetching, then waits for running tries to finish and reach Redis.
      const closing = Promise.allSettled(this.workers.map((w) => w.close()));
      if (!(await settlesWithin(closing, timeoutMs))) {
        this.logger.warn({ running: this.running.size, timeoutMs }, 'stop timed out; aborting running jobs');
        for (const controller of this.running.values()) controller.abort(new QueueStoppedError());
        if (!(await settlesWithin(closing, ABORT_GRACE_MS))) {
          // Their locks expire and another worker retries them as stalled jobs.
          this.logger.warn({ running: this.running.size }, 'jobs ignored their abort signal; leaving them');
        }
      }
    }
    await settlesWithin(Promise.allSettled([...this.queues.values()].map((q) => q.close())), ABORT_GRACE_MS);
    await Promise.all([closeConnection(this.producerConnection), closeConnection(this.workerConnection)]);
    this.logger.info({}, 'job queue stopped');
  }

  async counts(): Promise<Record<string, JobCounts>> {
    const entries = await Promise.all(
      [...this.queues].map(async ([name, queue]) => {
        const c = await this.bounded(
          `counts ${name}`,
          queue.getJobCounts('waiting', 'prioritized', 'paused', 'active', 'delayed', 'completed', 'failed'),
        );
        const counts: JobCounts = {
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          completed: c.completed ?? 0,
          failed: c.failed ?? 0,
        };
        return [name, counts] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  private typeNamed(name: string): { def: AnyJobDefinition; queue: Queue } {
    const def = this.definitions.get(name);
    const queue = this.queues.get(name);
    if (!def || !queue) throw new UnknownJobError(name);
    return { def, queue };
  }

  private async bounded<T>(operation: string, pending: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new QueueUnavailableError(operation, this.commandTimeoutMs)),
        this.commandTimeoutMs,
      );
    });
    try {
      return await Promise.race([pending, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private jobOptions(def: AnyJobDefinition) {
    return {
      attempts: def.retry.attempts,
      backoff: { type: def.retry.backoff.type, delay: def.retry.backoff.delayMs },
      removeOnComplete: this.retention.completed,
      removeOnFail: this.retention.failed,
    } satisfies JobsOptions;
  }

  private async process(def: AnyJobDefinition, job: Job, signal: AbortSignal | undefined): Promise<void> {
    const jobId = job.id ?? '';
    const attempt = job.attemptsMade + 1;
    const log = this.logger.child({ job: def.name, jobId, attempt });
    let data: unknown;
    try {
      data = parseJobData(def, job.data);
    } catch (err) {
      // Written by an older schema: retrying cannot help.
      if (err instanceof InvalidJobDataError) throw new UnrecoverableError(err.message);
      throw err;
    }
    const controller = new AbortController();
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    const key = `${def.name}:${jobId}`;
    this.running.set(key, controller);
    try {
      await runTry(
        def,
        () => def.process(data, { jobId, name: def.name, attempt, log, signal: controller.signal }),
        controller,
      );
      log.debug({}, 'job completed');
    } finally {
      this.running.delete(key);
      signal?.removeEventListener('abort', forward);
    }
  }

  private onFailed(def: AnyJobDefinition, job: Job | undefined, err: Error): void {
    if (!job) {
      this.logger.error({ err, job: def.name }, 'job failed permanently');
      return;
    }
    // BullMQ has already counted this try in attemptsMade, and set finishedOn if it was the last.
    const tries = job.attemptsMade;
    const log = this.logger.child({ job: def.name, jobId: job.id, attempt: tries });
    const final =
      Boolean(job.finishedOn) || err instanceof UnrecoverableError || tries >= (job.opts.attempts ?? 1);
    if (final) log.error({ err, tries }, 'job failed permanently');
    else log.warn({ err, retryInMs: retryDelayMs(def.retry, tries) }, 'job try failed; will retry');
  }

  private connect(role: string, options: RedisOptions): Redis {
    const connection = new Redis(this.redisUrl, { ...options, connectionName: `wt-jobs-${role}` });
    // Without a listener an 'error' event would crash the process; ioredis reconnects by itself.
    connection.on('error', (err) => this.logRedisError(`redis:${role}`, err));
    return connection;
  }

  /** Every queue and worker sharing a client adds listeners to it; raise the limit to match. */
  private shareListeners(connection: Redis): void {
    connection.setMaxListeners(connection.getMaxListeners() + 4);
  }

  private logRedisError(source: string, err: Error): void {
    const now = Date.now();
    const last = this.lastErrorLogAt.get(source);
    if (last !== undefined && now - last < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLogAt.set(source, now);
    this.logger.warn({ err, source }, 'job queue Redis error; retrying');
  }
}

async function closeConnection(connection: Redis | undefined): Promise<void> {
  if (!connection || connection.status === 'end') return;
  if (connection.status === 'ready' && (await settlesWithin(connection.quit(), ABORT_GRACE_MS))) return;
  connection.disconnect();
}
