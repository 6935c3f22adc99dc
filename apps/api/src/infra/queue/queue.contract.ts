import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { InvalidCronError, InvalidJobDataError, UnknownJobError } from './errors';
import { defineJob, type AnyJobDefinition, type JobContext, type JobQueue, type QueueLogger } from './types';

/**
 * The behaviour every JobQueue adapter must share. Run by `inprocess.test.ts` and, against a real
 * Redis, by `bullmq.integration.test.ts`. Timing checks use real time with margins; each test makes
 * its own queue (the BullMQ factory gives each one its own Redis prefix).
 */

export interface LogEntry {
  level: number;
  msg: string;
  job?: string;
  jobId?: string;
  attempt?: number;
  tries?: number;
  err?: { type?: string; message?: string };
  [key: string]: unknown;
}

export interface ContractQueueOptions {
  definitions: AnyJobDefinition[];
  logger: QueueLogger;
}

export type JobQueueFactory = (options: ContractQueueOptions) => JobQueue | Promise<JobQueue>;

const PINO_ERROR = 50;
const PINO_WARN = 40;

/** A real pino logger whose JSON lines are kept for assertions. */
export function captureLogger(): { logger: QueueLogger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void entries.push(JSON.parse(line) as LogEntry) },
  );
  return { logger, entries };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function waitUntil(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  return vi.waitFor(check, { timeout: timeoutMs, interval: 20 });
}

interface Run {
  data: unknown;
  ctx: JobContext;
  at: number;
}

