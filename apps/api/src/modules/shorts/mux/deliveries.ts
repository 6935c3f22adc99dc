import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { Logger } from 'pino';
import type { MuxPlaybackPolicy } from '../../../infra/video/mux';
import { assetErrorSentence, assetFacts, muxThumbnailUrl, parseDelivery, uploadFacts, type MuxAssetFacts, type MuxDelivery } from './events';

/**
 * Mux webhook deliveries (issue 9): each verified delivery is stored once in `webhook_events`
 * (unique provider + event id), then applied in one transaction that also sets processed_at. A delivery
 * whose processing threw keeps `error` and is applied again by the sweep; a duplicate changes nothing.
 *
 * Statuses only move forward (waiting → processing → ready | failed), so deliveries may arrive in any
 * order: `asset.ready` before `upload.asset_created` finds the asset by upload id or by the episode id
 * in the passthrough, and a late `upload.created` or `upload.asset_created` never moves it back.
 */

export const MUX_PROVIDER = 'mux';
const SWEEP_BATCH = 100;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface MuxDeliveryDeps {
  db: Database;
  now: () => Date;
  /** Which playback id of a ready asset to keep (the adapter's policy). */
  playbackPolicy: MuxPlaybackPolicy;
  log?: Pick<Logger, 'warn'>;
}

export type ProcessOutcome = 'processed' | 'already_processed' | 'failed';

export interface ReceivedDelivery {
  /** webhook_events.id */
  id: string;
  duplicate: boolean;
  outcome: ProcessOutcome;
}

/**
 * Stores a verified delivery (the raw JSON body) and processes it. A duplicate of a processed delivery is
 * left alone; a duplicate of one that failed is processed again (Mux's redelivery acts as a retry).
 */
export async function receiveMuxDelivery(
  deps: MuxDeliveryDeps,
  delivery: { id: string; type: string },
  rawBody: string,
): Promise<ReceivedDelivery> {
  const inserted = await deps.db.execute<{ id: string }>(sql`
    INSERT INTO webhook_events (provider, event_id, type, payload)
    VALUES (${MUX_PROVIDER}, ${delivery.id}, ${delivery.type}, ${rawBody}::jsonb)
    ON CONFLICT (provider, event_id) DO NOTHING
    RETURNING id`);
  if (inserted.rows[0]) {
    return { id: inserted.rows[0].id, duplicate: false, outcome: await processMuxDelivery(deps, inserted.rows[0].id) };
  }
  const { rows } = await deps.db.execute<{ id: string; processed: boolean }>(sql`
    SELECT id, processed_at IS NOT NULL AS processed FROM webhook_events
    WHERE provider = ${MUX_PROVIDER} AND event_id = ${delivery.id}`);
  const existing = rows[0]!;
  return {
    id: existing.id,
    duplicate: true,
    outcome: existing.processed ? 'already_processed' : await processMuxDelivery(deps, existing.id),
  };
}

/** Applies one stored delivery under its row lock; at most once, whoever (request or sweep) gets there first. */
export async function processMuxDelivery(deps: MuxDeliveryDeps, webhookEventId: string): Promise<ProcessOutcome> {
  try {
    return await deps.db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ payload: unknown; processed: boolean }>(sql`
        SELECT payload, processed_at IS NOT NULL AS processed FROM webhook_events
        WHERE id = ${webhookEventId} FOR UPDATE`);
      const row = rows[0];
      if (!row || row.processed) return 'already_processed' as const;
      const delivery = parseDelivery(row.payload);
      if (delivery) await applyMuxDelivery(tx, delivery, deps.playbackPolicy);
      await tx.execute(sql`
        UPDATE webhook_events SET processed_at = ${deps.now()}, error = NULL, updated_at = now()
        WHERE id = ${webhookEventId}`);
      return 'processed' as const;
    });
  } catch (err) {
    const message = rootMessage(err);
    deps.log?.warn({ err, webhookEventId }, 'mux webhook: processing failed; the sweep retries it');
    await deps.db.execute(sql`
      UPDATE webhook_events SET error = ${message.slice(0, 1000)}, updated_at = now()
      WHERE id = ${webhookEventId} AND processed_at IS NULL`);
    return 'failed';
  }
}

