import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { privateContentTypeOf, type PrivateStorage } from './private';
import { assertValidKey, isValidKey } from './types';

export interface S3PrivateStorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Folder of the bucket private objects live under (never served by the bucket's public URL). */
  prefix?: string;
}

const PREFIX_PATTERN = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\/$/;

/**
 * Private media in an S3-compatible bucket (R2, MinIO, AWS): the same bucket as public uploads, keys
 * under `private/`, read back with ranged GetObject and streamed by the API behind playback tokens. The
 * bucket's public URL must not expose `private/` (on R2: serve only the public folders, or use a
 * second bucket by pointing this driver at it).
 */
export function createS3PrivateStorage(config: S3PrivateStorageConfig): PrivateStorage & { readonly client: S3Client } {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Checksums only where S3 requires them (DeleteObjects): a streamed PutObject then goes as a plain
    // body, which every S3-compatible store (R2, MinIO) accepts.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const root = config.prefix ?? 'private/';
  const objectKey = (key: string) => {
    assertValidKey(key);
    return `${root}${key}`;
  };
  return {
    driver: 's3',
    client,
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType }));
    },
    async putFile(key, file, contentType) {
      const { size } = await stat(file);
      // A stream with its length: the SDK sends it as it reads, never the whole file in memory.
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: objectKey(key),
          Body: createReadStream(file),
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    },
    async open(key, range) {
      if (!isValidKey(key)) return null;
      const header = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
      try {
        const res = await client.send(
          new GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key), ...(header ? { Range: header } : {}) }),
        );
        const body = res.Body as Readable | undefined;
        const stream = body ?? Readable.from([]);
        const contentRange = res.ContentRange ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.ContentRange) : null;
        if (contentRange) {
          return {
            stream,
            size: Number(contentRange[3]),
            contentType: privateContentTypeOf(key),
            range: { start: Number(contentRange[1]), end: Number(contentRange[2]) },
          };
        }
        return { stream, size: Number(res.ContentLength ?? 0), contentType: privateContentTypeOf(key), range: null };
      } catch (err) {
        if (err instanceof S3ServiceException) {
          if (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404) return null;
          // A range past the end: the object is there, the range cannot be served (the route answers 416).
          if (err.$metadata.httpStatusCode === 416) {
            const size = Number(/\/(\d+)$/.exec(String((err as { $response?: { headers?: Record<string, string> } }).$response?.headers?.['content-range'] ?? ''))?.[1] ?? 0);
            return { stream: Readable.from([]), size, contentType: privateContentTypeOf(key), range: null };
          }
        }
        throw err;
      }
    },
    async deletePrefix(prefix) {
      if (!PREFIX_PATTERN.test(prefix)) throw new Error(`invalid storage prefix: ${prefix}`);
      let token: string | undefined;
      do {
        const listed = await client.send(
          new ListObjectsV2Command({ Bucket: config.bucket, Prefix: `${root}${prefix}`, ...(token ? { ContinuationToken: token } : {}) }),
        );
        const keys = (listed.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length > 0) {
          await client.send(new DeleteObjectsCommand({ Bucket: config.bucket, Delete: { Objects: keys, Quiet: true } }));
        }
        token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
