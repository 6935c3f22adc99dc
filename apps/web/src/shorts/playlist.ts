/**
 * Just enough HLS playlist reading to warm the next episode: the variant the player starts on (the
 * lowest bandwidth, as the player is configured with `startLevel: 0`), then that variant's init
 * segment (fMP4) and first media segment. URLs resolve against the playlist's own URL, which carries
 * the signed token in its path.
 */

export function isMasterPlaylist(text: string): boolean {
  return /#EXT-X-STREAM-INF/.test(text);
}

/** The URI of the variant with the lowest BANDWIDTH, or null when the text is not a master playlist. */
export function lowestVariantUri(master: string): string | null {
  const lines = master.split(/\r?\n/).map((line) => line.trim());
  let best: { uri: string; bandwidth: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('#EXT-X-STREAM-INF:')) continue;
    const bandwidth = Number(/(?:^|[:,])BANDWIDTH=(\d+)/.exec(line)?.[1] ?? Number.POSITIVE_INFINITY);
    const uri = lines.slice(i + 1).find((next) => next !== '' && !next.startsWith('#'));
    if (uri && (!best || bandwidth < best.bandwidth)) best = { uri, bandwidth };
  }
  return best?.uri ?? null;
}

/** The init segment (EXT-X-MAP) and first media segment of a media playlist. */
export function firstSegmentUris(media: string): string[] {
  const uris: string[] = [];
  for (const raw of media.split(/\r?\n/)) {
    const line = raw.trim();
    const map = /^#EXT-X-MAP:.*URI="([^"]+)"/.exec(line);
    if (map && uris.length === 0) uris.push(map[1]!);
    else if (line !== '' && !line.startsWith('#')) {
      uris.push(line);
      break;
    }
  }
  return uris;
}

export function resolveAgainst(uri: string, base: string): string {
  return new URL(uri, base).toString();
}
