import { randomUUID } from 'node:crypto';
import { open, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileStore } from '@tus/file-store';
import { ERRORS, EVENTS, Server, type Upload } from '@tus/server';
import { sql } from 'drizzle-orm';
import { EPISODE_MAX_BYTES } from '@wt/schemas';
import type { Database } from '@wt/db';
import type { AppServices } from '../../services';
import { isAuthError } from '../auth/errors';
import { authenticateToken, bearerToken } from '../auth/session';
import { privateContentTypeOf } from '../../infra/storage/private';
import { originalKey } from './playback';
import { sizeRefusal, UPLOAD_REFUSALS, videoRefusal } from './pipeline/limits';
import { probeVideo, sniffContainer, toolRuns, type VideoContainer, type VideoInfo } from './pipeline/probe';
import { assetPrefix, enqueueTranscode, removeAssetFiles } from './pipeline/publish';

/**
 * Resumable episode uploads (issue 9, point 3): the tus protocol at /api/uploads (`@tus/server`, parts
 * kept under DATA_DIR/uploads). Every request carries the uploader's access token; the upload names its
 * episode in the `episodeId` metadata. When the last byte arrives the file is checked (container from its
 * bytes, duration and shape from ffprobe), becomes a `video_assets` row with the original in private
 * storage, and the transcode job is queued. A refused file leaves nothing behind.
 */

export const UPLOADS_PATH = '/api/uploads';
/** A partial upload nobody resumed for this long is removed (the daily cleanup job). */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60_000;
/** Bytes read to tell the container. */
const SNIFF_BYTES = 4096;

export const UPLOAD_MESSAGES = {
  signIn: 'Sign in to upload videos.',
  noEpisode: 'Say which episode this video is for (the upload has no episodeId).',
  notYours: 'You can upload only to episodes of your own series.',
  published: 'This episode is published: unpublish it before replacing its video.',
  noLength: 'Start the upload with the file size (Upload-Length).',
  notYourUpload: 'That upload belongs to someone else.',
} as const;

interface Refusal {
  status_code: number;
  body: string;
}

const refusal = (status_code: number, body: string): Refusal => ({ status_code, body });

/** What turning an upload into an asset needs. */
export type UploadDeps = Pick<AppServices, 'db' | 'queue' | 'now' | 'storage' | 'privateStorage'>;

type EpisodeRow = {
  id: string;
  status: string;
  video_asset_id: string | null;
};

/** The episode when `userId` is its approved creator; null otherwise (missing and foreign look the same). */
async function ownEpisode(db: Pick<Database, 'execute'>, userId: string, episodeId: string, lock = false): Promise<EpisodeRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(episodeId)) return null;
  const { rows } = await db.execute<EpisodeRow>(sql`
    SELECT e.id, e.status, e.video_asset_id
    FROM episodes e
    JOIN seasons s ON s.id = e.season_id
    JOIN series r ON r.id = s.series_id
    JOIN creator_profiles c ON c.id = r.creator_id
    WHERE e.id = ${episodeId} AND c.user_id = ${userId} AND c.status = 'approved'
    ${lock ? sql`FOR UPDATE OF e` : sql``}`);
  return rows[0] ?? null;
}

