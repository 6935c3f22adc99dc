import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, freshDatabase, waitFor, type TestDatabase } from '../../../../test/helpers';
import { accessTokenFor, createCreator, makeClip, makeCorruptClip, tusUpload } from '../../../../test/upload-helpers';
import { originalKey, playbackFor, type PlayableAsset } from '../playback';
import { UNREADABLE_VIDEO } from './probe';
import { processVideoAsset } from './publish';

/*
 * The transcode job's outcomes (issue 9, point 4 and "Bad input"): a corrupt video fails with a sentence
 * and touches nothing else; a transcode left unfinished by a stopped app is finished by the next one; a
 * machine without ffmpeg serves the original with byte ranges; a finished asset is left alone by a re-run;
 * a new upload replaces the episode's previous video and its files.
 */

let database: TestDatabase;
let dataDir: string;
let clipDir: string;
let vertical: string;
let silent: string;
const apps: FastifyInstance[] = [];

async function start(overrides: Record<string, string> = {}): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildTestApp(database, { DATA_DIR: dataDir, ...overrides });
  apps.push(app);
  return { app, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

beforeAll(async () => {
  database = await freshDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'wt-pipeline-'));
  clipDir = await mkdtemp(path.join(os.tmpdir(), 'wt-pipeline-clips-'));
  vertical = await makeClip(path.join(clipDir, 'vertical.mp4'), { width: 360, height: 640, seconds: 3 });
  silent = await makeClip(path.join(clipDir, 'silent.mkv'), { width: 360, height: 640, seconds: 2, silent: true });
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(clipDir, { recursive: true, force: true });
});

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> =>
  (await database.db.execute(query)).rows as T[];

async function statusOf(table: 'episodes' | 'video_assets', id: string): Promise<string> {
  const rows = await q<{ status: string }>(sql`SELECT status FROM ${sql.identifier(table)} WHERE id = ${id}`);
  return rows[0]!.status;
}

const settled = (table: 'episodes' | 'video_assets', id: string, states: string[]) =>
  waitFor(async () => {
    const status = await statusOf(table, id);
    return states.includes(status) ? status : undefined;
  }, 60_000, `${table} ${id} to settle`);

