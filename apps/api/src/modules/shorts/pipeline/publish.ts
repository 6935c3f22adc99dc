import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { Env } from '../../../env';
import type { JobQueue, QueueLogger } from '../../../infra/queue';
import type { ObjectStorage } from '../../../infra/storage';
import { privateContentTypeOf, type PrivateStorage } from '../../../infra/storage/private';
import { ffmpegAvailable, probeVideo, UNREADABLE_VIDEO, type VideoInfo } from './probe';
import { hlsJobFor, MASTER_PLAYLIST, transcodeToHls } from './transcode';

/**
 * From an uploaded original to a playable asset (issue 9, point 4): HLS + poster when ffmpeg runs, the
 * original served progressively when it does not. Everything is re-derived from the asset row, so a
 * re-run (retry, restart, duplicate job) of a finished asset does nothing, and an unfinished one starts over.
 */

export const SHORTS_TRANSCODE_JOB = 'shorts.transcode';
/** Tries of one asset across retries and restarts before it is given up as failed. */
export const MAX_TRANSCODE_ATTEMPTS = 3;
export const HLS_PATH = `hls/${MASTER_PLAYLIST}`;
export const GAVE_UP = `The video could not be converted after ${MAX_TRANSCODE_ATTEMPTS} tries. Upload it again, or export it in another format first.`;
export const ORIGINAL_MISSING = 'The uploaded video is missing from storage. Upload it again.';

export interface PipelineDeps {
  db: Database;
  env: Env;
  log: QueueLogger;
  now: () => Date;
  /** Public: the poster (thumbnails are shown on locked episodes too). */
  storage: ObjectStorage;
  /** Private: the original and the HLS tree, streamed behind playback tokens. */
  privateStorage: PrivateStorage;
}

type AssetRow = {
  id: string;
  provider: 'local' | 'mux';
  status: 'waiting' | 'processing' | 'ready' | 'failed';
  storage_key: string | null;
  attempts: number;
};

export type ProcessOutcome = 'skipped' | 'hls' | 'progressive' | 'failed';

/** The folder of an asset's files in private storage. */
export const assetPrefix = (assetId: string) => `videos/${assetId}/`;

/**
 * After the rows are gone: an asset's private files and its public poster. A file left behind costs
 * space, never access (nothing points at it), so a failure here is not the caller's failure.
 */
export async function removeAssetFiles(
  deps: { privateStorage: PrivateStorage; storage: ObjectStorage },
  assets: readonly { id: string; poster_key: string | null }[],
): Promise<void> {
  for (const asset of assets) {
    await deps.privateStorage.deletePrefix(assetPrefix(asset.id)).catch(() => undefined);
    if (asset.poster_key) await deps.storage.delete(asset.poster_key).catch(() => undefined);
  }
}

/** Enqueues the transcode of an asset: one pending job per asset and attempt. */
export async function enqueueTranscode(queue: JobQueue, assetId: string, attempts: number): Promise<void> {
  await queue.enqueue(SHORTS_TRANSCODE_JOB, { assetId }, { dedupeKey: `${assetId}:${attempts}` });
}

/**
 * Start-up recovery (DESIGN section 2): every local asset still waiting or processing gets its job again
 * (the in-process queue lost it with the last process; BullMQ deduplicates a job still pending).
 */
export async function resumeUnfinishedTranscodes(deps: { db: Database; queue: JobQueue; log: QueueLogger }): Promise<number> {
  const { rows } = await deps.db.execute<{ id: string; attempts: number }>(sql`
    SELECT id, attempts FROM video_assets
    WHERE status IN ('waiting', 'processing') AND provider = 'local'
    ORDER BY created_at`);
  for (const row of rows) await enqueueTranscode(deps.queue, row.id, row.attempts);
  if (rows.length > 0) deps.log.info({ assets: rows.length }, 'shorts: unfinished transcodes resumed');
  return rows.length;
}

