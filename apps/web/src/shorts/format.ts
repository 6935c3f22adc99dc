import type { SeriesCard, ShortsGenre } from '@wt/schemas';

/** Words for the Shorts pages. */

export function genreLabel(genre: ShortsGenre): string {
  return genre.charAt(0).toUpperCase() + genre.slice(1);
}

/** "3 free episodes", "1 free episode", "All 5 episodes free", "No free episodes". */
export function freeEpisodesLabel(card: Pick<SeriesCard, 'episodeCount' | 'freeEpisodes'>): string {
  const free = Math.min(card.freeEpisodes, card.episodeCount);
  if (card.episodeCount > 0 && free >= card.episodeCount) return card.episodeCount === 1 ? 'Free episode' : `All ${card.episodeCount} episodes free`;
  if (free <= 0) return 'No free episodes';
  return free === 1 ? '1 free episode' : `${free} free episodes`;
}

export function episodeCountLabel(count: number): string {
  return count === 1 ? '1 episode' : `${count} episodes`;
}

/** A stable pair of hues from a slug, for covers that have no image yet. */
export function placeholderHues(slug: string): [number, number] {
  let hash = 2166136261;
  for (const char of slug) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  const first = Math.abs(hash) % 360;
  return [first, (first + 40 + (Math.abs(hash >> 8) % 80)) % 360];
}

/** How far into an episode the viewer got, for the episode list. */
export function progressPercent(progressMs: number | null, durationMs: number | null): number | null {
  if (progressMs === null || !durationMs) return null;
  return Math.max(0, Math.min(100, Math.round((progressMs / durationMs) * 100)));
}