/** A deferred the test resolves to let a running job finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

function untilAborted(signal: AbortSignal, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function describeJobQueueContract(name: string, factory: JobQueueFactory): void {
  describe(`JobQueue contract: ${name}`, () => {
    const open: JobQueue[] = [];

    async function setup(definitions: AnyJobDefinition[]) {
      const { logger, entries } = captureLogger();
      const queue = await factory({ definitions, logger });
      open.push(queue);
      return { queue, logs: entries };
    }

    afterEach(async () => {
      await Promise.all(open.splice(0).map((queue) => queue.stop({ timeoutMs: 1000 })));
    });

    it('runs a job with its validated data and context', async () => {
      const runs: Run[] = [];
      const greet = defineJob({
        name: 'contract.greet',
        schema: z.object({ userId: z.string().min(1) }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        async process(data, ctx) {
          runs.push({ data, ctx, at: Date.now() });
        },
      });
      const { queue } = await setup([greet]);
      await queue.start();
      // Unknown keys are stripped by the schema: the processor sees the parsed value.
      const { jobId, deduplicated } = await queue.enqueue('contract.greet', { userId: 'u1', stray: true });
      expect(deduplicated).toBe(false);
      await waitUntil(() => expect(runs).toHaveLength(1));
      expect(runs[0]?.data).toEqual({ userId: 'u1' });
      expect(runs[0]?.ctx).toMatchObject({ jobId, name: 'contract.greet', attempt: 1 });
      expect(runs[0]?.ctx.signal.aborted).toBe(false);
      await waitUntil(async () =>
        expect((await queue.counts())['contract.greet']).toMatchObject({ completed: 1, failed: 0 }),
      );
    });

    it('refuses invalid data and unknown job names at enqueue with a clear error', async () => {
      const runs: Run[] = [];
      const greet = defineJob({
        name: 'contract.strict',
        schema: z.object({ userId: z.string().min(1) }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        async process(data, ctx) {
          runs.push({ data, ctx, at: Date.now() });
        },
      });
      const { queue } = await setup([greet]);
      await queue.start();
      const refused = queue.enqueue('contract.strict', { userId: 42 });
      await expect(refused).rejects.toBeInstanceOf(InvalidJobDataError);
      await expect(refused).rejects.toThrow(/Invalid data for job "contract\.strict"[\s\S]*userId/);
      await expect(queue.enqueue('contract.nope', {})).rejects.toBeInstanceOf(UnknownJobError);
      await expect(
        queue.schedule('contract.strict', { key: 'bad', cron: 'every monday' }, { userId: 'u1' }),
      ).rejects.toBeInstanceOf(InvalidCronError);
      await sleep(100);
      expect(runs).toHaveLength(0);
      expect((await queue.counts())['contract.strict']).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
        completed: 0,
        failed: 0,
      });
    });

    it('retries a failing job with its own backoff: fails twice, succeeds on try 3', async () => {
      const runs: Run[] = [];
      const flaky = defineJob({
        name: 'contract.flaky',
        schema: z.object({ id: z.string() }),
        retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 100 } },
        async process(data, ctx) {
          runs.push({ data, ctx, at: Date.now() });
          if (ctx.attempt < 3) throw new Error(`flaky failure ${ctx.attempt}`);
        },
      });
      const { queue, logs } = await setup([flaky]);
      await queue.start();
      const { jobId } = await queue.enqueue('contract.flaky', { id: 'x' });
      await waitUntil(async () => expect((await queue.counts())['contract.flaky']?.completed).toBe(1));
      expect(runs.map((r) => r.ctx.attempt)).toEqual([1, 2, 3]);
      expect(new Set(runs.map((r) => r.ctx.jobId))).toEqual(new Set([jobId]));
      // Exponential: 100 ms before try 2, 200 ms before try 3 (small margin for clock granularity).
      const [first, second, third] = runs.map((r) => r.at) as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(95);
      expect(third - second).toBeGreaterThanOrEqual(195);
      expect(
        logs.filter((l) => l.level === PINO_WARN && l.msg === 'job try failed; will retry'),
      ).toHaveLength(2);
      expect(logs.some((l) => l.level === PINO_ERROR)).toBe(false);
      expect((await queue.counts())['contract.flaky']?.failed).toBe(0);
    });

    it('marks a job that always fails as failed after exactly `attempts` tries and logs it', async () => {
      const runs: Run[] = [];
      const doomed = defineJob({
        name: 'contract.doomed',
        schema: z.object({ id: z.string() }),
        retry: { attempts: 3, backoff: { type: 'fixed', delayMs: 30 } },
        async process(data, ctx) {
          runs.push({ data, ctx, at: Date.now() });
          throw new Error('boom');
        },
      });
      const { queue, logs } = await setup([doomed]);
      await queue.start();
      const { jobId } = await queue.enqueue('contract.doomed', { id: 'x' });
      await waitUntil(() => expect(logs.find((l) => l.level === PINO_ERROR)).toBeDefined());
      const failure = logs.find((l) => l.level === PINO_ERROR);
      expect(failure).toMatchObject({
        msg: 'job failed permanently',
        job: 'contract.doomed',
        jobId,
        tries: 3,
      });
      expect(failure?.err?.message).toBe('boom');
      await waitUntil(async () =>
        expect((await queue.counts())['contract.doomed']).toMatchObject({
          failed: 1,
          completed: 0,
          delayed: 0,
          waiting: 0,
        }),
      );
      await sleep(150);
      expect(runs.map((r) => r.ctx.attempt)).toEqual([1, 2, 3]);
    });

    it('does not run a delayed job before its delay', async () => {
      const runs: Run[] = [];
      const later = defineJob({
        name: 'contract.later',
        schema: z.object({ id: z.string() }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        async process(data, ctx) {
          runs.push({ data, ctx, at: Date.now() });
        },
      });
      const { queue } = await setup([later]);
      await queue.start();
      const enqueuedAt = Date.now();
      await queue.enqueue('contract.later', { id: 'x' }, { delayMs: 600 });
      await sleep(300);
      expect(runs).toHaveLength(0);
      expect((await queue.counts())['contract.later']?.delayed).toBe(1);
      await waitUntil(() => expect(runs).toHaveLength(1));
      expect(runs[0]!.at - enqueuedAt).toBeGreaterThanOrEqual(595);
    });

    it('runs a dedupeKey once while it is pending, and again once it has finished', async () => {
      const runs: Run[] = [];
      let release = gate();
      const reindex = defineJob({
        name: 'contract.reindex',
        schema: z.object({ seriesId: z.string() }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        async process(data, ctx) {
          runs.push({ data, ctx, at: Date.now() });
          await release.opened;
        },
      });
      const { queue } = await setup([reindex]);
      await queue.start();
      const first = await queue.enqueue('contract.reindex', { seriesId: 's1' }, { dedupeKey: 'series:s1' });
      const again = await queue.enqueue('contract.reindex', { seriesId: 's1' }, { dedupeKey: 'series:s1' });
      expect(first.deduplicated).toBe(false);
      expect(again).toEqual({ jobId: first.jobId, deduplicated: true });
      await waitUntil(() => expect(runs).toHaveLength(1));
      // Still running: still deduplicated.
      expect(await queue.enqueue('contract.reindex', { seriesId: 's1' }, { dedupeKey: 'series:s1' })).toEqual(
        {
          jobId: first.jobId,
          deduplicated: true,
        },
      );
      release.open();
      await waitUntil(async () => expect((await queue.counts())['contract.reindex']?.completed).toBe(1));
      await sleep(100);
      expect(runs).toHaveLength(1);

      release = gate();
      release.open();
      const afterFinish = await queue.enqueue(
        'contract.reindex',
        { seriesId: 's1' },
        { dedupeKey: 'series:s1' },
      );
      expect(afterFinish.deduplicated).toBe(false);
      expect(afterFinish.jobId).not.toBe(first.jobId);
      await waitUntil(() => expect(runs).toHaveLength(2));
    });

    it('never runs more tries of a type at once than its concurrency', async () => {
      let current = 0;
      let peak = 0;
      let done = 0;
      const encode = defineJob({
        name: 'contract.encode',
        schema: z.object({ n: z.number().int() }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        concurrency: 2,
        async process() {
          current += 1;
          peak = Math.max(peak, current);
          await sleep(150);
          current -= 1;
          done += 1;
        },
      });
      const { queue } = await setup([encode]);
      await queue.start();
      for (let n = 0; n < 6; n += 1) await queue.enqueue('contract.encode', { n });
      await waitUntil(() => expect(done).toBe(6));
      expect(peak).toBe(2);
    });

    it('fires a cron schedule (6-field, every second), upserts by key, and stops on unschedule', async () => {
      const runs: Run[] = [];
      const tick = defineJob({
        name: 'contract.tick',
        schema: z.object({ board: z.string() }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        async process(data, ctx) {
          runs.push({ data, ctx, at: Date.now() });
        },
      });
      const { queue } = await setup([tick]);
      await queue.schedule('contract.tick', { key: 'every-second', cron: '* * * * * *' }, { board: 'old' });
      // Same key again: replaces the first schedule instead of adding a second one.
      await queue.schedule(
        'contract.tick',
        { key: 'every-second', cron: '* * * * * *' },
        { board: 'weekly' },
      );
      await queue.start();
      await waitUntil(() => expect(runs.length).toBeGreaterThanOrEqual(2), 4000);
      const [a, b] = runs as [Run, Run];
      expect(b.at - a.at).toBeGreaterThanOrEqual(500);
      expect(runs.every((r) => (r.data as { board: string }).board === 'weekly')).toBe(true);
      expect(await queue.unschedule('contract.tick', 'every-second')).toBe(true);
      expect(await queue.unschedule('contract.tick', 'every-second')).toBe(false);
      const firedBefore = runs.length;
      await sleep(2500);
      // A run already handed to the worker may still land; a live schedule would add 2 or more.
      expect(runs.length - firedBefore).toBeLessThanOrEqual(1);
    });

    it('stop() waits for a running job to finish', async () => {
      let started = false;
      let finished = false;
      const slow = defineJob({
        name: 'contract.slow',
        schema: z.object({ id: z.string() }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        async process() {
          started = true;
          await sleep(400);
          finished = true;
        },
      });
      const { queue } = await setup([slow]);
      await queue.start();
      await queue.enqueue('contract.slow', { id: 'x' });
      await waitUntil(() => expect(started).toBe(true));
      await queue.stop({ timeoutMs: 5000 });
      expect(finished).toBe(true);
    });

    it('stop() gives up after its timeout and aborts the running job', async () => {
      let signal: AbortSignal | undefined;
      const stuck = defineJob({
        name: 'contract.stuck',
        schema: z.object({ id: z.string() }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        async process(_data, ctx) {
          signal = ctx.signal;
          await untilAborted(ctx.signal, 10_000);
        },
      });
      const { queue } = await setup([stuck]);
      await queue.start();
      await queue.enqueue('contract.stuck', { id: 'x' });
      await waitUntil(() => expect(signal).toBeDefined());
      const stopAt = Date.now();
      await queue.stop({ timeoutMs: 200 });
      expect(Date.now() - stopAt).toBeLessThan(3000);
      expect(signal?.aborted).toBe(true);
    });

    it('fails a try that exceeds timeoutMs and aborts its signal', async () => {
      let signal: AbortSignal | undefined;
      const bounded = defineJob({
        name: 'contract.bounded',
        schema: z.object({ id: z.string() }),
        retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
        timeoutMs: 100,
        async process(_data, ctx) {
          signal = ctx.signal;
          await untilAborted(ctx.signal, 5000);
        },
      });
      const { queue, logs } = await setup([bounded]);
      await queue.start();
      await queue.enqueue('contract.bounded', { id: 'x' });
      await waitUntil(async () => expect((await queue.counts())['contract.bounded']?.failed).toBe(1));
      expect(signal?.aborted).toBe(true);
      const failure = logs.find((l) => l.level === PINO_ERROR);
      expect(failure?.err?.message).toMatch(/100 ms timeout/);
    });
  });
}