/** The transcode job's work for one asset. Throws only for what a retry may fix (storage, database). */
export async function processVideoAsset(deps: PipelineDeps, assetId: string, signal?: AbortSignal): Promise<ProcessOutcome> {
  const { rows } = await deps.db.execute<AssetRow>(sql`
    UPDATE video_assets SET status = 'processing', attempts = attempts + 1, updated_at = ${deps.now()}
    WHERE id = ${assetId} AND provider = 'local' AND status IN ('waiting', 'processing')
    RETURNING id, provider, status, storage_key, attempts`);
  const asset = rows[0];
  if (!asset) return 'skipped';
  if (asset.attempts > MAX_TRANSCODE_ATTEMPTS) return failAsset(deps, assetId, GAVE_UP);
  if (!asset.storage_key) return failAsset(deps, assetId, ORIGINAL_MISSING);

  if (!(await ffmpegAvailable(deps.env))) return publishProgressive(deps, asset.id, asset.storage_key);

  const tmpRoot = path.join(deps.env.DATA_DIR, 'tmp');
  await mkdir(tmpRoot, { recursive: true });
  const workDir = await mkdtemp(path.join(tmpRoot, 'transcode-'));
  try {
    const original = path.join(workDir, `original${path.extname(asset.storage_key)}`);
    if (!(await download(deps.privateStorage, asset.storage_key, original))) return failAsset(deps, assetId, ORIGINAL_MISSING);
    const probed = await probeVideo(deps.env, original, signal);
    if (!probed.ok || !probed.video.hasVideo) return failAsset(deps, assetId, probed.ok ? UNREADABLE_VIDEO : probed.reason);
    const job = hlsJobFor(original, workDir, probed.video);
    const started = performance.now();
    const result = await transcodeToHls(deps.env, job, signal);
    if (!result.ok) {
      deps.log.warn({ assetId, detail: result.detail.slice(-2000) }, 'shorts: ffmpeg could not convert a video');
      return failAsset(deps, assetId, result.reason);
    }
    deps.log.info({ assetId, ms: Math.round(performance.now() - started), files: result.files.length }, 'shorts: video converted');
    // Segments before playlists: nothing refers to a file that is not stored yet.
    const ordered = [...result.files].sort((a, b) => Number(a.endsWith('.m3u8')) - Number(b.endsWith('.m3u8')));
    await putAll(deps.privateStorage, ordered.map((file) => ({ key: `${assetPrefix(assetId)}hls/${file}`, file: path.join(job.hlsDir, file) })));
    const poster = await readFile(job.posterFile);
    const posterKey = `posters/${assetId}/${createHash('sha256').update(poster).digest('hex').slice(0, 16)}.jpg`;
    await deps.storage.put(posterKey, poster, 'image/jpeg');
    const stored = await markReady(deps, assetId, probed.video, { hlsPath: HLS_PATH, posterKey, progressive: false });
    if (!stored) await discardFiles(deps, assetId, posterKey);
    return stored ? 'hls' : 'skipped';
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Without ffmpeg: the original plays as it is. Its size and duration are what the upload's ffprobe found
 * (kept on the row), or unknown when ffprobe does not run either.
 */
async function publishProgressive(deps: PipelineDeps, assetId: string, storageKey: string): Promise<ProcessOutcome> {
  const object = await deps.privateStorage.open(storageKey, { start: 0, end: 0 });
  if (!object) return failAsset(deps, assetId, ORIGINAL_MISSING);
  object.stream.destroy();
  const stored = await markReady(deps, assetId, null, { hlsPath: null, posterKey: null, progressive: true });
  return stored ? 'progressive' : 'skipped';
}

async function download(storage: PrivateStorage, key: string, file: string): Promise<boolean> {
  const object = await storage.open(key);
  if (!object) return false;
  await pipeline(object.stream, createWriteStream(file));
  return true;
}

async function putAll(storage: PrivateStorage, items: { key: string; file: string }[], parallel = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await storage.putFile(item.key, item.file, privateContentTypeOf(item.key));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

/**
 * The asset and its processing episodes become ready in one transaction; false when the asset is gone
 * or no longer processing (replaced by a new upload meanwhile).
 */
async function markReady(
  deps: PipelineDeps,
  assetId: string,
  video: VideoInfo | null,
  out: { hlsPath: string | null; posterKey: string | null; progressive: boolean },
): Promise<boolean> {
  const now = deps.now();
  const posterUrl = out.posterKey ? deps.storage.urlFor(out.posterKey) : null;
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string; duration_ms: number | null }>(sql`
      UPDATE video_assets SET status = 'ready', width = COALESCE(${video?.width ?? null}, width),
        height = COALESCE(${video?.height ?? null}, height), duration_ms = COALESCE(${video?.durationMs ?? null}, duration_ms), hls_path = ${out.hlsPath}, poster_key = ${out.posterKey},
        progressive = ${out.progressive}, error = NULL, updated_at = ${now}
      WHERE id = ${assetId} AND status = 'processing'
      RETURNING id, duration_ms`);
    if (rows.length === 0) return false;
    await tx.execute(sql`
      UPDATE episodes SET status = 'ready', duration_ms = ${rows[0]!.duration_ms},
        thumbnail_url = COALESCE(${posterUrl}, thumbnail_url), updated_at = ${now}
      WHERE video_asset_id = ${assetId} AND status = 'processing'`);
    return true;
  });
}

/** The asset failed with a sentence for the studio; its processing episodes fail with it. Nothing else changes. */
export async function failAsset(deps: Pick<PipelineDeps, 'db' | 'now'>, assetId: string, reason = GAVE_UP): Promise<'failed'> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      UPDATE video_assets SET status = 'failed', error = ${reason}, updated_at = ${now}
      WHERE id = ${assetId} AND status IN ('waiting', 'processing')
      RETURNING id`);
    if (rows.length === 0) return;
    await tx.execute(sql`
      UPDATE episodes SET status = 'failed', updated_at = ${now}
      WHERE video_asset_id = ${assetId} AND status = 'processing'`);
  });
  return 'failed';
}

async function discardFiles(deps: PipelineDeps, assetId: string, posterKey: string): Promise<void> {
  const { rows } = await deps.db.execute(sql`SELECT 1 FROM video_assets WHERE id = ${assetId}`);
  // Still there (ready from another run): its files are in use.
  if (rows.length > 0) return;
  await deps.privateStorage.deletePrefix(assetPrefix(assetId));
  await deps.storage.delete(posterKey);
}
