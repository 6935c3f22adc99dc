import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { demoVideoAssetIds, seedDemoData } from '@wt/db/seed';
import type { SeriesDetail, ShortsHome, WatchView } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { call, ok } from '../../../test/shorts-helpers';
import { provideDemoMedia } from './demo-media';

/*
 * Issue 9 point 9: the demo's Shorts look alive: its published episodes play the generated clips the
 * API ships (copied into private storage on start), as progressive MP4 through signed URLs.
 */
describe('demo Shorts media', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase();
    await seedDemoData(database.db);
    app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('copies a clip for every demo episode once, and a free episode plays it, byte ranges included', async () => {
    const deps = { db: database.db, privateStorage: app.services.privateStorage, log: pino({ level: 'silent' }) };
    // The test data directory outlives runs: start from no files.
    for (const id of demoVideoAssetIds()) await app.services.privateStorage.deletePrefix(`videos/${id}/`);
    const copied = await provideDemoMedia(deps);
    expect(copied).toBeGreaterThan(4);
    expect(await provideDemoMedia(deps)).toBe(0);

    const home = ok(await call<ShortsHome>(app, null, 'shorts.home', undefined, 'query'));
    expect(home.latest.length).toBeGreaterThanOrEqual(2);
    const series = ok(await call<SeriesDetail>(app, null, 'shorts.series', { slug: home.latest[0]!.slug }, 'query'));
    const first = series.seasons[0]!.episodes[0]!;
    expect(first).toMatchObject({ free: true, locked: false });
    const view = ok(await call<WatchView>(app, null, 'shorts.watch', { episodeId: first.id }, 'query'));
    expect(view.playback?.kind).toBe('mp4');
    const head = await app.inject({ method: 'GET', url: view.playback!.url, headers: { range: 'bytes=0-11' } });
    expect(head.statusCode).toBe(206);
    expect(head.headers['content-type']).toBe('video/mp4');
    expect(head.rawPayload.subarray(4, 8).toString()).toBe('ftyp');
    expect(head.headers['content-range']).toMatch(/^bytes 0-11\/\d+$/);
  });
});
