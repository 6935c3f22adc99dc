import type { Database } from '@wt/db';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { DbMode } from './infra/database';
import type { JobQueue } from './infra/queue';

/** What every module's service functions receive: dependencies passed in, no module singletons. */
export interface AppServices {
  db: Database;
  dbMode: DbMode;
  redis: Redis | null;
  queue: JobQueue;
  log: Logger;
  version: string;
  now: () => Date;
}
