import type { Database } from '@wt/db';
import type { Logger } from 'pino';
import type { Env } from './env';
import type { Mailer } from './infra/mail/types';
import type { PushPort } from './infra/push';
import type { AnyJobDefinition, JobQueue } from './infra/queue';
import { analyticsJobs, ENSURE_PARTITIONS_JOB } from './modules/analytics/jobs';
import { accountJobs, PURGE_EXPIRED_ACCOUNTS_JOB } from './modules/account/jobs';
import { authJobs, CLEANUP_AUTH_JOB } from './modules/auth/jobs';
import { notificationJobs } from './modules/notifications/jobs';

/** What job processors get: ids come in the job data, everything else is re-read from PostgreSQL. */
export interface JobDeps {
  db: Database;
  log: Logger;
  now: () => Date;
  env: Env;
  mailer: Mailer;
  push: PushPort;
}

/** Every named background job of the API, each with its own retry policy (see the modules' jobs.ts). */
export function createJobDefinitions(deps: JobDeps): AnyJobDefinition[] {
  return [...analyticsJobs(deps), ...accountJobs(deps), ...authJobs(deps), ...notificationJobs(deps)] as AnyJobDefinition[];
}

/**
 * Cron schedules and start-up catch-up. Every process calls this; schedules are upserts and the
 * catch-up job is deduplicated, so many instances starting at once do the work once.
 */
export async function scheduleRecurringJobs(queue: JobQueue, now: Date): Promise<void> {
  await queue.schedule(ENSURE_PARTITIONS_JOB, { key: 'daily', cron: '10 0 * * *' }, { monthsAhead: 2 });
  await queue.enqueue(
    ENSURE_PARTITIONS_JOB,
    { monthsAhead: 2 },
    { dedupeKey: `startup-${now.toISOString().slice(0, 10)}` },
  );
  await queue.schedule(CLEANUP_AUTH_JOB, { key: 'daily', cron: '50 3 * * *' }, {});
  await queue.schedule(PURGE_EXPIRED_ACCOUNTS_JOB, { key: 'daily', cron: '30 3 * * *' }, {});
  // In-process jobs do not survive a restart: a purge queued before it is redone by this sweep.
  await queue.enqueue(
    PURGE_EXPIRED_ACCOUNTS_JOB,
    {},
    { dedupeKey: `startup-${now.toISOString().slice(0, 10)}` },
  );
}
