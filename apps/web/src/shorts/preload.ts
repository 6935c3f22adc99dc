import type { Playback } from '@wt/schemas';
import { firstSegmentUris, isMasterPlaylist, lowestVariantUri, resolveAgainst } from './playlist';

/**
 * The next episode, warmed while the current one plays: its playlists and first segment land in the
 * browser's HTTP cache (the API sends them `cache-control: private, max-age`), and its signed playback
 * is kept here so the next watch page starts on those very URLs instead of waiting for its own
 * `shorts.watch` answer (a fresh token would be a fresh URL, missing the cache).
 */

const warmed = new Map<string, Playback>();
const MIN_REMAINING_MS = 30_000;

export function rememberPlayback(episodeId: string, playback: Playback): void {
  warmed.set(episodeId, playback);
}

/** A warmed playback still valid for a while, or null. */
export function warmedPlayback(episodeId: string, nowMs = Date.now()): Playback | null {
  const playback = warmed.get(episodeId);
  if (!playback) return null;
  if (Date.parse(playback.expiresAt) - nowMs < MIN_REMAINING_MS) {
    warmed.delete(episodeId);
    return null;
  }
  return playback;
}

export function forgetPlayback(episodeId: string): void {
  warmed.delete(episodeId);
}

const inFlight = new Set<string>();

/** Fetches what the player asks for first. Errors are ignored: the player will ask again. */
export async function warmEpisode(
  episodeId: string,
  playback: Playback,
  fetchFn: typeof fetch = fetch,
  origin: string = globalThis.location?.origin ?? 'http://localhost',
): Promise<void> {
  // Already warmed under another signed URL (the server's answer, then the browser's): keep the first.
  const existing = warmedPlayback(episodeId);
  if (existing && existing.url !== playback.url) return;
  rememberPlayback(episodeId, playback);
  if (inFlight.has(playback.url)) return;
  inFlight.add(playback.url);
  try {
    const url = resolveAgainst(playback.url, origin);
    if (playback.kind === 'mp4') {
      // The start of the file: its header and first frames.
      await fetchFn(url, { headers: { range: 'bytes=0-524287' } }).then((r) => r.arrayBuffer());
      return;
    }
    let playlistUrl = url;
    let text = await fetchFn(playlistUrl).then((r) => (r.ok ? r.text() : ''));
    if (isMasterPlaylist(text)) {
      const variant = lowestVariantUri(text);
      if (!variant) return;
      playlistUrl = resolveAgainst(variant, playlistUrl);
      text = await fetchFn(playlistUrl).then((r) => (r.ok ? r.text() : ''));
    }
    await Promise.all(
      firstSegmentUris(text).map((uri) => fetchFn(resolveAgainst(uri, playlistUrl)).then((r) => r.arrayBuffer())),
    );
  } catch {
    // Warming is an optimisation only.
  } finally {
    inFlight.delete(playback.url);
  }
}
