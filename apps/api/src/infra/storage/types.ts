import path from 'node:path';

/**
 * Where uploaded files (avatars) live: a local directory served by the API, or an S3-compatible bucket.
 * Keys are relative paths such as `avatars/<user id>/<hash>.webp`; they never contain `..`.
 */
export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  /** Writes (or overwrites) an object. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Removes an object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** The URL browsers load the object from. */
  urlFor(key: string): string;
  /** The key behind a URL this storage handed out, or null for any other URL (demo avatars, OAuth pictures). */
  keyOf(url: string): string | null;
}

/** Lower-case words, digits and dashes in folders, one dot before the extension: no way out of the root. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9]{2,5}$/;

export function isValidKey(key: string): boolean {
  return key.length <= 300 && KEY_PATTERN.test(key);
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/** The file of `key` under the directory `base` (an absolute path); never outside it. */
export function fileUnder(base: string, key: string): string {
  assertValidKey(key);
  const file = path.resolve(base, key);
  // The key pattern already forbids it; this is the belt to those braces.
  if (!file.startsWith(base + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The Content-Type a key is served with, from its extension (unknown ones as bytes). */
export function contentTypeOf(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
