/**
 * What a room plays, parsed and normalised on the server from a pasted URL (and shown by the client
 * as the user types). Pure: no network.
 */
export type ContentPlatform = 'youtube' | 'drive' | 'spotify' | 'web' | 'upload';

export interface ParsedContent {
  platform: ContentPlatform;
  /** The canonical URL stored on the room. */
  url: string;
  /** Provider id: YouTube video id, Drive file id, Spotify `track:ID` etc.; null for plain web pages. */
  mediaId: string | null;
}

export type ParseContentResult = { ok: true; content: ParsedContent } | { ok: false; message: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DRIVE_ID = /^[A-Za-z0-9_-]{10,}$/;
const SPOTIFY_KINDS = ['track', 'episode', 'playlist', 'album', 'show'] as const;

function youtube(url: URL): ParsedContent | null {
  const host = url.hostname.replace(/^(www\.|m\.|music\.)/, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = url.pathname.slice(1).split('/')[0] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (url.pathname === '/watch') id = url.searchParams.get('v');
    else {
      const m = url.pathname.match(/^\/(?:shorts|embed|live|v)\/([^/?#]+)/);
      id = m?.[1] ?? null;
    }
  } else return null;
  if (!id || !YOUTUBE_ID.test(id)) return null;
  const t = url.searchParams.get('t') ?? url.searchParams.get('start');
  const start = t && /^\d+s?$/.test(t) ? `&t=${parseInt(t, 10)}` : '';
  return { platform: 'youtube', url: `https://www.youtube.com/watch?v=${id}${start}`, mediaId: id };
}

function drive(url: URL): ParsedContent | null {
  if (url.hostname !== 'drive.google.com' && url.hostname !== 'docs.google.com') return null;
  const m = url.pathname.match(/\/file\/d\/([^/]+)/);
  const id = m?.[1] ?? url.searchParams.get('id');
  if (!id || !DRIVE_ID.test(id)) return null;
  return { platform: 'drive', url: `https://drive.google.com/file/d/${id}/view`, mediaId: id };
}

function spotify(url: URL): ParsedContent | null {
  if (url.hostname !== 'open.spotify.com') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  // Localised links look like /intl-de/track/ID.
  if (parts[0]?.startsWith('intl-')) parts.shift();
  const [kind, id] = parts;
  if (!kind || !id || !(SPOTIFY_KINDS as readonly string[]).includes(kind) || !/^[A-Za-z0-9]{22}$/.test(id)) return null;
  return { platform: 'spotify', url: `https://open.spotify.com/${kind}/${id}`, mediaId: `${kind}:${id}` };
}

/** Parses what a person pasted. Only http(s) is accepted: `javascript:`, `data:`, `file:` are refused. */
export function parseContentUrl(input: string): ParseContentResult {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Paste a link to a video, a song or a web page.' };
  if (raw.length > 2048) return { ok: false, message: 'That link is too long.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { ok: false, message: "That doesn't look like a link. Paste a full address such as https://youtube.com/watch?v=…" };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Only http and https links can be played in a room.' };
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, message: "That doesn't look like a link. Paste a full address such as https://youtube.com/watch?v=…" };
  }
  const parsed = youtube(url) ?? drive(url) ?? spotify(url);
  if (parsed) return { ok: true, content: parsed };
  if (/(^|\.)youtube\.com$|^youtu\.be$/.test(url.hostname)) {
    return { ok: false, message: 'That YouTube link has no video in it. Open the video and copy its address.' };
  }
  if (url.hostname === 'open.spotify.com') {
    return { ok: false, message: 'Use a Spotify link to a track, episode, album, show or playlist.' };
  }
  return { ok: true, content: { platform: 'web', url: url.toString(), mediaId: null } };
}