/** Reads the first bytes of a file. */
async function firstBytes(file: string, count: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What a finished upload must pass before it becomes an asset: a refusal sentence, or what was learnt. */
export async function checkUploadedFile(
  env: AppServices['env'],
  file: string,
  sizeBytes: number,
): Promise<{ ok: false; reason: string } | { ok: true; container: VideoContainer; video: VideoInfo | null }> {
  const tooBig = sizeRefusal(sizeBytes);
  if (tooBig) return { ok: false, reason: tooBig };
  const container = sniffContainer(await firstBytes(file, SNIFF_BYTES));
  if (!container) return { ok: false, reason: UPLOAD_REFUSALS.notVideo };
  if (!(await toolRuns(env.FFPROBE_PATH))) return { ok: true, container, video: null };
  const probed = await probeVideo(env, file);
  // A file ffprobe cannot read goes on to the pipeline, which marks it failed with the same sentence
  // the studio shows for any damaged video (nothing is refused that the pipeline could have told better).
  if (!probed.ok) return { ok: true, container, video: null };
  const refused = videoRefusal(probed.video);
  return refused ? { ok: false, reason: refused } : { ok: true, container, video: probed.video };
}

/**
 * Turns a finished, checked upload into the episode's asset: the original into private storage, the row,
 * the episode linked (status processing; its previous asset and files removed), the job queued.
 */
export async function createEpisodeAsset(
  deps: UploadDeps,
  input: { userId: string; episodeId: string; file: string; sizeBytes: number; container: VideoContainer; video: VideoInfo | null },
): Promise<string> {
  const { db, queue, now } = deps;
  const assetId = randomUUID();
  const key = originalKey(assetId, input.container);
  await deps.privateStorage.putFile(key, input.file, privateContentTypeOf(key));
  let previous: { id: string; poster_key: string | null } | null;
  try {
    previous = await db.transaction(async (tx) => {
      const episode = await ownEpisode(tx, input.userId, input.episodeId, true);
      if (!episode) throw refusal(403, UPLOAD_MESSAGES.notYours);
      if (episode.status === 'published') throw refusal(409, UPLOAD_MESSAGES.published);
      const at = now();
      await tx.execute(sql`
        INSERT INTO video_assets (id, provider, status, uploaded_by, storage_key, container, size_bytes, width, height, duration_ms, created_at, updated_at)
        VALUES (${assetId}, 'local', 'waiting', ${input.userId}, ${key}, ${input.container}, ${input.sizeBytes},
          ${input.video?.width ?? null}, ${input.video?.height ?? null}, ${input.video?.durationMs ?? null}, ${at}, ${at})`);
      let old: { id: string; poster_key: string | null } | null = null;
      if (episode.video_asset_id) {
        const { rows } = await tx.execute<{ id: string; poster_key: string | null }>(sql`
          SELECT id, poster_key FROM video_assets WHERE id = ${episode.video_asset_id}`);
        old = rows[0] ?? null;
      }
      const oldPosterUrl = old?.poster_key ? deps.storage.urlFor(old.poster_key) : null;
      await tx.execute(sql`
        UPDATE episodes SET video_asset_id = ${assetId}, status = 'processing', duration_ms = ${input.video?.durationMs ?? null},
          thumbnail_url = CASE WHEN thumbnail_url = ${oldPosterUrl} THEN NULL ELSE thumbnail_url END, updated_at = ${at}
        WHERE id = ${episode.id}`);
      if (old) await tx.execute(sql`DELETE FROM video_assets WHERE id = ${old.id}`);
      return old;
    });
  } catch (err) {
    await deps.privateStorage.deletePrefix(assetPrefix(assetId));
    throw err;
  }
  if (previous) await removeAssetFiles(deps, [previous]);
  await enqueueTranscode(queue, assetId, 0);
  return assetId;
}

/** Removes partial uploads older than the expiry (the daily cleanup job); returns how many. */
export async function cleanUpStaleUploads(directory: string): Promise<number> {
  await mkdir(directory, { recursive: true });
  const store = new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
  return store.deleteExpired();
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'status_code' in value && 'body' in value;
}

const isStatus = (err: unknown, status: number) => isRefusal(err) && err.status_code === status;

/** The tus server on Fastify: a raw body (tus reads the stream itself) and the Node request handed over. */
export async function uploadRoutes(app: FastifyInstance, { services }: { services: AppServices }): Promise<void> {
  const directory = path.join(services.env.DATA_DIR, 'uploads');
  await mkdir(directory, { recursive: true });
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
  const users = new WeakMap<object, Promise<string>>();

  /** The signed-in uploader of a request (checked once per request object). */
  const userOf = (req: Request): Promise<string> => {
    let known = users.get(req);
    if (!known) {
      known = (async () => {
        const token = bearerToken(req.headers.get('authorization') ?? undefined);
        if (!token) throw refusal(401, UPLOAD_MESSAGES.signIn);
        try {
          return (await authenticateToken(services, token)).userId;
        } catch (err) {
          if (isAuthError(err)) throw refusal(401, err.message);
          throw err;
        }
      })();
      users.set(req, known);
    }
    return known;
  };

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore,
    maxSize: EPISODE_MAX_BYTES,
    relativeLocation: true,
    allowedOrigins: [services.env.WEB_ORIGIN],
    async onIncomingRequest(req, uploadId) {
      const userId = await userOf(req);
      if (req.method === 'POST' || req.method === 'OPTIONS' || !uploadId) return;
      // Someone else's upload id: refused as if it were not there to resume.
      const upload = await datastore.getUpload(uploadId).catch(() => null);
      if (upload && upload.metadata?.uploaderId !== userId) throw refusal(403, UPLOAD_MESSAGES.notYourUpload);
    },
    async onUploadCreate(req, upload) {
      const userId = await userOf(req);
      if (upload.size === undefined) throw refusal(400, UPLOAD_MESSAGES.noLength);
      const tooBig = sizeRefusal(upload.size);
      if (tooBig) throw refusal(413, tooBig);
      const episodeId = upload.metadata?.episodeId;
      if (!episodeId) throw refusal(400, UPLOAD_MESSAGES.noEpisode);
      const episode = await ownEpisode(services.db, userId, episodeId);
      if (!episode) throw refusal(403, UPLOAD_MESSAGES.notYours);
      if (episode.status === 'published') throw refusal(409, UPLOAD_MESSAGES.published);
      return { metadata: { ...upload.metadata, uploaderId: userId } };
    },
    async onUploadFinish(req, upload) {
      try {
        const userId = await userOf(req);
        const episodeId = upload.metadata?.episodeId ?? '';
        const sizeBytes = upload.size ?? upload.offset;
        const file = uploadFile(directory, upload);
        const checked = await checkUploadedFile(services.env, file, sizeBytes);
        if (!checked.ok) throw refusal(422, checked.reason);
        const assetId = await createEpisodeAsset(services, { userId, episodeId, file, sizeBytes, container: checked.container, video: checked.video });
        services.log.info({ assetId, episodeId, sizeBytes }, 'shorts: upload received');
        return { headers: { 'Upload-Asset-Id': assetId } };
      } catch (err) {
        // Refused (or failed): nothing of it is kept; the client starts a new upload.
        await datastore.remove(upload.id).catch(() => undefined);
        throw err;
      }
    },
    async onResponseError(_req, err) {
      if (isStatus(err, ERRORS.ERR_MAX_SIZE_EXCEEDED.status_code)) return refusal(413, UPLOAD_REFUSALS.tooLarge);
      if (isRefusal(err)) return err;
      return undefined;
    },
  });
  // Accepted: the original is in private storage now, so the tus copy goes once the answer is out
  // (tus still reads the upload while answering a creation-with-upload POST).
  tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => {
    void datastore.remove(upload.id).catch(() => undefined);
  });
  // tus reads the request stream itself: leave the body unparsed for its content type (and none).
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  app.all('/', handle);
  app.all('/*', handle);
}

/** Where the file store keeps an upload's bytes. */
function uploadFile(directory: string, upload: Upload): string {
  return upload.storage?.path ?? path.join(directory, upload.id);
}
