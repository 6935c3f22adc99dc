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
import type { NotifyServices } from './modules/notifications/notify';
import { LEADERBOARD_RESET_CRONS, LEADERBOARD_RESET_DUE_JOB, leaderboardJobs } from './modules/leaderboard/jobs';
import { EXPIRE_PREMIUM_JOB, premiumJobs } from './modules/premium/jobs';
import { gamificationJobs, WATCH_ACCRUAL_JOB } from './modules/gamification/jobs';
import { GUILD_HOURS_JOB, guildJobs } from './modules/guilds/jobs';
import type { LeaderboardStore } from './modules/leaderboard/store';
import { SHORTS_UPLOAD_CLEANUP_JOB, shortsJobs } from './modules/shorts/pipeline/jobs';
import type { ObjectStorage, PrivateStorage } from './infra/storage';

/** What job processors get: ids come in the job data, everything else is re-read from PostgreSQL. */
export interface JobDeps {
  db: Database;
  log: Logger;
  now: () => Date;
  env: Env;
  mailer: Mailer;
  push: PushPort;
  /**
   * notify() for jobs that tell people something (leaderboard results): the app's services, read when
   * a job runs (Socket.io exists only after the queue). Unset in a process without sockets.
   */
  notifier?: () => NotifyServices | undefined;
  /** Where boards are read and their Redis copy kept (the accrual job writes through it). */
  leaderboards: LeaderboardStore;
  /** Public files (posters) and private media (Shorts originals and HLS). */
  storage: ObjectStorage;
  privateStorage: PrivateStorage;
}

/** Every named background job of the API, each with its own retry policy (see the modules' jobs.ts). */
export function createJobDefinitions(deps: JobDeps): AnyJobDefinition[] {
  return [
    ...analyticsJobs(deps),
    ...accountJobs(deps),
    ...authJobs(deps),
    ...notificationJobs(deps),
    ...leaderboardJobs(deps),
    ...premiumJobs(deps),
    ...gamificationJobs(deps),
    ...guildJobs(deps),
    ...shortsJobs(deps),
  ] as AnyJobDefinition[];
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
  // Leaderboards close on Monday 00:00 UTC (weekly) and the 1st 00:00 UTC (monthly); the start-up run
  // closes whatever finished while the platform was down (each period once: leaderboard_resets).
  for (const period of ['weekly', 'monthly'] as const) {
    const cron = LEADERBOARD_RESET_CRONS[period];
    await queue.schedule(LEADERBOARD_RESET_DUE_JOB, { key: period, cron }, { period });
    const dedupeKey = `startup-${period}-${now.toISOString().slice(0, 10)}`;
    await queue.enqueue(LEADERBOARD_RESET_DUE_JOB, { period }, { dedupeKey });
  }
  await queue.schedule(EXPIRE_PREMIUM_JOB, { key: 'daily', cron: '20 0 * * *' }, {});
  // Watch time becomes XP and board standing every minute; the cursor in job_cursors makes the first
  // run after downtime count everything watched since the last one.
  await queue.schedule(WATCH_ACCRUAL_JOB, { key: 'minutely', cron: '* * * * *' }, {});
  await queue.enqueue(WATCH_ACCRUAL_JOB, {}, { dedupeKey: `startup-${now.toISOString()}` });
  // Guild watch hours and guild board entries, re-derived from the contributions every hour.
  await queue.schedule(GUILD_HOURS_JOB, { key: 'hourly', cron: '5 * * * *' }, {});
  // Partial Shorts uploads nobody resumed within a day.
  await queue.schedule(SHORTS_UPLOAD_CLEANUP_JOB, { key: 'daily', cron: '40 3 * * *' }, {});
}
