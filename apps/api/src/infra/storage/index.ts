import path from 'node:path';
import fp from 'fastify-plugin';
import type { Env } from '../../env';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { ObjectStorage } from './types';
import { createLocalPrivateStorage, type PrivateStorage } from './private';
import { createS3PrivateStorage } from './private-s3';

export { createLocalStorage, isLocalStorage, LOCAL_MEDIA_PATH, type LocalStorage } from './local';
export { createS3Storage, IMMUTABLE_CACHE_CONTROL, type S3StorageConfig } from './s3';
export { contentTypeOf, isValidKey, type ObjectStorage } from './types';
export { mediaRoutes } from './routes';
export { createS3PrivateStorage, type S3PrivateStorageConfig } from './private-s3';
export { createLocalPrivateStorage, privateContentTypeOf, type PrivateStorage, type StoredObject } from './private';

declare module 'fastify' {
  interface FastifyInstance {
    /** Uploaded files (avatars): S3-compatible when S3_* is set, else DATA_DIR/media served at /api/media. */
    storage: ObjectStorage;
    /** Private media (Shorts video), streamed only behind a playback token: DATA_DIR/private by default. */
    privateStorage: PrivateStorage;
  }
}

/** The storage the environment asks for: S3 when the S3_* variables are set (env.ts checks all or none). */
export function createStorage(env: Env): ObjectStorage {
  if (env.S3_BUCKET && env.S3_ENDPOINT && env.S3_REGION && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY && env.S3_PUBLIC_URL) {
    return createS3Storage({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      publicUrl: env.S3_PUBLIC_URL,
    });
  }
  return createLocalStorage(path.join(env.DATA_DIR, 'media'));
}

/** Private media: keys under `private/` of the S3 bucket when S3_* is set, else DATA_DIR/private. */
export function createPrivateStorage(env: Env): PrivateStorage {
  if (env.S3_BUCKET && env.S3_ENDPOINT && env.S3_REGION && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY) {
    return createS3PrivateStorage({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    });
  }
  return createLocalPrivateStorage(path.join(env.DATA_DIR, 'private'));
}

/** Decorates the app with `storage` and `privateStorage` (a test may hand in its own). */
export const storagePlugin = fp<{ env: Env; storage?: ObjectStorage; privateStorage?: PrivateStorage }>(
  async (app, { env, storage, privateStorage }) => {
    app.decorate('storage', storage ?? createStorage(env));
    app.decorate('privateStorage', privateStorage ?? createPrivateStorage(env));
  },
  { name: 'storage' },
);
