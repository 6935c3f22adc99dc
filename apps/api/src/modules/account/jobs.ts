import { z } from 'zod';
import { defineJob } from '../../infra/queue';
import type { JobDeps } from '../../jobs';
import { createStorage } from '../../infra/storage';
import { purgeAccount, purgeExpiredAccounts } from './purge';

/** Removes the personal data of one account marked deleted (POST /api/account/delete). */
export const PURGE_ACCOUNT_JOB = 'account.purge';
/** Daily: deactivations past the grace period become purges; lost or failed purges are redone. */
export const PURGE_EXPIRED_ACCOUNTS_JOB = 'account.purge-expired-deactivations';

export function accountJobs(jobDeps: JobDeps) {
  // The purged account's avatar file goes too (local DATA_DIR/media or the S3 bucket).
  const deps = { ...jobDeps, storage: createStorage(jobDeps.env) };
  return [
    defineJob({
      name: PURGE_ACCOUNT_JOB,
      schema: z.object({ userId: z.string().uuid() }),
      // Retries for a while (a busy database, a deadlock with a user's last writes); the daily sweep
      // picks up whatever still fails after that.
      retry: { attempts: 6, backoff: { type: 'exponential', delayMs: 10_000 } },
      timeoutMs: 5 * 60_000,
      async process({ userId }, ctx) {
        const outcome = await purgeAccount(deps, userId);
        if (outcome.status === 'purged') ctx.log.info({ userId, ...outcome }, 'account purged');
        else ctx.log.warn({ userId, status: outcome.status }, 'account purge skipped');
      },
    }),
    defineJob({
      name: PURGE_EXPIRED_ACCOUNTS_JOB,
      schema: z.object({}),
      retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 60_000 } },
      timeoutMs: 30 * 60_000,
      async process(_data, ctx) {
        const purged = await purgeExpiredAccounts(deps);
        ctx.log.info({ purged: purged.length }, 'expired and pending account deletions purged');
      },
    }),
  ] as const;
}
