import cronParser from 'cron-parser';
import { InvalidCronError, InvalidJobDataError, InvalidJobDefinitionError, JobTimeoutError } from './errors';
import type { AnyJobDefinition, RetryPolicy } from './types';

/** Logic both adapters share, so they cannot drift apart. */

const JOB_NAME = /^[A-Za-z0-9._-]+$/;

export function assertValidDefinition(def: AnyJobDefinition): void {
  const fail = (why: string) => {
    throw new InvalidJobDefinitionError(`Job definition "${def.name}": ${why}`);
  };
  if (!JOB_NAME.test(def.name)) fail('name must match [A-Za-z0-9._-]+ (it names a BullMQ queue)');
  const { attempts, backoff } = def.retry;
  if (!Number.isInteger(attempts) || attempts < 1) fail('retry.attempts must be an integer >= 1');
  if (backoff.type !== 'fixed' && backoff.type !== 'exponential') {
    fail('retry.backoff.type must be "fixed" or "exponential"');
  }
  if (!Number.isFinite(backoff.delayMs) || backoff.delayMs < 0) fail('retry.backoff.delayMs must be >= 0');
  if (def.concurrency !== undefined && (!Number.isInteger(def.concurrency) || def.concurrency < 1)) {
    fail('concurrency must be an integer >= 1');
  }
  if (def.timeoutMs !== undefined && (!Number.isFinite(def.timeoutMs) || def.timeoutMs <= 0)) {
    fail('timeoutMs must be > 0');
  }
}

/** Validates and returns the JSON form that is stored (and parsed again before processing). */
export function parseJobData(def: AnyJobDefinition, data: unknown): unknown {
  const result = def.schema.safeParse(data);
  if (!result.success) throw new InvalidJobDataError(def.name, result.error.issues);
  return result.data;
}

/** JSON round trip, so the in-process runner hands processors exactly what Redis would. */
export function toStoredData(def: AnyJobDefinition, parsed: unknown): unknown {
  const json = JSON.stringify(parsed);
  if (json === undefined) {
    throw new InvalidJobDefinitionError(`Job "${def.name}": data must be JSON-serialisable`);
  }
  return JSON.parse(json) as unknown;
}

/** Delay before the retry that follows failed try `failedTry` (1-based), BullMQ's formula. */
export function retryDelayMs(policy: RetryPolicy, failedTry: number): number {
  const { type, delayMs } = policy.backoff;
  return type === 'fixed' ? delayMs : Math.round(2 ** (failedTry - 1) * delayMs);
}

/** Next fire time strictly after `afterMs`, evaluated in UTC. */
export function nextCronTime(jobName: string, cron: string, afterMs: number): number {
  try {
    return cronParser
      .parseExpression(cron, { currentDate: new Date(afterMs), utc: true })
      .next()
      .getTime();
  } catch (err) {
    throw new InvalidCronError(jobName, cron, err instanceof Error ? err.message : String(err));
  }
}

export function assertValidCron(jobName: string, cron: string): void {
  const fields = cron.trim().split(/\s+/).length;
  if (fields !== 5 && fields !== 6) {
    throw new InvalidCronError(jobName, cron, `expected 5 fields (or 6 with seconds), got ${fields}`);
  }
  nextCronTime(jobName, cron, Date.now());
}

/**
 * Runs one try. With a timeout, the try fails with `JobTimeoutError` once it is exceeded and the
 * signal is aborted so the processor can stop its I/O; a processor that ignores the signal keeps
 * running in the background, which is why processors must be idempotent.
 */
export async function runTry(
  def: AnyJobDefinition,
  work: () => Promise<void>,
  controller: AbortController,
): Promise<void> {
  const running = Promise.resolve().then(work);
  if (def.timeoutMs === undefined) return running;
  const timeoutMs = def.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new JobTimeoutError(def.name, timeoutMs);
      controller.abort(err);
      reject(err);
    }, timeoutMs);
  });
  try {
    await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves true when `promise` settles within `ms`, false otherwise. The timer never holds the process. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const DEFAULT_STOP_TIMEOUT_MS = 10_000;