/** The database's own words: Drizzle wraps them in "Failed query: <sql> params: ..." with the cause. */
function rootMessage(err: unknown): string {
  let current = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** Processes stored Mux deliveries that have no processed_at yet (failed, or cut short by a restart). */
export async function retryMuxDeliveries(deps: MuxDeliveryDeps): Promise<{ processed: number; failed: number }> {
  const { rows } = await deps.db.execute<{ id: string }>(sql`
    SELECT id FROM webhook_events
    WHERE provider = ${MUX_PROVIDER} AND processed_at IS NULL
    ORDER BY created_at LIMIT ${SWEEP_BATCH}`);
  const counts = { processed: 0, failed: 0 };
  for (const { id } of rows) {
    const outcome = await processMuxDelivery(deps, id);
    if (outcome === 'processed') counts.processed += 1;
    if (outcome === 'failed') counts.failed += 1;
  }
  return counts;
}

async function applyMuxDelivery(tx: Tx, delivery: MuxDelivery, policy: MuxPlaybackPolicy): Promise<void> {
  switch (delivery.type) {
    case 'video.upload.asset_created': {
      const upload = uploadFacts(delivery.data);
      if (!upload?.assetId) return;
      await tx.execute(sql`
        UPDATE video_assets
        SET mux_asset_id = COALESCE(mux_asset_id, ${upload.assetId}),
            status = CASE WHEN status = 'waiting' THEN 'processing'::video_asset_status ELSE status END,
            updated_at = now()
        WHERE provider = 'mux' AND mux_upload_id = ${upload.uploadId}`);
      return;
    }
    case 'video.asset.ready': {
      const facts = assetFacts(delivery.data, policy);
      const asset = facts && (await findAsset(tx, facts));
      if (!facts || !asset) return;
      await tx.execute(sql`
        UPDATE video_assets
        SET mux_asset_id = COALESCE(mux_asset_id, ${facts.muxAssetId}),
            playback_id = ${facts.playbackId}, duration_ms = ${facts.durationMs},
            width = ${facts.width}, height = ${facts.height},
            status = 'ready', error = NULL, updated_at = now()
        WHERE id = ${asset.id}`);
      // A signed playback id's thumbnail needs a token, which would expire in the database: the
      // episode keeps no thumbnail then, and viewers get a signed poster with their playback.
      const thumbnail = policy === 'public' && facts.playbackId ? muxThumbnailUrl(facts.playbackId) : null;
      await tx.execute(sql`
        UPDATE episodes
        SET duration_ms = COALESCE(${facts.durationMs}::integer, duration_ms),
            thumbnail_url = ${thumbnail},
            status = CASE WHEN status = 'processing' THEN 'ready'::episode_status ELSE status END,
            updated_at = now()
        WHERE video_asset_id = ${asset.id}`);
      return;
    }
    case 'video.asset.errored': {
      const facts = assetFacts(delivery.data, policy);
      const asset = facts && (await findAsset(tx, facts));
      if (!facts || !asset || asset.status === 'ready') return;
      await tx.execute(sql`
        UPDATE video_assets
        SET mux_asset_id = COALESCE(mux_asset_id, ${facts.muxAssetId}),
            status = 'failed', error = ${assetErrorSentence(delivery.data)}, updated_at = now()
        WHERE id = ${asset.id}`);
      await tx.execute(sql`
        UPDATE episodes SET status = 'failed', updated_at = now()
        WHERE video_asset_id = ${asset.id} AND status = 'processing'`);
      return;
    }
    // video.upload.created, video.asset.track.ready (subtitles come later) and the rest: the stored
    // delivery is the record.
    default:
      return;
  }
}

/**
 * The asset a `video.asset.*` delivery is about, locked: by Mux asset id, else by upload id (the asset
 * event came before `upload.asset_created`), else through the episode named in the passthrough.
 */
async function findAsset(tx: Tx, facts: MuxAssetFacts): Promise<{ id: string; status: string } | null> {
  const byAsset = await tx.execute<{ id: string; status: string }>(sql`
    SELECT id, status FROM video_assets WHERE provider = 'mux' AND mux_asset_id = ${facts.muxAssetId} FOR UPDATE`);
  if (byAsset.rows[0]) return byAsset.rows[0];
  if (facts.uploadId) {
    const byUpload = await tx.execute<{ id: string; status: string }>(sql`
      SELECT id, status FROM video_assets
      WHERE provider = 'mux' AND mux_upload_id = ${facts.uploadId} AND mux_asset_id IS NULL FOR UPDATE`);
    if (byUpload.rows[0]) return byUpload.rows[0];
  }
  if (facts.episodeId) {
    const byEpisode = await tx.execute<{ id: string; status: string }>(sql`
      SELECT va.id, va.status FROM episodes e
      JOIN video_assets va ON va.id = e.video_asset_id
      WHERE e.id = ${facts.episodeId} AND va.provider = 'mux' AND va.mux_asset_id IS NULL
      FOR UPDATE OF va`);
    if (byEpisode.rows[0]) return byEpisode.rows[0];
  }
  return null;
}
