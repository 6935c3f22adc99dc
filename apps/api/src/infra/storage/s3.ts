import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertValidKey, isValidKey, type ObjectStorage } from './types';

export interface S3StorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where browsers load objects from: a CDN, the bucket's public URL or an R2 custom domain. */
  publicUrl: string;
}

/** Objects are content-hashed (a new avatar gets a new key), so browsers may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO...): path-style requests to `endpoint`, objects
 * served from `publicUrl/<key>`.
 */
export function createS3Storage(config: S3StorageConfig): ObjectStorage & { readonly client: S3Client } {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  const publicBase = config.publicUrl.replace(/\/+$/, '');
  return {
    driver: 's3',
    client,
    async put(key, bytes, contentType) {
      assertValidKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          CacheControl: IMMUTABLE_CACHE_CONTROL,
        }),
      );
    },
    async delete(key) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
    },
    urlFor(key) {
      assertValidKey(key);
      return `${publicBase}/${key}`;
    },
    keyOf(url) {
      const prefix = `${publicBase}/`;
      if (!url.startsWith(prefix)) return null;
      const key = url.slice(prefix.length);
      return isValidKey(key) ? key : null;
    },
  };
}
