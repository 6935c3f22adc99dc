import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  SHORTS_GENRES,
  createRoomInput,
  type EpisodeSummary,
  type RoomDetail,
  type Playback,
  type SeriesCard,
  type SeriesDetail,
  type ShortsHome,
  type WatchView,
  type episodeProgressInput,
} from '@wt/schemas';
import type { z } from 'zod';
import type { Env } from '../../env';
import type { Queryable } from '../rooms/views';
import { createRoom } from '../rooms/service';
import { episodeAccess } from './access';
import { shortsErrors } from './errors';
import { muxPlaybackFor } from './mux/playback';
import { playbackFor, type PlayableAsset } from './playback';

/**
 * What viewers see (issue 9 point 7): the curated home, series pages and the watch page. Only published
 * episodes of published series are public; whether one plays for this viewer is `episodeAccess`, and
 * a playable one comes with a short-lived signed URL (playback.ts).
 */

export interface ViewingDeps {
  db: Database;
  env: Env;
  now: () => Date;
}

export interface Viewer {
  userId: string;
  role: string;
}

type CardRow = {
  id: string;
  slug: string;
  title: string;
  genre: SeriesCard['genre'];
  cover_url: string | null;
  free_episodes: number;
  creator_slug: string;
  creator_name: string;
  creator_avatar: string | null;
  episode_count: number;
};

const PUBLISHED_SERIES = sql`r.status = 'published'`;

const CARD_SELECT = sql`
  SELECT r.id, r.slug, r.title, r.genre, r.cover_url, r.free_episodes,
    c.slug AS creator_slug, c.display_name AS creator_name, c.avatar_url AS creator_avatar,
    (SELECT count(*)::int FROM episodes e JOIN seasons s ON s.id = e.season_id
      WHERE s.series_id = r.id AND e.status = 'published') AS episode_count
  FROM series r JOIN creator_profiles c ON c.id = r.creator_id AND c.status = 'approved'`;

function cardOf(r: CardRow): SeriesCard {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    genre: r.genre,
    coverUrl: r.cover_url,
    creator: { slug: r.creator_slug, displayName: r.creator_name, avatarUrl: r.creator_avatar },
    episodeCount: r.episode_count,
    freeEpisodes: r.free_episodes,
  };
}

/** Published series matching `where` (alias `r`), newest first, with at least one published episode. */
export async function loadSeriesCards(db: Queryable, where: SQL, limit: number): Promise<SeriesCard[]> {
  const { rows } = await db.execute<CardRow>(sql`
    ${CARD_SELECT}
    WHERE ${PUBLISHED_SERIES} AND ${where}
    ORDER BY r.published_at DESC NULLS LAST, r.id
    LIMIT ${limit}`);
  return rows.filter((r) => r.episode_count > 0).map(cardOf);
}

export async function shortsHome(deps: ViewingDeps): Promise<ShortsHome> {
  const now = deps.now();
  const { rows: featured } = await deps.db.execute<CardRow & { position: number }>(sql`
    SELECT cards.* FROM (${CARD_SELECT} WHERE ${PUBLISHED_SERIES}) cards
    JOIN featured_slots f ON f.series_id = cards.id
    WHERE f.starts_at <= ${now} AND (f.ends_at IS NULL OR f.ends_at > ${now}) AND cards.episode_count > 0
    ORDER BY f.position, f.created_at`);
  const seen = new Set<string>();
  const featuredCards = featured.filter((r) => !seen.has(r.id) && seen.add(r.id)).map(cardOf);
  const latest = await loadSeriesCards(deps.db, sql`true`, 24);
  const genres = SHORTS_GENRES.map((genre) => ({ genre, series: latest.filter((s) => s.genre === genre) })).filter(
    (g) => g.series.length > 0,
  );
  return { featured: featuredCards, genres, latest };
}

// ---------- series and episodes ----------

type EpisodeRow = {
  id: string;
  number: number;
  title: string;
  description: string | null;
  status: string;
  duration_ms: number | null;
  thumbnail_url: string | null;
  free: boolean;
  season_id: string;
  season_number: number;
  season_title: string | null;
  price_cents: number;
  video_asset_id: string | null;
  published_at: Date | null;
  position: number;
};

/**
 * Every episode of a series with its position in the series (seasons in order, then episodes) and
 * whether it is free: the creator's override, else among the series' first `free_episodes`.
 */
export function seriesEpisodes(seriesId: string): SQL {
  return sql`
    SELECT o.*, COALESCE(o.free_override, o.position <= r.free_episodes) AS free
    FROM (
      SELECT e.id, e.number, e.title, e.description, e.status, e.duration_ms, e.thumbnail_url, e.free_override,
        e.video_asset_id, e.published_at, s.id AS season_id, s.number AS season_number, s.title AS season_title,
        s.price_cents, s.series_id,
        row_number() OVER (ORDER BY s.number, e.number)::int AS position
      FROM episodes e JOIN seasons s ON s.id = e.season_id
      WHERE s.series_id = ${seriesId}) o
    JOIN series r ON r.id = o.series_id
    ORDER BY o.position`;
}

