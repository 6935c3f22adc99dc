import { uuidArray } from '../../infra/sql-arrays';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  EPISODE_MAX_BYTES,
  type episodeInput,
  type grantSeasonAccessInput,
  type reorderEpisodesInput,
  type seasonInput,
  type seriesInput,
  type StudioEpisode,
  type StudioOverview,
  type StudioSeries,
  type UploadTarget,
  type updateEpisodeInput,
  type updateSeasonInput,
  type updateSeriesInput,
} from '@wt/schemas';
import type { z } from 'zod';
import { muxEnabled, type Env } from '../../env';
import type { ObjectStorage } from '../../infra/storage';
import type { PrivateStorage } from '../../infra/storage/private';
import type { Queryable } from '../rooms/views';
import { reorderRefusal } from './access';
import { myCreatorProfile, requireCreator } from './creators';
import { shortsErrors } from './errors';
import { startMuxUpload } from './mux/start-upload';
import { ffmpegAvailable } from './pipeline/probe';
import { removeAssetFiles } from './pipeline/publish';
import { seriesEpisodes } from './viewing';

/**
 * The creator studio (issue 9 point 2): series, seasons and episodes, full CRUD for their own creator.
 * Every function checks, on the server, that the caller is an approved creator and owns what they
 * touch (another creator's series is FORBIDDEN, whatever the id). Episode status: draft → processing
 * (an upload is being converted) → ready → published, or failed with the reason.
 */

export interface StudioDeps {
  db: Database;
  env: Env;
  now: () => Date;
  privateStorage: PrivateStorage;
  storage: ObjectStorage;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export async function pipelineMode(env: Env): Promise<StudioOverview['pipeline']> {
  if (muxEnabled(env)) return 'mux';
  return (await ffmpegAvailable(env)) ? 'hls' : 'mp4';
}

export async function studioOverview(deps: StudioDeps, userId: string): Promise<StudioOverview> {
  const creator = await myCreatorProfile(deps.db, userId);
  const pipeline = await pipelineMode(deps.env);
  if (!creator || creator.status !== 'approved') return { creator, series: [], pipeline };
  const { rows } = await deps.db.execute<SeriesFieldsRow & { episode_count: number }>(sql`
    SELECT r.id, r.slug, r.title, r.description, r.genre, r.cover_url, r.status, r.free_episodes,
      (SELECT count(*)::int FROM episodes e JOIN seasons s ON s.id = e.season_id WHERE s.series_id = r.id) AS episode_count
    FROM series r WHERE r.creator_id = ${creator.id} ORDER BY r.created_at DESC, r.id`);
  return {
    creator,
    pipeline,
    series: rows.map((r) => ({ ...seriesFieldsOf(r), episodeCount: r.episode_count })),
  };
}

type SeriesFieldsRow = {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  genre: StudioSeries['genre'];
  cover_url: string | null;
  status: StudioSeries['status'];
  free_episodes: number;
};

function seriesFieldsOf(r: SeriesFieldsRow): Omit<StudioSeries, 'seasons'> {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description ?? '',
    genre: r.genre,
    coverUrl: r.cover_url,
    status: r.status,
    freeEpisodes: r.free_episodes,
  };
}

// ---------- ownership ----------

/** The series, when it belongs to the caller's approved creator profile. */
async function ownSeries(db: Queryable, userId: string, seriesId: string): Promise<{ id: string; creatorId: string }> {
  const creator = await requireCreator(db, userId);
  const { rows } = await db.execute<{ creator_id: string }>(sql`SELECT creator_id FROM series WHERE id = ${seriesId}`);
  if (!rows[0]) throw shortsErrors.notFound('series');
  if (rows[0].creator_id !== creator.id) throw shortsErrors.forbidden('the creator of a series can change it');
  return { id: seriesId, creatorId: creator.id };
}

async function seriesOfSeason(db: Queryable, seasonId: string): Promise<string> {
  const { rows } = await db.execute<{ series_id: string }>(sql`SELECT series_id FROM seasons WHERE id = ${seasonId}`);
  if (!rows[0]) throw shortsErrors.notFound('season');
  return rows[0].series_id;
}

async function seriesOfEpisode(db: Queryable, episodeId: string): Promise<string> {
  const { rows } = await db.execute<{ series_id: string }>(
    sql`SELECT s.series_id FROM episodes e JOIN seasons s ON s.id = e.season_id WHERE e.id = ${episodeId}`,
  );
  if (!rows[0]) throw shortsErrors.notFound('episode');
  return rows[0].series_id;
}

