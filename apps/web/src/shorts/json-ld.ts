import type { CreatorProfile, SeriesCard, SeriesDetail } from '@wt/schemas';
import { isoDuration } from './duration';
import { creatorPath, seriesPath, watchPath } from './paths';

/**
 * Structured data for search engines (issue 9): a series page describes a `TVSeries` whose seasons
 * list their episodes, each with its `VideoObject` (name, thumbnail, duration, upload date).
 */

type JsonLd = Record<string, unknown>;

const absolute = (url: string | null, origin: string) => (url ? new URL(url, origin).toString() : undefined);

/** Drops undefined fields so the JSON stays clean. */
function compact<T extends JsonLd>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function seriesJsonLd(series: SeriesDetail, origin: string): JsonLd {
  const cover = absolute(series.coverUrl, origin);
  const uploadDate = series.publishedAt ?? undefined;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'TVSeries',
    name: series.title,
    description: series.description || undefined,
    genre: series.genre,
    url: new URL(seriesPath(series.slug), origin).toString(),
    image: cover,
    inLanguage: 'en',
    numberOfEpisodes: series.episodeCount,
    numberOfSeasons: series.seasons.length,
    creator: compact({
      '@type': 'Person',
      name: series.creator.displayName,
      url: new URL(creatorPath(series.creator.slug), origin).toString(),
    }),
    containsSeason: series.seasons.map((season) =>
      compact({
        '@type': 'TVSeason',
        seasonNumber: season.number,
        name: season.title || `Season ${season.number}`,
        numberOfEpisodes: season.episodes.length,
        episode: season.episodes.map((episode) => {
          const url = new URL(watchPath(episode.id), origin).toString();
          const thumbnailUrl = absolute(episode.thumbnailUrl, origin) ?? cover;
          const duration = episode.durationMs !== null ? isoDuration(episode.durationMs) : undefined;
          return compact({
            '@type': 'TVEpisode',
            episodeNumber: episode.number,
            name: episode.title,
            description: episode.description || undefined,
            url,
            isAccessibleForFree: episode.free,
            video: compact({
              '@type': 'VideoObject',
              name: episode.title,
              description: episode.description || `${series.title}, episode ${episode.number}.`,
              thumbnailUrl,
              duration,
              uploadDate,
              embedUrl: url,
            }),
          });
        }),
      }),
    ),
  });
}

export function creatorJsonLd(creator: CreatorProfile, series: readonly SeriesCard[], origin: string): JsonLd {
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    mainEntity: compact({
      '@type': 'Person',
      name: creator.displayName,
      description: creator.bio || undefined,
      image: absolute(creator.avatarUrl, origin),
      url: new URL(creatorPath(creator.slug), origin).toString(),
      sameAs: creator.links.length ? creator.links : undefined,
    }),
    hasPart: series.map((card) =>
      compact({
        '@type': 'TVSeries',
        name: card.title,
        url: new URL(seriesPath(card.slug), origin).toString(),
        image: absolute(card.coverUrl, origin),
      }),
    ),
  });
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is escaped so a title containing
 * `</script>` cannot close the tag (and `\u2028`/`\u2029` for old parsers).
 */
export function jsonLdScriptBody(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
