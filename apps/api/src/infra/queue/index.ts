import { BullMqJobQueue } from './bullmq';
import { InProcessJobQueue } from './inprocess';
import type { AnyJobDefinition, QueueLogger, TypedJobQueue } from './types';

export interface CreateJobQueueOptions<Defs extends readonly AnyJobDefinition[]> {
  /** From env.ts. Set: BullMQ on Redis (scaled mode). Unset: the in-process runner (embedded mode). */
  readonly redisUrl?: string | undefined;
  readonly definitions: Defs;
  readonly logger: QueueLogger;
  /** BullMQ key prefix; ignored in-process. */
  readonly prefix?: string;
}

export function createJobQueue<const Defs extends readonly AnyJobDefinition[]>(
  options: CreateJobQueueOptions<Defs>,
): TypedJobQueue<Defs[number]> {
  const { redisUrl, definitions, logger, prefix } = options;
  if (redisUrl) {
    return new BullMqJobQueue<Defs[number]>({ redisUrl, definitions, logger, ...(prefix ? { prefix } : {}) });
  }
  return new InProcessJobQueue<Defs[number]>({ definitions, logger });
}

export { BullMqJobQueue, DEFAULT_QUEUE_PREFIX, type BullMqJobQueueOptions } from './bullmq';
export { InProcessJobQueue, type InProcessJobQueueOptions } from './inprocess';
export {
  InvalidCronError,
  InvalidJobDataError,
  InvalidJobDefinitionError,
  JobTimeoutError,
  QueueStoppedError,
  QueueUnavailableError,
  UnknownJobError,
} from './errors';
export * from './types';
