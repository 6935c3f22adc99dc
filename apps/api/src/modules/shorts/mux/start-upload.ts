import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { Env } from '../../../env';
import { MuxRequestError, muxVideoFor, type MuxVideo } from '../../../infra/video/mux';
import { ShortsError, shortsErrors } from '../errors';

export interface StartMuxUploadDeps {
  db: Database;
  env: Env;
  /** Default: the SDK adapter for `env` (tests hand in one pointed at a local stand-in). */
  mux?: MuxVideo;
}

export interface MuxUploadStarted {
  /** video_assets.id of the new row (provider 'mux', status 'waiting'). */
  assetId: string;
  uploadId: string;
  /** The browser PUTs the file here (Mux direct upload; CORS allows env.WEB_ORIGIN). */
  uploadUrl: string;
}

/**
 * Starts a Mux direct upload for an episode (issue 9). The caller has checked that `userId` may change
 * this episode. Creates the upload at Mux (passthrough = episode id, CORS origin = the web app), then in
 * one transaction a `video_assets` row (provider mux, status waiting) linked to the episode, which moves
 * to `processing` until the webhooks say ready or failed.
 */
export async function startMuxUpload(
  deps: StartMuxUploadDeps,
  input: { episodeId: string; userId: string },
): Promise<MuxUploadStarted> {
  const found = await deps.db.execute<{ id: string }>(sql`SELECT id FROM episodes WHERE id = ${input.episodeId}`);
  if (!found.rows[0]) throw shortsErrors.notFound('episode');

  const mux = deps.mux ?? muxVideoFor(deps.env);
  const upload = await mux
    .createDirectUpload({ episodeId: input.episodeId, corsOrigin: deps.env.WEB_ORIGIN })
    .catch((err: unknown) => {
      if (err instanceof MuxRequestError) {
        throw new ShortsError('INTERNAL', 'The video service could not start the upload just now. Try again in a moment.');
      }
      throw err;
    });

  const assetId = await deps.db.transaction(async (tx) => {
    const asset = await tx.execute<{ id: string }>(sql`
      INSERT INTO video_assets (provider, status, mux_upload_id, uploaded_by)
      VALUES ('mux', 'waiting', ${upload.uploadId}, ${input.userId})
      RETURNING id`);
    const id = asset.rows[0]!.id;
    const linked = await tx.execute(sql`
      UPDATE episodes SET video_asset_id = ${id}, status = 'processing', updated_at = now()
      WHERE id = ${input.episodeId}`);
    // Deleted while Mux answered: keep no orphan row.
    if (linked.rowCount !== 1) throw shortsErrors.notFound('episode');
    return id;
  });
  return { assetId, uploadId: upload.uploadId, uploadUrl: upload.url };
}
