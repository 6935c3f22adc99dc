import { z } from 'zod';
import { defineJob } from '../../infra/queue';
import type { JobDeps } from '../../jobs';
import { expirePremium } from './premium';

/** Daily: is_premium = false where premium_until has passed (isPremiumActive is the truth meanwhile). */
export const EXPIRE_PREMIUM_JOB = 'premium.expire-sweep';

export function premiumJobs(deps: JobDeps) {
  return [
    defineJob({
      name: EXPIRE_PREMIUM_JOB,
      schema: z.object({}),
      retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 60_000 } },
      timeoutMs: 10 * 60_000,
      async process(_data, ctx) {
        const expired = await expirePremium(deps.db, deps.now());
        ctx.log.info({ expired }, 'expired premium cleared');
      },
    }),
  ] as const;
}
