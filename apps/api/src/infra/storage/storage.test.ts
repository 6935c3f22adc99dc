import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../env';
import { createLocalStorage, createS3Storage, createStorage, contentTypeOf, isLocalStorage, isValidKey } from './index';

describe('storage keys', () => {
  it.each([
    ['avatars/0f8fad5b-d9cb-469f-a165-70867728950e/abc123.webp', true],
    ['demo/maya.svg', true],
    ['../etc/passwd', false],
    ['avatars/../../x.webp', false],
    ['/absolute.webp', false],
    ['avatars//x.webp', false],
    ['avatars/x', false],
    ['.env', false],
    ['Avatars/X.webp', false],
    ['avatars/x.webp/', false],
    ['avatars\\x.webp', false],
  ])('%s is valid: %s', (key, valid) => {
    expect(isValidKey(key)).toBe(valid);
  });

  it('serves known extensions with their type', () => {
    expect(contentTypeOf('a/b.webp')).toBe('image/webp');
    expect(contentTypeOf('demo/x.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('a/b.bin')).toBe('application/octet-stream');
  });
});

describe('local storage', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'wt-storage-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('writes, reads, deletes and maps URLs back to keys', async () => {
    const storage = createLocalStorage(root);
    const key = 'avatars/u1/abc.webp';
    await storage.put(key, Buffer.from('bytes'), 'image/webp');
    expect(await readFile(path.join(root, key), 'utf8')).toBe('bytes');
    expect(await storage.read(key)).toEqual(Buffer.from('bytes'));
    expect(storage.urlFor(key)).toBe('/api/media/avatars/u1/abc.webp');
    expect(storage.keyOf('/api/media/avatars/u1/abc.webp')).toBe(key);
    expect(storage.keyOf('https://cdn.example/avatars/u1/abc.webp')).toBeNull();
    expect(storage.keyOf('/api/media/../secret.webp')).toBeNull();
    await storage.delete(key);
    expect(await storage.read(key)).toBeNull();
    // Deleting again is fine.
    await storage.delete(key);
  });

  it('refuses keys that would leave the root, and reads nothing outside it', async () => {
    const storage = createLocalStorage(path.join(root, 'inner'));
    await writeFile(path.join(root, 'outside.webp'), 'secret');
    await expect(storage.put('../outside.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(/invalid storage key/);
    await expect(storage.delete('../outside.webp')).rejects.toThrow(/invalid storage key/);
    expect(await storage.read('../outside.webp')).toBeNull();
    expect(await readFile(path.join(root, 'outside.webp'), 'utf8')).toBe('secret');
  });
});

interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe('S3 storage against a recording S3 endpoint', () => {
  const requests: RecordedRequest[] = [];
  let server: http.Server;
  let endpoint: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
        if (req.method === 'PUT') {
          res.writeHead(200, { etag: '"0123456789abcdef"' });
        } else {
          res.writeHead(204);
        }
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterEach(() => {
    requests.length = 0;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const storage = () =>
    createS3Storage({
      endpoint,
      region: 'auto',
      bucket: 'wt-media',
      accessKeyId: 'AKIDTESTKEY',
      secretAccessKey: 'test-secret-key',
      publicUrl: 'https://media.example.com/',
    });

  it('PUTs the object path-style with a signed request, its type and a long cache lifetime', async () => {
    const bytes = Buffer.from('RIFF....WEBPVP8 fake webp bytes');
    await storage().put('avatars/u1/abc.webp', bytes, 'image/webp');
    expect(requests).toHaveLength(1);
    const [put] = requests;
    expect(put!.method).toBe('PUT');
    expect(put!.url.split('?')[0]).toBe('/wt-media/avatars/u1/abc.webp');
    expect(put!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTESTKEY\/\d{8}\/auto\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
    );
    expect(put!.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(put!.headers['content-type']).toBe('image/webp');
    expect(put!.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(put!.body).toEqual(bytes);
  });

  it('DELETEs the object and hands out public URLs under S3_PUBLIC_URL', async () => {
    const s3 = storage();
    await s3.delete('avatars/u1/abc.webp');
    expect(requests.map((r) => [r.method, r.url.split('?')[0]])).toEqual([['DELETE', '/wt-media/avatars/u1/abc.webp']]);
    expect(requests[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(s3.urlFor('avatars/u1/abc.webp')).toBe('https://media.example.com/avatars/u1/abc.webp');
    expect(s3.keyOf('https://media.example.com/avatars/u1/abc.webp')).toBe('avatars/u1/abc.webp');
    expect(s3.keyOf('/api/media/demo/maya.svg')).toBeNull();
  });

  it('never sends a key that could escape the bucket prefix', async () => {
    await expect(storage().put('../x.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(/invalid storage key/);
    expect(requests).toHaveLength(0);
  });
});

describe('createStorage from the environment', () => {
  const s3Env = {
    S3_ENDPOINT: 'https://acc.r2.cloudflarestorage.com',
    S3_REGION: 'auto',
    S3_BUCKET: 'media',
    S3_ACCESS_KEY_ID: 'id',
    S3_SECRET_ACCESS_KEY: 'secret',
    S3_PUBLIC_URL: 'https://media.example.com',
  };

  it('is local under DATA_DIR/media without S3_*, S3 with all of them', () => {
    const local = createStorage(parseEnv({ DATA_DIR: '/tmp/wt-data' }));
    expect(isLocalStorage(local) && local.root).toBe('/tmp/wt-data/media');
    expect(createStorage(parseEnv(s3Env)).driver).toBe('s3');
  });

  it('refuses a partial S3 configuration, naming what is missing', () => {
    const { S3_SECRET_ACCESS_KEY: _secret, ...partial } = s3Env;
    expect(() => parseEnv(partial)).toThrow(
      /^Invalid environment variable S3_SECRET_ACCESS_KEY: S3 storage needs all of S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PUBLIC_URL/,
    );
    expect(() => parseEnv({ ...s3Env, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
  });
});