interface ViewerFacts {
  signedIn: boolean;
  isOwner: boolean;
  isAdmin: boolean;
  seasonsHeld: Set<string>;
  progress: Map<string, number>;
}

async function viewerFacts(db: Queryable, viewer: Viewer | null, seriesId: string, creatorUserId: string): Promise<ViewerFacts> {
  if (!viewer) return { signedIn: false, isOwner: false, isAdmin: false, seasonsHeld: new Set(), progress: new Map() };
  const [held, progress] = await Promise.all([
    db.execute<{ season_id: string }>(sql`
      SELECT a.season_id FROM season_access a JOIN seasons s ON s.id = a.season_id
      WHERE a.user_id = ${viewer.userId} AND s.series_id = ${seriesId}`),
    db.execute<{ episode_id: string; position_ms: number }>(sql`
      SELECT p.episode_id, p.position_ms FROM episode_progress p
      JOIN episodes e ON e.id = p.episode_id JOIN seasons s ON s.id = e.season_id
      WHERE p.user_id = ${viewer.userId} AND s.series_id = ${seriesId}`),
  ]);
  return {
    signedIn: true,
    isOwner: viewer.userId === creatorUserId,
    isAdmin: viewer.role === 'admin',
    seasonsHeld: new Set(held.rows.map((r) => r.season_id)),
    progress: new Map(progress.rows.map((r) => [r.episode_id, r.position_ms])),
  };
}

function summaryOf(e: EpisodeRow, facts: ViewerFacts): EpisodeSummary {
  const access = episodeAccess({
    free: e.free,
    signedIn: facts.signedIn,
    hasSeasonAccess: facts.seasonsHeld.has(e.season_id),
    isOwner: facts.isOwner,
    isAdmin: facts.isAdmin,
  });
  return {
    id: e.id,
    number: e.number,
    title: e.title,
    description: e.description ?? '',
    durationMs: e.duration_ms,
    thumbnailUrl: e.thumbnail_url,
    free: e.free,
    locked: access !== 'play',
    progressMs: facts.progress.get(e.id) ?? null,
  };
}

type SeriesRow = CardRow & { description: string | null; published_at: Date | null; creator_user_id: string };

async function publishedSeries(db: Queryable, where: SQL): Promise<SeriesRow | null> {
  const { rows } = await db.execute<SeriesRow>(sql`
    SELECT cards.*, r2.description, r2.published_at, c2.user_id AS creator_user_id
    FROM (${CARD_SELECT} WHERE ${PUBLISHED_SERIES} AND ${where}) cards
    JOIN series r2 ON r2.id = cards.id JOIN creator_profiles c2 ON c2.id = r2.creator_id`);
  return rows[0] ?? null;
}

export async function seriesDetail(deps: ViewingDeps, viewer: Viewer | null, slug: string): Promise<SeriesDetail> {
  const series = await publishedSeries(deps.db, sql`r.slug = ${slug}`);
  if (!series) throw shortsErrors.notFound('series');
  const [{ rows: episodes }, facts, seasons] = await Promise.all([
    deps.db.execute<EpisodeRow>(seriesEpisodes(series.id)),
    viewerFacts(deps.db, viewer, series.id, series.creator_user_id),
    deps.db.execute<{ id: string; number: number; title: string | null; price_cents: number }>(
      sql`SELECT id, number, title, price_cents FROM seasons WHERE series_id = ${series.id} ORDER BY number`,
    ),
  ]);
  const published = episodes.filter((e) => e.status === 'published');
  return {
    ...cardOf(series),
    description: series.description ?? '',
    publishedAt: series.published_at ? new Date(series.published_at).toISOString() : null,
    seasons: seasons.rows
      .map((s) => ({
        id: s.id,
        number: s.number,
        title: s.title ?? '',
        priceCents: s.price_cents,
        unlocked: facts.seasonsHeld.has(s.id) || facts.isOwner || facts.isAdmin,
        episodes: published.filter((e) => e.season_id === s.id).map((e) => summaryOf(e, facts)),
      }))
      .filter((s) => s.episodes.length > 0),
  };
}

async function assetOf(db: Queryable, assetId: string | null): Promise<(PlayableAsset & { poster: string | null }) | null> {
  if (!assetId) return null;
  const { rows } = await db.execute<PlayableAsset & { poster: string | null }>(sql`
    SELECT id, provider, status, progressive, storage_key, hls_path, playback_id, duration_ms, NULL::text AS poster
    FROM video_assets WHERE id = ${assetId}`);
  return rows[0] ?? null;
}

