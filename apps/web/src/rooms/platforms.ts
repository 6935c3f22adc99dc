import type { ContentPlatform, ParsedContent } from '@wt/schemas';

/** How each content platform is named and played in the room's player area. */

export const PLATFORM_LABELS: Record<ContentPlatform, string> = {
  youtube: 'YouTube',
  drive: 'Google Drive',
  spotify: 'Spotify',
  web: 'Web page',
  upload: 'Upload',
};

/**
 * Which player plays a room's content: a `<video>` element (uploads, direct links to video files or
 * HLS playlists, Drive files through the Drive API), the YouTube IFrame API, Drive's own embed, the
 * Spotify card, or a sandboxed web page.
 */
export type PlayerSource =
  | { kind: 'video'; src: string }
  | { kind: 'youtube'; videoId: string }
  /** Drive's preview player: no API to drive it, each viewer plays and pauses it. */
  | { kind: 'drive-embed'; src: string; href: string }
  | { kind: 'spotify'; uri: string; href: string }
  | { kind: 'web'; src: string }
  /** A Shorts episode: each member's own signed URL, after their own access check (shorts.watch). */
  | { kind: 'episode'; episodeId: string }
  | { kind: 'none'; reason: string };

/** `/watch/<episode id>`: the room content of "Watch with friends" on a Shorts episode. */
const EPISODE_PAGE = /^\/watch\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A web address of a video file or an HLS playlist: played in a `<video>` element like an upload. */
const VIDEO_FILE = /\.(mp4|m4v|webm|ogv|ogg|mov|m3u8)$/i;
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DRIVE_ID = /^[A-Za-z0-9_-]{10,}$/;
const SPOTIFY_ID = /^(track|episode|playlist|album|show):[A-Za-z0-9]{22}$/;

export interface PlayerKeys {
  /** A Google API key allowed to read public Drive files: Drive videos then play in a `<video>`. */
  googleApiKey: string | null;
}

/**
 * The player for a room's content. Ids come from the server's parseContentUrl, but they are checked
 * again here: whatever is stored, only a URL on the provider's host comes out.
 */
export function playerSourceFor(
  content: ParsedContent | null,
  keys: PlayerKeys = { googleApiKey: null },
): PlayerSource {
  if (!content) return { kind: 'none', reason: 'Nothing is playing yet.' };
  const id = content.mediaId;
  switch (content.platform) {
    case 'youtube':
      if (!id || !YOUTUBE_ID.test(id)) break;
      return { kind: 'youtube', videoId: id };
    case 'drive': {
      if (!id || !DRIVE_ID.test(id)) break;
      const file = encodeURIComponent(id);
      if (keys.googleApiKey) {
        const key = encodeURIComponent(keys.googleApiKey);
        return {
          kind: 'video',
          src: `https://www.googleapis.com/drive/v3/files/${file}?alt=media&key=${key}`,
        };
      }
      return {
        kind: 'drive-embed',
        src: `https://drive.google.com/file/d/${file}/preview`,
        href: `https://drive.google.com/file/d/${file}/view`,
      };
    }
    case 'spotify': {
      if (!id || !SPOTIFY_ID.test(id)) break;
      const [kind, spotifyId] = id.split(':') as [string, string];
      return { kind: 'spotify', uri: `spotify:${id}`, href: `https://open.spotify.com/${kind}/${spotifyId}` };
    }
    case 'web': {
      const src = httpUrl(content.url);
      if (!src) break;
      if (VIDEO_FILE.test(new URL(src, 'http://localhost').pathname)) return { kind: 'video', src };
      return { kind: 'web', src };
    }
    case 'upload': {
      const episode = EPISODE_PAGE.exec(content.url);
      if (episode) return { kind: 'episode', episodeId: episode[1]! };
      const src = httpUrl(content.url);
      if (!src) break;
      return { kind: 'video', src };
    }
  }
  return { kind: 'none', reason: 'This content cannot be shown here.' };
}

/** Absolute http(s) URLs (or same-site paths for uploads) only: never `javascript:` or `data:`. */
export function httpUrl(value: string): string | null {
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