/** The episode, when the caller's creator owns its series. */
export async function ownEpisode(db: Queryable, userId: string, episodeId: string): Promise<{ seriesId: string }> {
  const seriesId = await seriesOfEpisode(db, episodeId);
  await ownSeries(db, userId, seriesId);
  return { seriesId };
}

// ---------- reading ----------

type StudioEpisodeRow = {
  id: string;
  number: number;
  title: string;
  description: string | null;
  status: StudioEpisode['status'];
  duration_ms: number | null;
  thumbnail_url: string | null;
  free: boolean;
  free_override: boolean | null;
  season_id: string;
  published_at: Date | null;
  asset_error: string | null;
  provider: 'local' | 'mux' | null;
  progressive: boolean | null;
};

export async function studioSeries(deps: { db: Queryable }, userId: string, seriesId: string): Promise<StudioSeries> {
  await ownSeries(deps.db, userId, seriesId);
  const [{ rows: series }, { rows: seasons }, { rows: episodes }] = await Promise.all([
    deps.db.execute<SeriesFieldsRow>(
      sql`SELECT id, slug, title, description, genre, cover_url, status, free_episodes FROM series WHERE id = ${seriesId}`,
    ),
    deps.db.execute<{ id: string; number: number; title: string | null; price_cents: number }>(
      sql`SELECT id, number, title, price_cents FROM seasons WHERE series_id = ${seriesId} ORDER BY number`,
    ),
    deps.db.execute<StudioEpisodeRow>(sql`
      SELECT ep.*, a.error AS asset_error, a.provider, a.progressive
      FROM (${seriesEpisodes(seriesId)}) ep LEFT JOIN video_assets a ON a.id = ep.video_asset_id
      ORDER BY ep.position`),
  ]);
  return {
    ...seriesFieldsOf(series[0]!),
    seasons: seasons.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title ?? '',
      priceCents: s.price_cents,
      episodes: episodes
        .filter((e) => e.season_id === s.id)
        .map((e) => ({
          id: e.id,
          number: e.number,
          title: e.title,
          description: e.description ?? '',
          status: e.status,
          failureReason: e.status === 'failed' ? (e.asset_error ?? 'The video could not be processed. Upload it again.') : null,
          freeOverride: e.free_override,
          free: e.free,
          durationMs: e.duration_ms,
          thumbnailUrl: e.thumbnail_url,
          delivery: e.provider === 'mux' ? 'mux' : e.provider === 'local' ? (e.progressive ? 'mp4' : 'hls') : null,
          publishedAt: e.published_at ? new Date(e.published_at).toISOString() : null,
        })),
    })),
  };
}

// ---------- series ----------

function slugConflict(err: unknown): boolean {
  const cause = ((err as { cause?: unknown })?.cause ?? err) as { code?: string; constraint?: string };
  return cause?.code === '23505' && cause.constraint === 'series_slug_unique';
}

export async function createSeries(deps: StudioDeps, userId: string, input: z.output<typeof seriesInput>): Promise<StudioSeries> {
  const creator = await requireCreator(deps.db, userId);
  const now = deps.now();
  let id: string;
  try {
    const { rows } = await deps.db.execute<{ id: string }>(sql`
      INSERT INTO series (creator_id, slug, title, description, genre, free_episodes, status, created_at, updated_at)
      VALUES (${creator.id}, ${input.slug}, ${input.title}, ${input.description || null}, ${input.genre}, ${input.freeEpisodes},
              'draft', ${now}, ${now})
      RETURNING id`);
    id = rows[0]!.id;
  } catch (err) {
    if (slugConflict(err)) throw shortsErrors.slugTaken('series');
    throw err;
  }
  // Every series starts with its first season.
  await deps.db.execute(sql`INSERT INTO seasons (series_id, number, created_at, updated_at) VALUES (${id}, 1, ${now}, ${now})`);
  return studioSeries(deps, userId, id);
}

