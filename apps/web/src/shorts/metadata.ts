import type { CreatorPage, SeriesDetail } from '@wt/schemas';
import type { Metadata } from 'next';
import { coverAlt, creatorPath, seriesPath } from './paths';
import { genreLabel } from './format';

/**
 * Page meta for /series/<slug> and /creators/<slug>: canonical URL, Open Graph (a `video.tv_show` with
 * its cover) and a Twitter card. `origin` makes image URLs absolute, as share cards need.
 */

function clip(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export function seriesDescription(series: SeriesDetail): string {
  return clip(
    series.description ||
      `${genreLabel(series.genre)} series by ${series.creator.displayName}: vertical episodes of a few minutes, the first ones free.`,
  );
}

export function seriesMetadata(series: SeriesDetail, origin: string): Metadata {
  const title = `${series.title} by ${series.creator.displayName}`;
  const description = seriesDescription(series);
  const url = seriesPath(series.slug);
  const image = series.coverUrl ? new URL(series.coverUrl, origin).toString() : null;
  return {
    metadataBase: new URL(origin),
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'video.tv_show',
      title,
      description,
      url,
      siteName: 'WatchTogether',
      ...(image ? { images: [{ url: image, width: 1080, height: 1920, alt: coverAlt(series.title) }] } : {}),
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title,
      description,
      ...(image ? { images: [image] } : {}),
    },
  };
}

export function creatorMetadata({ creator, series }: CreatorPage, origin: string): Metadata {
  const title = `${creator.displayName} on Shorts`;
  const description = clip(
    creator.bio ||
      (series.length === 1 ? `${creator.displayName} makes ${series[0]!.title}.` : `${creator.displayName} makes vertical series on WatchTogether Shorts.`),
  );
  const url = creatorPath(creator.slug);
  const image = creator.avatarUrl ? new URL(creator.avatarUrl, origin).toString() : null;
  return {
    metadataBase: new URL(origin),
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'profile',
      title,
      description,
      url,
      siteName: 'WatchTogether',
      ...(image ? { images: [{ url: image, width: 256, height: 256, alt: `${creator.displayName}'s picture` }] } : {}),
    },
    twitter: { card: 'summary', title, description, ...(image ? { images: [image] } : {}) },
  };
}
