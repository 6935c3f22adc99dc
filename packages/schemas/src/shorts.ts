import { z } from 'zod';

/**
 * Shorts (issue 9, seed 004): creators publish vertical series > seasons > episodes; the first episodes
 * of a series are free, the rest play for holders of the season's access. The shapes every surface
 * shares (tRPC, REST, the web forms); messages are sentences a form shows beside its field.
 */

export const SHORTS_GENRES = ['drama', 'romance', 'thriller', 'comedy', 'fantasy', 'mystery', 'action', 'horror'] as const;
export type ShortsGenre = (typeof SHORTS_GENRES)[number];
export const SERIES_STATUSES = ['draft', 'published', 'archived'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];
export const EPISODE_STATUSES = ['draft', 'processing', 'ready', 'published', 'failed'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];
export const CREATOR_STATUSES = ['applied', 'approved', 'rejected'] as const;
export type CreatorStatus = (typeof CREATOR_STATUSES)[number];

/** Free episodes per series unless the creator says otherwise (seed 004: "Episode 4+: Paywall"). */
export const DEFAULT_FREE_EPISODES = 3;
export const MAX_FREE_EPISODES = 100;
/** Uploads: the container is read from the bytes (MP4/MOV, WebM, Matroska). */
export const EPISODE_MAX_BYTES = 1024 * 1024 * 1024;
export const EPISODE_MAX_DURATION_S = 15 * 60;
export const EPISODE_MIN_DURATION_S = 1;
/** Vertical means taller than wide: width / height at most this. */
export const EPISODE_MAX_ASPECT = 0.8;
export const UPLOAD_CONTAINERS = ['mp4', 'mov', 'webm', 'mkv'] as const;
export const CREATOR_LINKS_MAX = 5;
export const SEASON_MAX_PRICE_CENTS = 100_000;
/** Playback URLs live this long beyond the episode's own length. */
export const PLAYBACK_TOKEN_SLACK_S = 15 * 60;

export const SHORTS_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'FORBIDDEN',
  'NOT_CREATOR',
  'ALREADY_APPLIED',
  'SLUG_TAKEN',
  'LOCKED',
  'SIGN_IN_REQUIRED',
  'NOT_READY',
  'UPLOAD_REFUSED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ShortsErrorCode = (typeof SHORTS_ERROR_CODES)[number];

const slugSchema = (what: string) =>
  z
    .string({ message: `Choose a ${what} address.` })
    .trim()
    .toLowerCase()
    .min(3, { message: `The ${what} address has at least 3 characters.` })
    .max(60, { message: `The ${what} address has at most 60 characters.` })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: `The ${what} address uses lower-case letters, digits and single dashes.` });

const uuid = (what: string) => z.string({ message: `Choose ${what}.` }).uuid({ message: `That ${what} does not exist.` });

// ---------- creators ----------

