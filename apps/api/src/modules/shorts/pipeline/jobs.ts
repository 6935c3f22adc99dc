import path from 'node:path';
import { z } from 'zod';
import { defineJob } from '../../../infra/queue';
import type { JobDeps } from '../../../jobs';
import { processVideoAsset, SHORTS_TRANSCODE_JOB, type PipelineDeps } from './publish';
import { cleanUpStaleUploads } from '../upload';

export { SHORTS_TRANSCODE_JOB } from './publish';
/** Removes partial tus uploads nobody resumed within the expiry (daily). */
export const SHORTS_UPLOAD_CLEANUP_JOB = 'shorts.upload-cleanup';

/** The Shorts pipeline's jobs: the transcode of one uploaded asset, and the daily upload cleanup. */
export function shortsJobs(deps: JobDeps) {
  const pipelineDeps: PipelineDeps = {
    db: deps.db,
    env: deps.env,
    log: deps.log,
    now: deps.now,
    storage: deps.storage,
    privateStorage: deps.privateStorage,
  };
  return [
    defineJob({
      name: SHORTS_TRANSCODE_JOB,
      schema: z.object({ assetId: z.string().uuid() }),
      // ffmpeg refusing a file is an outcome (asset failed), not an error: only storage and database
      // trouble is retried; the asset's own attempt count stops an endless loop across restarts.
      retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 30_000 } },
      // One conversion at a time per process: ffmpeg already uses every core.
      concurrency: 1,
      timeoutMs: 2 * 60 * 60_000,
      async process({ assetId }, ctx) {
        const outcome = await processVideoAsset(pipelineDeps, assetId, ctx.signal);
        ctx.log.info({ assetId, outcome }, 'shorts: transcode job done');
      },
    }),
    defineJob({
      name: SHORTS_UPLOAD_CLEANUP_JOB,
      schema: z.object({}),
      retry: { attempts: 2, backoff: { type: 'fixed', delayMs: 60_000 } },
      async process(_data, ctx) {
        const removed = await cleanUpStaleUploads(path.join(deps.env.DATA_DIR, 'uploads'));
        if (removed > 0) ctx.log.info({ removed }, 'shorts: stale partial uploads removed');
      },
    }),
  ] as const;
}