export async function updateSeries(deps: StudioDeps, userId: string, input: z.output<typeof updateSeriesInput>): Promise<StudioSeries> {
  await ownSeries(deps.db, userId, input.seriesId);
  const now = deps.now();
  try {
    await deps.db.execute(sql`
      UPDATE series SET
        title = COALESCE(${input.title ?? null}, title),
        slug = COALESCE(${input.slug ?? null}, slug),
        description = CASE WHEN ${input.description !== undefined} THEN ${input.description || null} ELSE description END,
        genre = COALESCE(${input.genre ?? null}, genre),
        free_episodes = COALESCE(${input.freeEpisodes ?? null}::int, free_episodes),
        status = COALESCE(${input.status ?? null}::series_status, status),
        published_at = CASE WHEN ${input.status ?? null}::series_status = 'published' AND published_at IS NULL THEN ${now}::timestamptz ELSE published_at END,
        updated_at = ${now}
      WHERE id = ${input.seriesId}`);
  } catch (err) {
    if (slugConflict(err)) throw shortsErrors.slugTaken('series');
    throw err;
  }
  return studioSeries(deps, userId, input.seriesId);
}

/** Only a series nobody could have watched (no published episode) is deleted; others are archived. */
export async function deleteSeries(deps: StudioDeps, userId: string, seriesId: string): Promise<StudioOverview> {
  await ownSeries(deps.db, userId, seriesId);
  const assets = await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      SELECT 1 FROM episodes e JOIN seasons s ON s.id = e.season_id WHERE s.series_id = ${seriesId} AND e.published_at IS NOT NULL LIMIT 1`);
    if (rows.length > 0) throw shortsErrors.conflict('Episodes of this series were published: archive it instead of deleting it.');
    const { rows: held } = await tx.execute(sql`
      SELECT 1 FROM season_access a JOIN seasons s ON s.id = a.season_id WHERE s.series_id = ${seriesId} LIMIT 1`);
    if (held.length > 0) throw shortsErrors.conflict('Viewers hold access to this series: archive it instead of deleting it.');
    const assets = await assetsOf(tx, sql`e.season_id IN (SELECT id FROM seasons WHERE series_id = ${seriesId})`);
    await tx.execute(sql`DELETE FROM series WHERE id = ${seriesId}`);
    await deleteAssets(tx, assets);
    return assets;
  });
  // After the commit: the assets' files go with them.
  await removeAssetFiles(deps, assets);
  return studioOverview(deps, userId);
}

// ---------- seasons ----------

export async function createSeason(deps: StudioDeps, userId: string, input: z.output<typeof seasonInput>): Promise<StudioSeries> {
  await ownSeries(deps.db, userId, input.seriesId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM series WHERE id = ${input.seriesId} FOR UPDATE`);
    await tx.execute(sql`
      INSERT INTO seasons (series_id, number, title, price_cents, created_at, updated_at)
      SELECT ${input.seriesId}, COALESCE(max(number), 0) + 1, ${input.title || null}, ${input.priceCents}, ${now}, ${now}
      FROM seasons WHERE series_id = ${input.seriesId}`);
  });
  return studioSeries(deps, userId, input.seriesId);
}

export async function updateSeason(deps: StudioDeps, userId: string, input: z.output<typeof updateSeasonInput>): Promise<StudioSeries> {
  const seriesId = await seriesOfSeason(deps.db, input.seasonId);
  await ownSeries(deps.db, userId, seriesId);
  await deps.db.execute(sql`
    UPDATE seasons SET
      title = CASE WHEN ${input.title !== undefined} THEN ${input.title || null} ELSE title END,
      price_cents = COALESCE(${input.priceCents ?? null}::int, price_cents),
      updated_at = ${deps.now()}
    WHERE id = ${input.seasonId}`);
  return studioSeries(deps, userId, seriesId);
}

export async function deleteSeason(deps: StudioDeps, userId: string, seasonId: string): Promise<StudioSeries> {
  const seriesId = await seriesOfSeason(deps.db, seasonId);
  await ownSeries(deps.db, userId, seriesId);
  const assets = await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(
      sql`SELECT 1 FROM episodes WHERE season_id = ${seasonId} AND published_at IS NOT NULL LIMIT 1`,
    );
    if (rows.length > 0) throw shortsErrors.conflict('Episodes of this season were published: unpublish them first, or keep the season.');
    const { rows: held } = await tx.execute(sql`SELECT 1 FROM season_access WHERE season_id = ${seasonId} LIMIT 1`);
    if (held.length > 0) throw shortsErrors.conflict('Viewers hold access to this season: it cannot be deleted.');
    const { rows: seasons } = await tx.execute(sql`SELECT 1 FROM seasons WHERE series_id = ${seriesId}`);
    if (seasons.length <= 1) throw shortsErrors.conflict('A series keeps at least one season.');
    const assets = await assetsOf(tx, sql`e.season_id = ${seasonId}`);
    await tx.execute(sql`DELETE FROM seasons WHERE id = ${seasonId}`);
    await deleteAssets(tx, assets);
    return assets;
  });
  // After the commit: the assets' files go with them.
  await removeAssetFiles(deps, assets);
  return studioSeries(deps, userId, seriesId);
}

