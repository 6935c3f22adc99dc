import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey, fileUnder, isValidKey, type ObjectStorage } from './types';

/** The URL path under which the API serves local files (`GET /api/media/<key>`, see routes.ts). */
export const LOCAL_MEDIA_PATH = '/api/media';

export interface LocalStorage extends ObjectStorage {
  readonly driver: 'local';
  readonly root: string;
  /** The bytes of an object, or null when there is none (or the key is not one this storage writes). */
  read(key: string): Promise<Buffer | null>;
}

export function isLocalStorage(storage: ObjectStorage): storage is LocalStorage {
  return storage.driver === 'local' && 'read' in storage;
}

/**
 * Files in a directory (DATA_DIR/media by default). URLs are relative to the site (`/api/media/<key>`):
 * the web app forwards /api/* to the API, so they load from the web origin as they are.
 */
export function createLocalStorage(root: string, publicPath = LOCAL_MEDIA_PATH): LocalStorage {
  const base = path.resolve(root);
  const fileOf = (key: string) => fileUnder(base, key);
  return {
    driver: 'local',
    root: base,
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async read(key) {
      if (!isValidKey(key)) return null;
      try {
        return await readFile(fileOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') return null;
        throw err;
      }
    },
    urlFor(key) {
      assertValidKey(key);
      return `${publicPath}/${key}`;
    },
    keyOf(url) {
      const prefix = `${publicPath}/`;
      if (!url.startsWith(prefix)) return null;
      const key = url.slice(prefix.length);
      return isValidKey(key) ? key : null;
    },
  };
}