export const creatorApplicationInput = z.object({
  displayName: z
    .string({ message: 'Give your creator name.' })
    .trim()
    .min(2, { message: 'Creator names have at least 2 characters.' })
    .max(40, { message: 'Creator names have at most 40 characters.' }),
  slug: slugSchema('creator page'),
  bio: z.string().trim().max(160, { message: 'A bio has at most 160 characters.' }).default(''),
  links: z
    .array(
      z
        .string()
        .trim()
        .url({ message: 'Each link is a full address starting with https://.' })
        .refine((u) => /^https?:\/\//i.test(u), { message: 'Each link is a full address starting with https://.' }),
    )
    .max(CREATOR_LINKS_MAX, { message: `Add at most ${CREATOR_LINKS_MAX} links.` })
    .default([]),
});
export type CreatorApplicationInput = z.input<typeof creatorApplicationInput>;

export const creatorReviewInput = z.object({
  creatorId: uuid('a creator'),
  decision: z.enum(['approve', 'reject'], { message: 'Approve or reject.' }),
  reason: z.string().trim().max(300, { message: 'A reason has at most 300 characters.' }).default(''),
});

export const creatorSlugInput = z.object({ slug: z.string().trim().toLowerCase().max(60) });

export const creatorProfileSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  displayName: z.string(),
  bio: z.string(),
  avatarUrl: z.string().nullable(),
  links: z.array(z.string()),
  status: z.enum(CREATOR_STATUSES),
  /** Set on a rejection. */
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type CreatorProfile = z.infer<typeof creatorProfileSchema>;

/** An application as admins review it. */
export const creatorApplicationSchema = creatorProfileSchema.extend({
  username: z.string(),
  email: z.string(),
});
export type CreatorApplication = z.infer<typeof creatorApplicationSchema>;

// ---------- the content model ----------

export const seriesInput = z.object({
  title: z
    .string({ message: 'Give the series a title.' })
    .trim()
    .min(1, { message: 'Give the series a title.' })
    .max(80, { message: 'Titles have at most 80 characters.' }),
  slug: slugSchema('series'),
  description: z.string().trim().max(2000, { message: 'Descriptions have at most 2,000 characters.' }).default(''),
  genre: z.enum(SHORTS_GENRES, { message: 'Choose a genre.' }),
  freeEpisodes: z
    .number({ message: 'Say how many episodes are free.' })
    .int({ message: 'Free episodes are a whole number.' })
    .min(0, { message: 'Free episodes cannot be negative.' })
    .max(MAX_FREE_EPISODES, { message: `At most ${MAX_FREE_EPISODES} episodes can be free.` })
    .default(DEFAULT_FREE_EPISODES),
});
export type SeriesInput = z.input<typeof seriesInput>;

export const updateSeriesInput = seriesInput.partial().extend({
  seriesId: uuid('a series'),
  status: z.enum(SERIES_STATUSES).optional(),
});

export const seasonInput = z.object({
  seriesId: uuid('a series'),
  title: z.string().trim().max(80, { message: 'Season titles have at most 80 characters.' }).default(''),
  /** Placeholder until payments exist (a later issue). */
  priceCents: z
    .number()
    .int({ message: 'A price is a whole number of cents.' })
    .min(0, { message: 'A price cannot be negative.' })
    .max(SEASON_MAX_PRICE_CENTS, { message: 'A season costs at most 1,000.00.' })
    .default(0),
});
export const updateSeasonInput = seasonInput.omit({ seriesId: true }).partial().extend({ seasonId: uuid('a season') });

export const episodeInput = z.object({
  seasonId: uuid('a season'),
  title: z
    .string({ message: 'Give the episode a title.' })
    .trim()
    .min(1, { message: 'Give the episode a title.' })
    .max(100, { message: 'Episode titles have at most 100 characters.' }),
  description: z.string().trim().max(1000, { message: 'Descriptions have at most 1,000 characters.' }).default(''),
  /** Null: free or locked by the series rule (its first `freeEpisodes` episodes are free). */
  freeOverride: z.boolean().nullable().default(null),
});
export const updateEpisodeInput = episodeInput.omit({ seasonId: true }).partial().extend({ episodeId: uuid('an episode') });
export const reorderEpisodesInput = z.object({
  seasonId: uuid('a season'),
  /** Every episode of the season, in the new order. */
  episodeIds: z.array(z.string().uuid()).min(1).max(500),
});

export const seriesIdInput = z.object({ seriesId: uuid('a series') });
export const seasonIdInput = z.object({ seasonId: uuid('a season') });
export const episodeIdInput = z.object({ episodeId: uuid('an episode') });
export const seriesSlugInput = z.object({ slug: z.string().trim().toLowerCase().max(60) });
export const grantSeasonAccessInput = z.object({
  seasonId: uuid('a season'),
  username: z.string({ message: 'Say who gets access.' }).trim().min(1, { message: 'Say who gets access.' }).max(40),
});
export const featureSeriesInput = z.object({
  seriesId: uuid('a series'),
  /** 1 = first on the home page. */
  position: z.number().int().min(1).max(50),
});
export const episodeProgressInput = z.object({
  episodeId: uuid('an episode'),
  positionMs: z.number().int().min(0).max(EPISODE_MAX_DURATION_S * 1000 * 2),
  completed: z.boolean().default(false),
});

// ---------- views ----------

const creatorRef = z.object({ slug: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() });

export const seriesCardSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  title: z.string(),
  genre: z.enum(SHORTS_GENRES),
  coverUrl: z.string().nullable(),
  creator: creatorRef,
  /** Published episodes. */
  episodeCount: z.number().int(),
  freeEpisodes: z.number().int(),
});
export type SeriesCard = z.infer<typeof seriesCardSchema>;

export const episodeSummarySchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  durationMs: z.number().int().nullable(),
  thumbnailUrl: z.string().nullable(),
  /** Free by the series rule or the creator's override. */
  free: z.boolean(),
  /** For this viewer: false when free or when they hold the season's access. */
  locked: z.boolean(),
  /** Where this viewer stopped, if they started it. */
  progressMs: z.number().int().nullable(),
});
export type EpisodeSummary = z.infer<typeof episodeSummarySchema>;

