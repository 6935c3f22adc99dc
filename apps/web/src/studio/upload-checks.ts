import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';

/**
 * The checks the studio makes before sending a video (the server checks again, from the bytes) and
 * the sentence shown when the upload server refuses one.
 */

export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

/** Containers browsers may label without a video/* type (Matroska often comes as ""). */
const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv)$/i;

/** 1536 -> "1.5 KB", 1073741824 -> "1 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
  return `${rounded} ${units[unit]}`;
}

/** Null when the file may be sent; else the sentence that says what to choose instead. */
export function checkVideoFile(file: PickedFile, maxBytes: number): string | null {
  const looksLikeVideo = file.type ? file.type.startsWith('video/') : VIDEO_EXTENSIONS.test(file.name);
  if (!looksLikeVideo) return `${file.name} is not a video. Choose an MP4, MOV, WebM or MKV file.`;
  if (file.size === 0) return `${file.name} is empty. Choose the video again.`;
  if (file.size > maxBytes)
    return `${file.name} is ${formatBytes(file.size)}; an episode can be at most ${formatBytes(maxBytes)}. Export a smaller file.`;
  return null;
}

/** What the upload server answered when it refused (from tus-js-client's DetailedError). */
export interface UploadRefusal {
  /** HTTP status; 0 when no answer came. */
  status: number;
  /** The answer's body text, if any. */
  body: string;
}

/**
 * The sentence to show for a refused upload: the server's own sentence (a JSON `{ error: { message } }`
 * body or a plain-text one), else one chosen by the status.
 */
export function uploadRefusalSentence({ status, body }: UploadRefusal): string {
  const fromBody = sentenceIn(body);
  if (fromBody) return fromBody;
  if (status === 0) return NETWORK_ERROR_MESSAGE;
  if (status === 401)
    return 'Your session ended during the upload. Sign in again, then choose the file to resume.';
  if (status === 403) return 'Only the creator of this series can upload its episodes.';
  if (status === 404 || status === 410)
    return 'This upload expired on the server. Choose the file again to start over.';
  if (status === 413) return 'This file is too large for an episode. Export a smaller file.';
  if (status === 415)
    return 'This file is not a video the platform accepts. Choose an MP4, MOV, WebM or MKV file.';
  return UNEXPECTED_MESSAGE;
}

function sentenceIn(body: string): string | null {
  const text = body.trim();
  if (!text) return null;
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
      const message =
        typeof parsed.error === 'object' && parsed.error
          ? parsed.error.message
          : (parsed.error ?? parsed.message);
      return typeof message === 'string' && message.trim() ? message.trim() : null;
    } catch {
      return null;
    }
  }
  // An HTML error page (a proxy's) is not a sentence for people.
  if (text.startsWith('<') || text.length > 400) return null;
  return text;
}