describe('the transcode job', () => {
  it('fails a corrupt video with a sentence, and changes nothing else', { timeout: 90_000 }, async () => {
    const { app, base } = await start();
    const creator = await createCreator(app, { episodes: 2 });
    const [broken, fine] = creator.episodeIds as [string, string];
    expect((await tusUpload(base, creator.token, silent, { episodeId: fine })).status).toBe(204);
    expect(await settled('episodes', fine, ['ready', 'failed'])).toBe('ready');
    const before = await q(sql`SELECT id, status, updated_at FROM video_assets ORDER BY id`);

    const corrupt = await makeCorruptClip(vertical, path.join(clipDir, 'corrupt.mp4'));
    const answer = await tusUpload(base, creator.token, corrupt, { episodeId: broken });
    expect(answer.status).toBe(204);
    const assetId = answer.headers.get('upload-asset-id')!;
    expect(await settled('episodes', broken, ['ready', 'failed'])).toBe('failed');
    const [asset] = await q<{ status: string; error: string; hls_path: string | null; poster_key: string | null }>(
      sql`SELECT status, error, hls_path, poster_key FROM video_assets WHERE id = ${assetId}`,
    );
    expect(asset).toEqual({ status: 'failed', error: UNREADABLE_VIDEO, hls_path: null, poster_key: null });
    // Nothing converted was stored; the other episode and its asset are as they were.
    expect(await readdir(path.join(dataDir, 'private', 'videos', assetId))).toEqual(['original.mp4']);
    expect(await statusOf('episodes', fine)).toBe('ready');
    expect(await q(sql`SELECT id, status, updated_at FROM video_assets WHERE id <> ${assetId} ORDER BY id`)).toEqual(before);
    expect(await readdir(path.join(dataDir, 'tmp'))).toEqual([]);
  });

  it('finishes on start-up a transcode a stopped app left in processing', { timeout: 90_000 }, async () => {
    const first = await start();
    const creator = await createCreator(first.app);
    const [episodeId] = creator.episodeIds as [string];
    const assetId = randomUUID();
    // As a crash mid-transcode leaves it: the original stored, the asset processing, no job anywhere.
    await first.app.privateStorage.putFile(originalKey(assetId, 'mp4'), vertical, 'video/mp4');
    await database.db.execute(sql`
      INSERT INTO video_assets (id, provider, status, uploaded_by, storage_key, container, attempts)
      VALUES (${assetId}, 'local', 'processing', ${creator.userId}, ${originalKey(assetId, 'mp4')}, 'mp4', 1)`);
    await database.db.execute(sql`UPDATE episodes SET video_asset_id = ${assetId}, status = 'processing' WHERE id = ${episodeId}`);
    await first.app.close();

    const second = await start();
    expect(await settled('video_assets', assetId, ['ready', 'failed'])).toBe('ready');
    expect(await statusOf('episodes', episodeId)).toBe('ready');
    const [asset] = await q<{ attempts: number; hls_path: string }>(sql`SELECT attempts, hls_path FROM video_assets WHERE id = ${assetId}`);
    expect(asset).toEqual({ attempts: 2, hls_path: 'hls/master.m3u8' });
    expect(await readdir(path.join(dataDir, 'private', 'videos', assetId, 'hls', '360p'))).toContain('index.m3u8');

    // A re-run of a ready asset does nothing (a duplicate job, a retry after success).
    const outcome = await processVideoAsset(
      { db: database.db, env: second.app.services.env, log: second.app.log, now: () => new Date(), storage: second.app.storage, privateStorage: second.app.privateStorage },
      assetId,
    );
    expect(outcome).toBe('skipped');
    expect((await q<{ attempts: number }>(sql`SELECT attempts FROM video_assets WHERE id = ${assetId}`))[0]!.attempts).toBe(2);
  });

  it('without ffmpeg serves the original progressively, with byte ranges', { timeout: 60_000 }, async () => {
    const { app, base } = await start({ FFMPEG_PATH: '/nonexistent/ffmpeg' });
    const creator = await createCreator(app);
    const [episodeId] = creator.episodeIds as [string];
    const answer = await tusUpload(base, creator.token, vertical, { episodeId });
    expect(answer.status).toBe(204);
    const assetId = answer.headers.get('upload-asset-id')!;
    expect(await settled('episodes', episodeId, ['ready', 'failed'])).toBe('ready');
    const [asset] = await q<PlayableAsset & { width: number; height: number }>(
      sql`SELECT id, provider, status, progressive, storage_key, hls_path, playback_id, duration_ms, width, height FROM video_assets WHERE id = ${assetId}`,
    );
    // ffprobe still ran at upload: size and duration are known.
    expect(asset).toMatchObject({ status: 'ready', progressive: true, hls_path: null, width: 360, height: 640 });
    expect(asset!.duration_ms).toBeGreaterThan(2900);

    const playback = await playbackFor({ env: app.services.env, now: () => new Date() }, asset!, null);
    expect(playback).toMatchObject({ kind: 'mp4' });
    expect(playback!.url).toMatch(/\/original\.mp4$/);
    const part = await fetch(`${base}${playback!.url}`, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-99\/\d+$/);
    const bytes = Buffer.from(await part.arrayBuffer());
    expect(bytes.length).toBe(100);
    expect(bytes.toString('latin1', 4, 8)).toBe('ftyp');
  });

  it('a new upload replaces the episode’s previous video and removes its files', { timeout: 90_000 }, async () => {
    const { app, base } = await start();
    const creator = await createCreator(app);
    const [episodeId] = creator.episodeIds as [string];
    const first = await tusUpload(base, creator.token, silent, { episodeId });
    const firstId = first.headers.get('upload-asset-id')!;
    await settled('episodes', episodeId, ['ready', 'failed']);
    const [{ poster_key: oldPoster }] = (await q<{ poster_key: string }>(sql`SELECT poster_key FROM video_assets WHERE id = ${firstId}`)) as [{ poster_key: string }];

    const token = await accessTokenFor(app, creator.userId);
    const second = await tusUpload(base, token, vertical, { episodeId });
    expect(second.status).toBe(204);
    const secondId = second.headers.get('upload-asset-id')!;
    await settled('episodes', episodeId, ['ready', 'failed']);
    expect(await q(sql`SELECT id FROM video_assets WHERE id = ${firstId}`)).toEqual([]);
    await expect(readdir(path.join(dataDir, 'private', 'videos', firstId))).rejects.toThrow(/ENOENT/);
    await expect(readFile(path.join(dataDir, 'media', oldPoster))).rejects.toThrow(/ENOENT/);
    const [row] = await q<{ video_asset_id: string; thumbnail_url: string }>(sql`SELECT video_asset_id, thumbnail_url FROM episodes WHERE id = ${episodeId}`);
    expect(row!.video_asset_id).toBe(secondId);
    expect(row!.thumbnail_url).toContain(`/posters/${secondId}/`);
  });
});
