import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { PLAYBACK_TOKEN_SLACK_S, type Playback } from '@wt/schemas';
import type { Database } from '@wt/db';
import type { Env } from '../../env';
import type { ByteRange } from '../../infra/storage/private';
import { getAuthSecret } from '../auth/tokens';
import { shortsErrors, isShortsError, shortsHttpStatus } from './errors';
import { playbackKey, signPlaybackToken, verifyPlaybackToken } from './playback-token';

/**
 * Playback of Shorts media through the API (issue 9, access control on the media itself): a viewer who
 * may watch an episode gets a short-lived signed URL; GET /api/play/<token>/<path> checks the token on
 * every playlist, segment and byte range, then streams the object from private storage.
 */

export const PLAY_PATH = '/api/play';

export type PlayableAsset = {
  id: string;
  provider: 'local' | 'mux';
  status: string;
  progressive: boolean;
  storage_key: string | null;
  hls_path: string | null;
  playback_id: string | null;
  duration_ms: number | null;
};

const keys = new WeakMap<Env, Promise<Buffer>>();

function keyFor(env: Env): Promise<Buffer> {
  let key = keys.get(env);
  if (!key) {
    key = getAuthSecret(env).then(playbackKey);
    keys.set(env, key);
  }
  return key;
}

/** Where an asset's original lives: `videos/<id>/original.<ext>`; its HLS under `videos/<id>/hls/`. */
export const originalKey = (assetId: string, container: string) => `videos/${assetId}/original.${container === 'mov' ? 'mp4' : container}`;

/**
 * A signed URL for an asset that is ready, valid for its length plus PLAYBACK_TOKEN_SLACK_S; null when
 * it cannot play yet. (Mux assets: see mux/playback.ts.)
 */
export async function playbackFor(
  deps: { env: Env; now: () => Date },
  asset: PlayableAsset,
  posterUrl: string | null,
): Promise<Playback | null> {
  if (asset.status !== 'ready' || asset.provider !== 'local') return null;
  const now = deps.now().getTime();
  const expiresAt = Math.floor(now / 1000) + Math.ceil((asset.duration_ms ?? 0) / 1000) + PLAYBACK_TOKEN_SLACK_S;
  const token = signPlaybackToken(await keyFor(deps.env), { assetId: asset.id, expiresAt });
  if (asset.progressive) {
    if (!asset.storage_key) return null;
    const file = asset.storage_key.slice(asset.storage_key.lastIndexOf('/') + 1);
    return { kind: 'mp4', url: `${PLAY_PATH}/${token}/${file}`, posterUrl, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }
  if (!asset.hls_path) return null;
  return {
    kind: 'hls',
    url: `${PLAY_PATH}/${token}/${asset.hls_path}`,
    posterUrl,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}

/** Paths a token may open under its asset's folder: the HLS tree, or the original of a progressive asset. */
const HLS_PATH = /^hls\/([a-z0-9_-]+\/)*[a-z0-9_-]+\.(m3u8|ts|m4s|mp4)$/;
const ORIGINAL_PATH = /^original\.(mp4|webm|mkv)$/;

function parseRange(header: string | undefined): ByteRange | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  if (m[1] === '') return { start: -Number(m[2]) };
  return { start: Number(m[1]), ...(m[2] !== '' ? { end: Number(m[2]) } : {}) };
}

export async function playbackRoutes(app: FastifyInstance, { db, env, now }: { db: Database; env: Env; now: () => Date }) {
  app.setErrorHandler((error, _request, reply) => {
    if (isShortsError(error)) return reply.code(shortsHttpStatus(error)).send(error.toBody());
    throw error;
  });

  app.get<{ Params: { token: string; '*': string } }>('/:token/*', async (request, reply) => {
    const check = verifyPlaybackToken(await keyFor(env), request.params.token, now().getTime());
    if (!check.ok) throw check.reason === 'expired' ? shortsErrors.tokenExpired() : shortsErrors.tokenInvalid();
    const path = request.params['*'];
    const { rows } = await db.execute<{ progressive: boolean; storage_key: string | null; status: string }>(sql`
      SELECT progressive, storage_key, status FROM video_assets WHERE id = ${check.claims.assetId} AND provider = 'local'`);
    const asset = rows[0];
    if (!asset || asset.status !== 'ready') throw shortsErrors.notFound('video');
    let key: string;
    if (HLS_PATH.test(path) && !asset.progressive) key = `videos/${check.claims.assetId}/${path}`;
    else if (ORIGINAL_PATH.test(path) && asset.progressive && asset.storage_key?.endsWith(`/${path}`)) key = asset.storage_key;
    else throw shortsErrors.notFound('video file');

    const range = parseRange(request.headers.range);
    if (range === 'invalid') return reply.code(416).send({ error: { code: 'VALIDATION_FAILED', message: 'That byte range is not valid.' } });
    // A range from an offset opens just that range; a suffix range ("the last N bytes") needs the size first.
    let object = await app.privateStorage.open(key, range && range.start >= 0 ? range : undefined);
    if (!object) throw shortsErrors.notFound('video file');
    const cacheFor = Math.max(0, check.claims.expiresAt - Math.floor(now().getTime() / 1000));
    reply
      .header('cache-control', `private, max-age=${cacheFor}`)
      .header('accept-ranges', 'bytes')
      .header('x-content-type-options', 'nosniff')
      .header('content-type', object.contentType);
    if (!range) return reply.header('content-length', object.size).send(object.stream);
    if (range.start < 0) {
      object.stream.destroy();
      object = await app.privateStorage.open(key, { start: Math.max(0, object.size + range.start) });
    }
    if (!object?.range) {
      return reply.code(416).header('content-range', `bytes */${object?.size ?? 0}`).send();
    }
    return reply
      .code(206)
      .header('content-range', `bytes ${object.range.start}-${object.range.end}/${object.size}`)
      .header('content-length', object.range.end - object.range.start + 1)
      .send(object.stream);
  });
}
