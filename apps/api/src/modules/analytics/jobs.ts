import { z } from 'zod';
import { defineJob } from '../../infra/queue';
import type { JobDeps } from '../../jobs';
import { ensureAnalyticsPartitions } from './service';

export const ENSURE_PARTITIONS_JOB = 'analytics.ensure-partitions';

export function analyticsJobs(deps: JobDeps) {
  return [
    defineJob({
      name: ENSURE_PARTITIONS_JOB,
      schema: z.object({ monthsAhead: z.number().int().min(0).max(12) }),
      retry: { attempts: 5, backoff: { type: 'exponential', delayMs: 5_000 } },
      async process({ monthsAhead }, ctx) {
        const partitions = await ensureAnalyticsPartitions(deps.db, deps.now(), monthsAhead);
        ctx.log.info({ partitions }, 'analytics partitions ensured');
      },
    }),
  ] as const;
}
