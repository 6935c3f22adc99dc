import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../env';
import { createPrivateStorage } from './index';
import { createS3PrivateStorage } from './private-s3';

interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A small in-memory S3 endpoint speaking the parts of the protocol the private driver uses: PUT,
 * GET with Range, ListObjectsV2 (two pages) and DeleteObjects; every request is recorded.
 */
function fakeS3() {
  const objects = new Map<string, Buffer>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const url = new URL(req.url!, 'http://s3.local');
      const [, bucket, ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (bucket !== 'wt-media') return void res.writeHead(404).end();
      if (req.method === 'PUT') {
        objects.set(key, body);
        return void res.writeHead(200, { etag: '"0123"' }).end();
      }
      if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const all = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
        // Pages of 2, so the driver has to follow the continuation token.
        // Like S3, the token names where the last page ended (keys after it), not a position.
        const after = url.searchParams.get('continuation-token');
        const rest = after ? all.filter((k) => k > after) : all;
        const page = rest.slice(0, 2);
        const truncated = rest.length > 2;
        const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>wt-media</Name><Prefix>${prefix}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>${truncated}</IsTruncated>${page.map((k) => `<Contents><Key>${k}</Key><Size>${objects.get(k)!.length}</Size></Contents>`).join('')}${truncated ? `<NextContinuationToken>${page.at(-1)}</NextContinuationToken>` : ''}</ListBucketResult>`;
        return void res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
      }
      if (req.method === 'POST' && url.searchParams.has('delete')) {
        const keys = [...body.toString('utf8').matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!);
        for (const k of keys) objects.delete(k);
        return void res.writeHead(200, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><DeleteResult></DeleteResult>');
      }
      if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) {
          return void res
            .writeHead(404, { 'content-type': 'application/xml' })
            .end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
        }
        const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
        if (range) {
          const start = Number(range[1]);
          const end = Math.min(range[2] ? Number(range[2]) : object.length - 1, object.length - 1);
          return void res
            .writeHead(206, { 'content-range': `bytes ${start}-${end}/${object.length}`, 'content-length': end - start + 1 })
            .end(object.subarray(start, end + 1));
        }
        return void res.writeHead(200, { 'content-length': object.length }).end(object);
      }
      res.writeHead(400).end();
    });
  });
  return { server, objects, requests };
}

describe('private S3 storage against an S3 endpoint', () => {
  const s3 = fakeS3();
  let endpoint: string;
  let dir: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(s3.server.address() as { port: number }).port}`;
    dir = await mkdtemp(path.join(os.tmpdir(), 'wt-private-s3-'));
  });
  afterEach(() => {
    s3.requests.length = 0;
    s3.objects.clear();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => s3.server.close(() => resolve()));
  });

  const storage = () =>
    createS3PrivateStorage({ endpoint, region: 'auto', bucket: 'wt-media', accessKeyId: 'AKIDTESTKEY', secretAccessKey: 'test-secret-key' });

  it('stores a file from disk under private/, signed, with its type and length', async () => {
    const file = path.join(dir, 'seg.ts');
    await writeFile(file, Buffer.alloc(5000, 7));
    await storage().putFile('videos/a1/hls/720p/seg_00000.ts', file, 'video/mp2t');
    const [put] = s3.requests;
    expect(put!.method).toBe('PUT');
    expect(put!.url.split('?')[0]).toBe('/wt-media/private/videos/a1/hls/720p/seg_00000.ts');
    expect(put!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTESTKEY\//);
    expect(put!.headers['content-type']).toBe('video/mp2t');
    expect(s3.objects.get('private/videos/a1/hls/720p/seg_00000.ts')).toEqual(Buffer.alloc(5000, 7));
  });

  it('opens whole objects and byte ranges, and answers null for a missing one', async () => {
    const bytes = Buffer.from('0123456789abcdef');
    await storage().put('videos/a1/original.mp4', bytes, 'video/mp4');
    const whole = await storage().open('videos/a1/original.mp4');
    expect(whole).toMatchObject({ size: 16, contentType: 'video/mp4', range: null });
    expect(await text(whole!.stream)).toBe('0123456789abcdef');

    const part = await storage().open('videos/a1/original.mp4', { start: 4, end: 7 });
    expect(part).toMatchObject({ size: 16, range: { start: 4, end: 7 } });
    expect(await text(part!.stream)).toBe('4567');
    expect(s3.requests.at(-1)!.headers.range).toBe('bytes=4-7');

    const tail = await storage().open('videos/a1/original.mp4', { start: 10 });
    expect(tail?.range).toEqual({ start: 10, end: 15 });
    expect(await storage().open('videos/a1/missing.mp4')).toBeNull();
    expect(await storage().open('../escape.mp4')).toBeNull();
  });

  it('deletes every object under a prefix, page by page, and nothing else', async () => {
    const s = storage();
    for (const k of ['videos/a1/original.mp4', 'videos/a1/hls/master.m3u8', 'videos/a1/hls/720p/index.m3u8', 'videos/a1/hls/720p/seg_00000.ts', 'videos/a2/original.mp4']) {
      await s.put(k, Buffer.from(k), 'application/octet-stream');
    }
    await s.deletePrefix('videos/a1/');
    expect([...s3.objects.keys()]).toEqual(['private/videos/a2/original.mp4']);
    const lists = s3.requests.filter((r) => r.method === 'GET' && r.url.includes('list-type=2'));
    expect(lists.length).toBe(2);
    expect(lists[0]!.url).toContain('prefix=private%2Fvideos%2Fa1%2F');
    await expect(s.deletePrefix('../')).rejects.toThrow(/invalid storage prefix/);
  });

  it('is what createPrivateStorage picks when S3_* is set, else a local directory', () => {
    const s3Env = {
      S3_ENDPOINT: 'https://acc.r2.cloudflarestorage.com',
      S3_REGION: 'auto',
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PUBLIC_URL: 'https://media.example.com',
    };
    expect(createPrivateStorage(parseEnv(s3Env)).driver).toBe('s3');
    expect(createPrivateStorage(parseEnv({ DATA_DIR: '/tmp/wt-data' })).driver).toBe('local');
  });
});