export const seasonViewSchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  priceCents: z.number().int(),
  /** The viewer holds access to the season's locked episodes. */
  unlocked: z.boolean(),
  episodes: z.array(episodeSummarySchema),
});
export type SeasonView = z.infer<typeof seasonViewSchema>;

export const seriesDetailSchema = seriesCardSchema.extend({
  description: z.string(),
  publishedAt: z.string().nullable(),
  seasons: z.array(seasonViewSchema),
});
export type SeriesDetail = z.infer<typeof seriesDetailSchema>;

export const shortsHomeSchema = z.object({
  featured: z.array(seriesCardSchema),
  genres: z.array(z.object({ genre: z.enum(SHORTS_GENRES), series: z.array(seriesCardSchema) })),
  latest: z.array(seriesCardSchema),
});
export type ShortsHome = z.infer<typeof shortsHomeSchema>;

export const creatorPageSchema = z.object({ creator: creatorProfileSchema, series: z.array(seriesCardSchema) });
export type CreatorPage = z.infer<typeof creatorPageSchema>;

/** How the player loads an episode: HLS (local pipeline or Mux) or the original MP4 (no ffmpeg). */
export const playbackSchema = z.object({
  kind: z.enum(['hls', 'mp4']),
  /** Signed, short-lived: every playlist and segment request is checked. */
  url: z.string(),
  posterUrl: z.string().nullable(),
  expiresAt: z.string(),
});
export type Playback = z.infer<typeof playbackSchema>;

export const watchViewSchema = z.object({
  episode: episodeSummarySchema,
  series: z.object({ id: z.string().uuid(), slug: z.string(), title: z.string(), creator: creatorRef }),
  season: z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string(), priceCents: z.number().int() }),
  /** Null when locked for this viewer (see `paywall`). */
  playback: playbackSchema.nullable(),
  /** Why it does not play: sign up first, or the season must be unlocked. */
  paywall: z.enum(['sign_up', 'unlock']).nullable(),
  previousEpisodeId: z.string().uuid().nullable(),
  /** The next published episode and, when it plays for this viewer, its playback (to preload). */
  next: z.object({ episodeId: z.string().uuid(), locked: z.boolean(), playback: playbackSchema.nullable() }).nullable(),
});
export type WatchView = z.infer<typeof watchViewSchema>;

// ---------- the studio ----------

export const studioEpisodeSchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  status: z.enum(EPISODE_STATUSES),
  /** Why processing failed, as a sentence. */
  failureReason: z.string().nullable(),
  freeOverride: z.boolean().nullable(),
  free: z.boolean(),
  durationMs: z.number().int().nullable(),
  thumbnailUrl: z.string().nullable(),
  /** How it plays once ready. */
  delivery: z.enum(['hls', 'mp4', 'mux']).nullable(),
  publishedAt: z.string().nullable(),
});
export type StudioEpisode = z.infer<typeof studioEpisodeSchema>;

export const studioSeriesSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  genre: z.enum(SHORTS_GENRES),
  coverUrl: z.string().nullable(),
  status: z.enum(SERIES_STATUSES),
  freeEpisodes: z.number().int(),
  seasons: z.array(
    z.object({
      id: z.string().uuid(),
      number: z.number().int(),
      title: z.string(),
      priceCents: z.number().int(),
      episodes: z.array(studioEpisodeSchema),
    }),
  ),
});
export type StudioSeries = z.infer<typeof studioSeriesSchema>;

export const studioOverviewSchema = z.object({
  creator: creatorProfileSchema.nullable(),
  series: z.array(studioSeriesSchema.omit({ seasons: true }).extend({ episodeCount: z.number().int() })),
  /** What the platform does with uploads here: ffmpeg HLS, progressive MP4 (no ffmpeg), or Mux. */
  pipeline: z.enum(['hls', 'mp4', 'mux']),
});
export type StudioOverview = z.infer<typeof studioOverviewSchema>;

/** What the studio uploads to: tus (local pipeline) or a Mux direct-upload URL. */
export const uploadTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tus'), endpoint: z.string(), maxBytes: z.number().int(), metadata: z.record(z.string(), z.string()) }),
  z.object({ kind: z.literal('mux'), url: z.string(), maxBytes: z.number().int() }),
]);
export type UploadTarget = z.infer<typeof uploadTargetSchema>;