async function playbackOf(deps: ViewingDeps, e: EpisodeRow): Promise<Playback | null> {
  const asset = await assetOf(deps.db, e.video_asset_id);
  if (!asset) return null;
  if (asset.provider === 'mux') return asset.status === 'ready' ? muxPlaybackFor(deps.env, asset, deps.now()) : null;
  return playbackFor(deps, asset, e.thumbnail_url);
}

/** The watch page: the episode, whether and how it plays for this viewer, and its neighbours. */
export async function watchView(deps: ViewingDeps, viewer: Viewer | null, episodeId: string): Promise<WatchView> {
  const { rows: found } = await deps.db.execute<{ series_id: string }>(sql`
    SELECT s.series_id FROM episodes e JOIN seasons s ON s.id = e.season_id WHERE e.id = ${episodeId} AND e.status = 'published'`);
  const seriesId = found[0]?.series_id;
  const series = seriesId ? await publishedSeries(deps.db, sql`r.id = ${seriesId}`) : null;
  if (!series) throw shortsErrors.notFound('episode');
  const [{ rows: all }, facts] = await Promise.all([
    deps.db.execute<EpisodeRow>(seriesEpisodes(series.id)),
    viewerFacts(deps.db, viewer, series.id, series.creator_user_id),
  ]);
  const episodes = all.filter((e) => e.status === 'published');
  const index = episodes.findIndex((e) => e.id === episodeId);
  const episode = episodes[index]!;
  const summary = summaryOf(episode, facts);
  const access = episodeAccess({
    free: episode.free,
    signedIn: facts.signedIn,
    hasSeasonAccess: facts.seasonsHeld.has(episode.season_id),
    isOwner: facts.isOwner,
    isAdmin: facts.isAdmin,
  });
  const nextRow = episodes[index + 1] ?? null;
  const nextSummary = nextRow ? summaryOf(nextRow, facts) : null;
  return {
    episode: summary,
    series: {
      id: series.id,
      slug: series.slug,
      title: series.title,
      creator: { slug: series.creator_slug, displayName: series.creator_name, avatarUrl: series.creator_avatar },
    },
    season: { id: episode.season_id, number: episode.season_number, title: episode.season_title ?? '', priceCents: episode.price_cents },
    playback: access === 'play' ? await playbackOf(deps, episode) : null,
    paywall: access === 'play' ? null : access,
    previousEpisodeId: episodes[index - 1]?.id ?? null,
    next:
      nextRow && nextSummary
        ? { episodeId: nextRow.id, locked: nextSummary.locked, playback: nextSummary.locked ? null : await playbackOf(deps, nextRow) }
        : null,
  };
}

/** Where a viewer stopped; only for an episode they may play. */
export async function saveProgress(deps: ViewingDeps, viewer: Viewer, input: z.output<typeof episodeProgressInput>): Promise<null> {
  const view = await watchView(deps, viewer, input.episodeId);
  if (view.paywall) throw view.paywall === 'unlock' ? shortsErrors.locked() : shortsErrors.signInRequired();
  const now = deps.now();
  await deps.db.execute(sql`
    INSERT INTO episode_progress (user_id, episode_id, position_ms, completed, created_at, updated_at)
    VALUES (${viewer.userId}, ${input.episodeId}, ${input.positionMs}, ${input.completed}, ${now}, ${now})
    ON CONFLICT (user_id, episode_id) DO UPDATE
      SET position_ms = EXCLUDED.position_ms, completed = episode_progress.completed OR EXCLUDED.completed, updated_at = EXCLUDED.updated_at`);
  return null;
}

/** The room content of an episode: the platform's own video, `/watch/<id>` (rooms play it per member). */
export const episodeRoomContent = (episodeId: string) => ({ platform: 'upload' as const, url: `/watch/${episodeId}`, mediaId: null });

/**
 * "Watch with friends" (issue 9 point 8): opens a watch room on the episode, led by the viewer, who must
 * be able to play it. Each member who joins gets the episode through `shorts.watch` with their own
 * access: a friend without the season sees the paywall in the room instead of the video.
 */
export async function watchTogether(deps: ViewingDeps, viewer: Viewer, episodeId: string): Promise<RoomDetail> {
  const view = await watchView(deps, viewer, episodeId);
  if (view.paywall) throw view.paywall === 'unlock' ? shortsErrors.locked() : shortsErrors.signInRequired();
  const name = `${view.series.title} · S${view.season.number} E${view.episode.number}`.slice(0, 60);
  return createRoom(
    deps,
    viewer.userId,
    // The pasted-URL field is not used for platform content; the episode page stands in for it.
    createRoomInput.parse({ name, contentUrl: `${deps.env.WEB_ORIGIN}/watch/${episodeId}` }),
    episodeRoomContent(episodeId),
  );
}
