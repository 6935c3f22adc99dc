import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { creatorProfiles } from './creators';
import { users } from './users';

export const seriesStatus = pgEnum('series_status', ['draft', 'published', 'archived']);
export const episodeStatus = pgEnum('episode_status', [
  'draft',
  'processing',
  'ready',
  'published',
  'failed',
]);
/** 'local': ffmpeg HLS (or progressive MP4) in our storage; 'mux': Mux direct upload (DESIGN section 2). */
export const videoProvider = pgEnum('video_provider', ['local', 'mux']);
export const videoAssetStatus = pgEnum('video_asset_status', ['waiting', 'processing', 'ready', 'failed']);
export const subtitleFormat = pgEnum('subtitle_format', ['vtt', 'srt']);
export const subtitleSource = pgEnum('subtitle_source', ['ai', 'upload']);

/** An uploaded video: a Shorts episode or a file played in a watch room (platform 'upload'). */
export const videoAssets = pgTable(
  'video_assets',
  {
    id: uuidPk(),
    provider: videoProvider('provider').notNull().default('local'),
    status: videoAssetStatus('status').notNull().default('waiting'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    /** Key of the original file in object storage. */
    storageKey: text('storage_key'),
    playbackId: text('playback_id'),
    // Unique: Mux webhooks find the asset by these ids.
    muxAssetId: text('mux_asset_id').unique(),
    muxUploadId: text('mux_upload_id').unique(),
    width: integer('width'),
    height: integer('height'),
    durationMs: integer('duration_ms'),
    /** Key of the HLS master playlist produced by the local pipeline. */
    hlsPath: text('hls_path'),
    /** Key of the poster frame (local pipeline). */
    posterKey: text('poster_key'),
    /** Served as the original MP4 (no ffmpeg on the machine) rather than HLS. */
    progressive: boolean('progressive').notNull().default(false),
    /** Container read from the upload's bytes: mp4, mov, webm, mkv. */
    container: text('container'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** Transcode attempts started (a restart resumes an unfinished one). */
    attempts: integer('attempts').notNull().default(0),
    /** Why processing failed, as a sentence the studio shows. */
    error: text('error'),
    ...timestamps(),
  },
  (t) => [
    index('video_assets_uploaded_by_idx').on(t.uploadedBy),
    // Start-up recovery resumes unfinished transcodes (DESIGN section 2).
    index('video_assets_unfinished_idx')
      .on(t.createdAt)
      .where(sql`${t.status} IN ('waiting', 'processing')`),
    check('video_assets_duration_nonnegative', sql`${t.durationMs} >= 0`),
  ],
);

export const series = pgTable(
  'series',
  {
    id: uuidPk(),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => creatorProfiles.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    description: text('description'),
    genre: text('genre'),
    coverUrl: text('cover_url'),
    status: seriesStatus('status').notNull().default('draft'),
    /** The series' first this-many episodes are free (seed 004: the paywall at episode 4). */
    freeEpisodes: integer('free_episodes').notNull().default(3),
    publishedAt: timestamptz('published_at'),
    ...timestamps(),
  },
  (t) => [
    index('series_creator_id_idx').on(t.creatorId),
    // Catalogue: WHERE status = 'published' [AND genre = $1] ORDER BY published_at DESC.
    index('series_status_published_at_idx').on(t.status, t.publishedAt.desc()),
    index('series_genre_idx').on(t.genre),
    check('series_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('series_free_episodes_range', sql`${t.freeEpisodes} BETWEEN 0 AND 100`),
  ],
);

export const seasons = pgTable(
  'seasons',
  {
    id: uuidPk(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title'),
    /** Price to unlock the season's locked episodes, in cents. */
    priceCents: integer('price_cents').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    unique('seasons_series_id_number_key').on(t.seriesId, t.number),
    check('seasons_number_positive', sql`${t.number} >= 1`),
    check('seasons_price_nonnegative', sql`${t.priceCents} >= 0`),
  ],
);

export const episodes = pgTable(
  'episodes',
  {
    id: uuidPk(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => seasons.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    status: episodeStatus('status').notNull().default('draft'),
    /**
     * Null: free or locked by the series rule (its first `free_episodes` episodes, counted across
     * seasons in order); true / false: the creator's override.
     */
    freeOverride: boolean('free_override'),
    durationMs: integer('duration_ms'),
    videoAssetId: uuid('video_asset_id').references(() => videoAssets.id, { onDelete: 'set null' }),
    thumbnailUrl: text('thumbnail_url'),
    publishedAt: timestamptz('published_at'),
    ...timestamps(),
  },
  (t) => [
    unique('episodes_season_id_number_key').on(t.seasonId, t.number),
    index('episodes_video_asset_id_idx').on(t.videoAssetId),
    check('episodes_number_positive', sql`${t.number} >= 1`),
    check('episodes_duration_nonnegative', sql`${t.durationMs} >= 0`),
  ],
);

export const subtitles = pgTable(
  'subtitles',
  {
    id: uuidPk(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    /** BCP 47 tag, e.g. 'en', 'pt-BR'. */
    language: text('language').notNull(),
    format: subtitleFormat('format').notNull().default('vtt'),
    storageKey: text('storage_key').notNull(),
    source: subtitleSource('source').notNull().default('upload'),
    ...timestamps(),
  },
  // One track per language; an uploaded track replaces the AI one.
  (t) => [unique('subtitles_episode_id_language_key').on(t.episodeId, t.language)],
);

/** Where a person stopped in an episode (the watch page resumes there). */
export const episodeProgress = pgTable(
  'episode_progress',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    positionMs: integer('position_ms').notNull(),
    completed: boolean('completed').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.episodeId] }),
    index('episode_progress_episode_id_idx').on(t.episodeId),
    check('episode_progress_position_nonnegative', sql`${t.positionMs} >= 0`),
  ],
);