// ---------- episodes ----------

export async function createEpisode(deps: StudioDeps, userId: string, input: z.output<typeof episodeInput>): Promise<StudioSeries> {
  const seriesId = await seriesOfSeason(deps.db, input.seasonId);
  await ownSeries(deps.db, userId, seriesId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM seasons WHERE id = ${input.seasonId} FOR UPDATE`);
    await tx.execute(sql`
      INSERT INTO episodes (season_id, number, title, description, free_override, status, created_at, updated_at)
      SELECT ${input.seasonId}, COALESCE(max(number), 0) + 1, ${input.title}, ${input.description || null}, ${input.freeOverride},
        'draft', ${now}, ${now}
      FROM episodes WHERE season_id = ${input.seasonId}`);
  });
  return studioSeries(deps, userId, seriesId);
}

export async function updateEpisode(deps: StudioDeps, userId: string, input: z.output<typeof updateEpisodeInput>): Promise<StudioSeries> {
  const { seriesId } = await ownEpisode(deps.db, userId, input.episodeId);
  await deps.db.execute(sql`
    UPDATE episodes SET
      title = COALESCE(${input.title ?? null}, title),
      description = CASE WHEN ${input.description !== undefined} THEN ${input.description || null} ELSE description END,
      free_override = CASE WHEN ${input.freeOverride !== undefined} THEN ${input.freeOverride ?? null}::boolean ELSE free_override END,
      updated_at = ${deps.now()}
    WHERE id = ${input.episodeId}`);
  return studioSeries(deps, userId, seriesId);
}

export async function deleteEpisode(deps: StudioDeps, userId: string, episodeId: string): Promise<StudioSeries> {
  const { seriesId } = await ownEpisode(deps.db, userId, episodeId);
  const assets = await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ season_id: string; video_asset_id: string | null; published_at: Date | null }>(
      sql`SELECT season_id, video_asset_id, published_at FROM episodes WHERE id = ${episodeId} FOR UPDATE`,
    );
    const episode = rows[0]!;
    if (episode.published_at) {
      const { rows: held } = await tx.execute(sql`SELECT 1 FROM season_access WHERE season_id = ${episode.season_id} LIMIT 1`);
      if (held.length > 0) throw shortsErrors.conflict('Viewers paid for this season: unpublish the episode instead of deleting it.');
    }
    const assets = await assetsOf(tx, sql`e.id = ${episodeId}`);
    await tx.execute(sql`DELETE FROM episodes WHERE id = ${episodeId}`);
    // The ones after it move up, so numbers stay 1..n.
    await renumber(tx, episode.season_id, null);
    await deleteAssets(tx, assets);
    return assets;
  });
  // After the commit: the assets' files go with them.
  await removeAssetFiles(deps, assets);
  return studioSeries(deps, userId, seriesId);
}

/** Numbers the season's episodes 1..n in `order` (default: their current order), through a free range. */
async function renumber(tx: Tx, seasonId: string, order: readonly string[] | null): Promise<void> {
  const { rows } = await tx.execute<{ id: string }>(sql`SELECT id FROM episodes WHERE season_id = ${seasonId} ORDER BY number`);
  const ids = order ?? rows.map((r) => r.id);
  if (ids.length === 0) return;
  // First out of the way (numbers above any in use), then into place: the unique (season, number) holds throughout.
  await tx.execute(sql`UPDATE episodes SET number = number + 100000 WHERE season_id = ${seasonId}`);
  await tx.execute(sql`
    UPDATE episodes e SET number = o.ord::int
    FROM unnest(${uuidArray(ids)}) WITH ORDINALITY AS o(id, ord)
    WHERE e.id = o.id AND e.season_id = ${seasonId}`);
}

export async function reorderEpisodes(deps: StudioDeps, userId: string, input: z.output<typeof reorderEpisodesInput>): Promise<StudioSeries> {
  const seriesId = await seriesOfSeason(deps.db, input.seasonId);
  await ownSeries(deps.db, userId, seriesId);
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`SELECT id FROM episodes WHERE season_id = ${input.seasonId} FOR UPDATE`);
    const refusal = reorderRefusal(
      rows.map((r) => r.id),
      input.episodeIds,
    );
    if (refusal) throw shortsErrors.validation(refusal);
    await renumber(tx, input.seasonId, input.episodeIds);
  });
  return studioSeries(deps, userId, seriesId);
}

export async function publishEpisode(deps: StudioDeps, userId: string, episodeId: string): Promise<StudioSeries> {
  const { seriesId } = await ownEpisode(deps.db, userId, episodeId);
  const now = deps.now();
  const { rows } = await deps.db.execute<{ status: string }>(sql`
    UPDATE episodes SET status = 'published', published_at = COALESCE(published_at, ${now}), updated_at = ${now}
    WHERE id = ${episodeId} AND status IN ('ready', 'published')
    RETURNING status`);
  if (rows.length === 0) {
    const { rows: current } = await deps.db.execute<{ status: string }>(sql`SELECT status FROM episodes WHERE id = ${episodeId}`);
    const status = current[0]?.status;
    throw shortsErrors.notReady(
      status === 'processing'
        ? 'This episode is still being processed: publish it when it is ready.'
        : status === 'failed'
          ? 'Processing this episode failed: upload the video again before publishing.'
          : 'Upload a video for this episode before publishing it.',
    );
  }
  return studioSeries(deps, userId, seriesId);
}

export async function unpublishEpisode(deps: StudioDeps, userId: string, episodeId: string): Promise<StudioSeries> {
  const { seriesId } = await ownEpisode(deps.db, userId, episodeId);
  await deps.db.execute(sql`
    UPDATE episodes SET status = 'ready', updated_at = ${deps.now()} WHERE id = ${episodeId} AND status = 'published'`);
  return studioSeries(deps, userId, seriesId);
}

/**
 * Where the studio uploads an episode's video: the tus endpoint of the local pipeline, or (MUX_* set)
 * a Mux direct-upload URL created for this episode.
 */
export async function uploadTarget(deps: StudioDeps, userId: string, episodeId: string): Promise<UploadTarget> {
  await ownEpisode(deps.db, userId, episodeId);
  const { rows } = await deps.db.execute<{ status: string }>(sql`SELECT status FROM episodes WHERE id = ${episodeId}`);
  if (rows[0]?.status === 'published') throw shortsErrors.conflict('Unpublish the episode before replacing its video.');
  if (muxEnabled(deps.env)) {
    const upload = await startMuxUpload(deps, { episodeId, userId });
    return { kind: 'mux', url: upload.uploadUrl, maxBytes: EPISODE_MAX_BYTES };
  }
  return { kind: 'tus', endpoint: '/api/uploads', maxBytes: EPISODE_MAX_BYTES, metadata: { episodeId } };
}

/** The series' creator (or an admin) gives someone a season's locked episodes. */
export async function grantSeasonAccess(
  deps: StudioDeps,
  actor: { userId: string; role: string },
  input: z.output<typeof grantSeasonAccessInput>,
): Promise<{ granted: true }> {
  const seriesId = await seriesOfSeason(deps.db, input.seasonId);
  const isAdmin = actor.role === 'admin';
  if (!isAdmin) await ownSeries(deps.db, actor.userId, seriesId);
  const { rows } = await deps.db.execute<{ id: string }>(sql`
    SELECT id FROM users WHERE lower(username) = lower(${input.username}) AND deleted_at IS NULL AND deactivated_at IS NULL`);
  if (!rows[0]) throw shortsErrors.validation(`There is nobody called ${input.username}.`);
  const now = deps.now();
  await deps.db.execute(sql`
    INSERT INTO season_access (user_id, season_id, granted_via, created_at, updated_at)
    VALUES (${rows[0].id}, ${input.seasonId}, ${isAdmin ? 'admin' : 'creator'}, ${now}, ${now})
    ON CONFLICT (user_id, season_id) DO NOTHING`);
  return { granted: true };
}

// ---------- assets ----------

type AssetFiles = { id: string; poster_key: string | null };

/** The video assets of the episodes matching `where` (alias `e`). */
async function assetsOf(tx: Tx, where: SQL): Promise<AssetFiles[]> {
  const { rows } = await tx.execute<AssetFiles>(sql`
    SELECT a.id, a.poster_key FROM episodes e JOIN video_assets a ON a.id = e.video_asset_id WHERE ${where}`);
  return rows;
}

async function deleteAssets(tx: Tx, assets: readonly AssetFiles[]): Promise<void> {
  if (assets.length > 0) await tx.execute(sql`DELETE FROM video_assets WHERE id = ANY(${uuidArray(assets.map((a) => a.id))})`);
}

