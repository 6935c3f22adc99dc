import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidArray } from '../../infra/sql-arrays';
import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import { demoVideoAssetIds } from '@wt/db/seed';
import type { Logger } from 'pino';
import type { PrivateStorage } from '../../infra/storage/private';

/**
 * The demo's Shorts episodes need video: the seed points each uploaded demo episode at
 * `videos/<asset id>/original.mp4` (a progressive MP4), and this fills the ones that are missing with
 * one of the generated clips that ship beside it (ffmpeg lavfi test sources, 6 s of 360×640 each).
 * Idempotent: run on every start of the embedded platform; a present file is left alone.
 */
const CLIPS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-clips');
const CLIPS = ['clip-1.mp4', 'clip-2.mp4', 'clip-3.mp4', 'clip-4.mp4'] as const;

/** The clip an asset gets: spread over the clips by its id, the same on every start. */
export function demoClipFor(assetId: string): string {
  const n = createHash('sha256').update(assetId).digest()[0]! % CLIPS.length;
  return CLIPS[n]!;
}

export async function provideDemoMedia(deps: { db: Database; privateStorage: PrivateStorage; log: Pick<Logger, 'info'> }): Promise<number> {
  const ids = demoVideoAssetIds();
  const { rows } = await deps.db.execute<{ id: string; storage_key: string }>(sql`
    SELECT a.id, a.storage_key FROM video_assets a
    WHERE a.id = ANY(${uuidArray(ids)}) AND a.provider = 'local' AND a.progressive
      AND a.storage_key = 'videos/' || a.id || '/original.mp4'`);
  let copied = 0;
  for (const asset of rows) {
    const present = await deps.privateStorage.open(asset.storage_key, { start: 0, end: 0 });
    if (present) {
      present.stream.destroy();
      continue;
    }
    await deps.privateStorage.putFile(asset.storage_key, path.join(CLIPS_DIR, demoClipFor(asset.id)), 'video/mp4');
    copied += 1;
  }
  if (copied > 0) deps.log.info({ copied }, 'demo Shorts clips copied into private storage');
  return copied;
}
