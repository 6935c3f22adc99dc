import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPISODE_MAX_BYTES } from '@wt/schemas';
import { buildTestApp, freshDatabase, waitFor, type TestDatabase } from '../../../test/helpers';
import { createCreator, makeClip, tusCreate, tusOffset, tusPatch, tusUpload, type TestCreator } from '../../../test/upload-helpers';
import { UPLOAD_REFUSALS } from './pipeline/limits';
import { playbackFor, type PlayableAsset } from './playback';
import { UPLOAD_MESSAGES } from './upload';

/*
 * Issue 9, points 3 and 4 through the real protocol: tus uploads to a listening app, the transcode job
 * on the in-process queue, and playback of the result through /api/play with a signed URL.
 */

let database: TestDatabase;
let app: FastifyInstance;
let base: string;
let dataDir: string;
let clips: Record<'vertical' | 'landscape' | 'text', string>;

beforeAll(async () => {
  database = await freshDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'wt-upload-'));
  const clipDir = await mkdtemp(path.join(os.tmpdir(), 'wt-clips-'));
  clips = {
    vertical: await makeClip(path.join(clipDir, 'vertical.mp4'), { width: 720, height: 1280, seconds: 3 }),
    landscape: await makeClip(path.join(clipDir, 'landscape.mp4'), { width: 640, height: 360, seconds: 2 }),
    text: path.join(clipDir, 'notes.txt'),
  };
  await writeFile(clips.text, 'Shopping list: milk, eggs, a video camera.\n'.repeat(50));
  app = await buildTestApp(database, { DATA_DIR: dataDir });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function assetCount(): Promise<number> {
  const { rows } = await app.services.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM video_assets`);
  return rows[0]!.n;
}

async function episode(id: string) {
  const { rows } = await app.services.db.execute<{ status: string; video_asset_id: string | null; duration_ms: number | null; thumbnail_url: string | null }>(
    sql`SELECT status, video_asset_id, duration_ms, thumbnail_url FROM episodes WHERE id = ${id}`,
  );
  return rows[0]!;
}

async function assetOf(id: string): Promise<PlayableAsset & { width: number; height: number; poster_key: string | null; error: string | null }> {
  const { rows } = await app.services.db.execute<PlayableAsset & { width: number; height: number; poster_key: string | null; error: string | null }>(
    sql`SELECT id, provider, status, progressive, storage_key, hls_path, playback_id, duration_ms, width, height, poster_key, error FROM video_assets WHERE id = ${id}`,
  );
  return rows[0]!;
}

/** Nothing is left in the tus folder (finished or refused uploads are removed). */
async function uploadsLeft(): Promise<string[]> {
  return readdir(path.join(dataDir, 'uploads')).catch(() => []);
}

describe('tus upload to ready', () => {
  let creator: TestCreator;
  beforeAll(async () => {
    creator = await createCreator(app, { episodes: 2 });
  });

  it('a vertical clip is received in two halves, converted to HLS and plays through signed URLs', { timeout: 90_000 }, async () => {
    const [episodeId] = creator.episodeIds;
    const finished = await tusUpload(base, creator.token, clips.vertical, { episodeId: episodeId! });
    expect(finished.status).toBe(204);
    const assetId = finished.headers.get('upload-asset-id')!;
    expect(assetId).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(async () => ((await uploadsLeft()).length === 0 ? true : undefined), 5_000, 'the tus copy to be removed');

    const ready = await waitFor(async () => ((await episode(episodeId!)).status === 'ready' ? episode(episodeId!) : undefined), 60_000, 'the episode to be ready');
    expect(ready.video_asset_id).toBe(assetId);
    expect(ready.duration_ms).toBeGreaterThan(2900);
    expect(ready.duration_ms).toBeLessThan(3200);
    const asset = await assetOf(assetId);
    expect(asset).toMatchObject({ status: 'ready', progressive: false, hls_path: 'hls/master.m3u8', width: 720, height: 1280, error: null });
    expect(asset.storage_key).toBe(`videos/${assetId}/original.mp4`);
    expect(ready.thumbnail_url).toBe(app.storage.urlFor(asset.poster_key!));
    const poster = await app.inject({ url: ready.thumbnail_url! });
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');

    const playback = await playbackFor({ env: app.services.env, now: () => new Date() }, asset, ready.thumbnail_url);
    expect(playback?.kind).toBe('hls');
    const master = await fetch(`${base}${playback!.url}`);
    expect(master.status).toBe(200);
    const masterText = await master.text();
    expect(masterText).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+.*RESOLUTION=720x1280/);
    expect(masterText).toMatch(/RESOLUTION=360x640/);
    expect(masterText).toContain('720p/index.m3u8');
    expect(masterText).toContain('360p/index.m3u8');

    const folder = playback!.url.slice(0, playback!.url.lastIndexOf('/') + 1);
    for (const rendition of ['720p', '360p']) {
      const playlist = await (await fetch(`${base}${folder}${rendition}/index.m3u8`)).text();
      expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(playlist).toContain('#EXT-X-TARGETDURATION:2');
      const segments = playlist.split('\n').filter((line) => line.endsWith('.ts'));
      // 3 s in 2 s segments: two of them, the same in every rendition (keyframes aligned).
      expect(segments).toEqual(['seg_00000.ts', 'seg_00001.ts']);
      const segment = await fetch(`${base}${folder}${rendition}/${segments[0]}`);
      expect(segment.status).toBe(200);
      expect(segment.headers.get('content-type')).toBe('video/mp2t');
      expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('refuses a file that is not a video, with a sentence, and creates nothing', async () => {
    const before = await assetCount();
    const answer = await tusUpload(base, creator.token, clips.text, { episodeId: creator.episodeIds[1]! });
    expect(answer.status).toBe(422);
    expect(answer.body).toBe(UPLOAD_REFUSALS.notVideo);
    expect(await assetCount()).toBe(before);
    expect((await episode(creator.episodeIds[1]!)).status).toBe('draft');
    expect(await uploadsLeft()).toEqual([]);
  });

  it('refuses a landscape clip, naming its size', async () => {
    const before = await assetCount();
    const answer = await tusUpload(base, creator.token, clips.landscape, { episodeId: creator.episodeIds[1]! });
    expect(answer.status).toBe(422);
    expect(answer.body).toBe(UPLOAD_REFUSALS.notVertical(640, 360));
    expect(await assetCount()).toBe(before);
    expect(await episode(creator.episodeIds[1]!)).toMatchObject({ status: 'draft', video_asset_id: null });
  });

  it('refuses an upload larger than the limit before a byte is sent', async () => {
    const answer = await tusCreate(base, creator.token, EPISODE_MAX_BYTES + 1, { episodeId: creator.episodeIds[1]! });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(UPLOAD_REFUSALS.tooLarge);
  });

  it('a truncated upload never finishes: nothing is created, and it can be resumed', async () => {
    const before = await assetCount();
    const created = await tusCreate(base, creator.token, 10_000, { episodeId: creator.episodeIds[1]! });
    expect(created.status).toBe(201);
    expect((await tusPatch(created.location!, creator.token, 0, Buffer.alloc(4_000))).status).toBe(204);
    expect(await tusOffset(created.location!, creator.token)).toBe(4_000);
    expect(await assetCount()).toBe(before);
    expect((await episode(creator.episodeIds[1]!)).status).toBe('draft');
  });

  it('refuses uploads without a sign-in, to another creator’s episode, and to someone else’s upload', async () => {
    const other = await createCreator(app);
    const anonymous = await tusCreate(base, null, 1000, { episodeId: creator.episodeIds[1]! });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toBe(UPLOAD_MESSAGES.signIn);

    const foreign = await tusCreate(base, other.token, 1000, { episodeId: creator.episodeIds[1]! });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toBe(UPLOAD_MESSAGES.notYours);

    const mine = await tusCreate(base, creator.token, 1000, { episodeId: creator.episodeIds[1]! });
    const hijack = await tusPatch(mine.location!, other.token, 0, Buffer.alloc(1000));
    expect(hijack.status).toBe(403);
    expect(hijack.body).toBe(UPLOAD_MESSAGES.notYourUpload);
    expect(await tusOffset(mine.location!, creator.token)).toBe(0);

    const pending = await createCreator(app, { status: 'applied' });
    const notApproved = await tusCreate(base, pending.token, 1000, { episodeId: pending.episodeIds[0]! });
    expect(notApproved.status).toBe(403);

    const noEpisode = await tusCreate(base, creator.token, 1000, { filename: 'clip.mp4' });
    expect(noEpisode.status).toBe(400);
    expect(noEpisode.body).toBe(UPLOAD_MESSAGES.noEpisode);
  });
});
