import type { ContentPlatform, ParsedContent } from '@wt/schemas';

/** How each content platform is named and embedded in the room's player area. */

export const PLATFORM_LABELS: Record<ContentPlatform, string> = {
  youtube: 'YouTube',
  drive: 'Google Drive',
  spotify: 'Spotify',
  web: 'Web page',
  upload: 'Upload',
};

export type Embed =
  | { kind: 'iframe'; src: string; title: string; sandboxed: boolean }
  | { kind: 'video'; src: string }
  /** Shown as a card with a link until the Playback sync issue plays it in the room. */
  | { kind: 'placeholder'; platform: ContentPlatform; href: string; message: string }
  | { kind: 'none'; reason: string };

/** A web address of a video file: played in a `<video>` element like an upload. */
const VIDEO_FILE = /\.(mp4|m4v|webm|ogv|ogg|mov)$/i;

const PLACEHOLDER_MESSAGES: Partial<Record<ContentPlatform, string>> = {
  drive: 'Google Drive videos will play here in sync soon. Until then, open it in a new tab.',
  spotify: 'Spotify will play here in sync soon. Until then, open it in a new tab.',
};

/**
 * The embed for a room's content. Ids come from the server's parseContentUrl, but they are encoded
 * again here: whatever is stored, only a URL on the provider's embed host comes out.
 */
export function embedFor(content: ParsedContent | null): Embed {
  if (!content) return { kind: 'none', reason: 'Nothing is playing yet.' };
  const id = content.mediaId;
  switch (content.platform) {
    case 'youtube':
      if (!id) break;
      return {
        kind: 'iframe',
        src: `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`,
        title: 'YouTube video',
        sandboxed: false,
      };
    case 'spotify':
    case 'drive': {
      const href = httpUrl(content.url);
      if (!href || href.startsWith('/')) break;
      return {
        kind: 'placeholder',
        platform: content.platform,
        href,
        message: PLACEHOLDER_MESSAGES[content.platform] ?? '',
      };
    }
    case 'web': {
      const src = httpUrl(content.url);
      if (!src) break;
      if (VIDEO_FILE.test(new URL(src, 'http://localhost').pathname)) return { kind: 'video', src };
      return { kind: 'iframe', src, title: 'Shared web page', sandboxed: true };
    }
    case 'upload': {
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
