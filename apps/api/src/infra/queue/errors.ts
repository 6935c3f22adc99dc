import { z } from 'zod';

export class UnknownJobError extends Error {
  override readonly name = 'UnknownJobError';
  constructor(readonly jobName: string) {
    super(`No job type named "${jobName}" is registered with the queue.`);
  }
}

export class InvalidJobDataError extends Error {
  override readonly name = 'InvalidJobDataError';
  constructor(
    readonly jobName: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`Invalid data for job "${jobName}":\n${z.prettifyError({ issues })}`);
  }
}

export class InvalidCronError extends Error {
  override readonly name = 'InvalidCronError';
  constructor(
    readonly jobName: string,
    readonly cron: string,
    reason: string,
  ) {
    super(`Invalid cron pattern "${cron}" for job "${jobName}": ${reason}`);
  }
}

export class JobTimeoutError extends Error {
  override readonly name = 'JobTimeoutError';
  constructor(
    readonly jobName: string,
    readonly timeoutMs: number,
  ) {
    super(`Job "${jobName}" ran longer than its ${timeoutMs} ms timeout.`);
  }
}

export class QueueStoppedError extends Error {
  override readonly name = 'QueueStoppedError';
  constructor() {
    super('The job queue has been stopped; it no longer accepts jobs.');
  }
}

export class InvalidJobDefinitionError extends Error {
  override readonly name = 'InvalidJobDefinitionError';
}

/** Redis did not answer in time (BullMQ mode). The operation may still complete once Redis is back. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  constructor(operation: string, timeoutMs: number) {
    super(`The job queue's Redis did not answer within ${timeoutMs} ms (${operation}). Try again shortly.`);
  }
}
