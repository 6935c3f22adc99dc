import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { contentTypeOf, fileUnder, isValidKey } from './types';

/**
 * Where private media lives (Shorts video: originals, HLS playlists and segments, posters): never
 * served by the public /api/media route; the API streams it after checking a playback token
 * (modules/shorts/playback.ts). A local directory by default, an S3-compatible bucket when S3_* is set.
 * Keys follow the storage key pattern (`videos/<asset id>/hls/720p/seg_00001.ts`).
 */
export interface PrivateStorage {
  readonly driver: 'local' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Stores a file from disk (large: streamed, never read whole into memory). */
  putFile(key: string, file: string, contentType: string): Promise<void>;
  /** The object's bytes from `range` (inclusive offsets), or null when there is none. */
  open(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** Removes every object under `prefix` (a folder, ending in `/`). */
  deletePrefix(prefix: string): Promise<void>;
}

export interface ByteRange {
  start: number;
  /** Inclusive; omitted: to the end. */
  end?: number;
}

export interface StoredObject {
  stream: Readable;
  /** Size of the whole object. */
  size: number;
  contentType: string;
  /** The range served (inclusive), when one was asked for. */
  range: { start: number; end: number } | null;
}

/** Content types of video keys (the shared table covers images). */
const VIDEO_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  jpg: 'image/jpeg',
};

export function privateContentTypeOf(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return VIDEO_TYPES[ext] ?? contentTypeOf(key);
}

/** A range that fits an object of `size` bytes, or null when it cannot be served (416). */
export function clampRange(range: ByteRange, size: number): { start: number; end: number } | null {
  const end = Math.min(range.end ?? size - 1, size - 1);
  if (range.start < 0 || range.start > end || range.start >= size) return null;
  return { start: range.start, end };
}

export function createLocalPrivateStorage(root: string): PrivateStorage {
  const base = path.resolve(root);
  const fileOf = (key: string) => fileUnder(base, key);
  async function place(key: string, write: (temp: string) => Promise<void>): Promise<void> {
    const file = fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await write(temp);
    await rename(temp, file);
  }
  return {
    driver: 'local',
    put: (key, bytes) => place(key, (temp) => writeFile(temp, bytes)),
    putFile: (key, file) => place(key, (temp) => copyFile(file, temp)),
    async open(key, range) {
      if (!isValidKey(key)) return null;
      const file = fileOf(key);
      let size: number;
      try {
        const info = await stat(file);
        if (!info.isFile()) return null;
        size = info.size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      const served = range ? clampRange(range, size) : null;
      if (range && !served) return { stream: emptyStream(), size, contentType: privateContentTypeOf(key), range: null };
      const stream = createReadStream(file, served ? { start: served.start, end: served.end } : {});
      return { stream, size, contentType: privateContentTypeOf(key), range: served };
    },
    async deletePrefix(prefix) {
      if (!/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\/$/.test(prefix)) throw new Error(`invalid storage prefix: ${prefix}`);
      await rm(path.resolve(base, prefix), { recursive: true, force: true });
    },
  };
}

function emptyStream(): Readable {
  return Readable.from([]);
}
