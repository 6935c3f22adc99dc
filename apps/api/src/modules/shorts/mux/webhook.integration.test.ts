import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, waitFor, type TestDatabase } from '../../../../test/helpers';
import { muxEvent, muxSigningKey, signMuxWebhook, startFakeMux, type FakeMux } from '../../../../test/mux-server';
import { isShortsError } from '../errors';
import { MUX_PROVIDER, receiveMuxDelivery, retryMuxDeliveries } from './deliveries';
import { startMuxUpload } from './start-upload';
import { MUX_WEBHOOK_PATH } from './webhook';

/**
 * The Mux ingest end to end: the studio side (`startMuxUpload`) with the real SDK against a local Mux
 * stand-in, then signed webhook deliveries to POST /api/webhooks/mux on the real app and database.
 */
const WEBHOOK_SECRET = 'mux-webhook-secret-integration';
const WEB_ORIGIN = 'https://studio.watchtogether.test';
const key = muxSigningKey();

let database: TestDatabase;
let app: FastifyInstance;
let mux: FakeMux;
let userId: string;
let seasonId: string;
let episodeNumber = 0;

function muxEnv() {
  return {
    MUX_TOKEN_ID: mux.tokenId,
    MUX_TOKEN_SECRET: mux.tokenSecret,
    MUX_WEBHOOK_SECRET: WEBHOOK_SECRET,
    MUX_BASE_URL: mux.baseUrl,
    MUX_SIGNING_KEY_ID: key.keyId,
    MUX_SIGNING_PRIVATE_KEY: key.privateKeyBase64,
    WEB_ORIGIN,
  };
}

async function one<T>(text: string, values: unknown[] = []): Promise<T> {
  const { rows } = await database.pool.query(text, values);
  return rows[0] as T;
}

beforeAll(async () => {
  database = await freshDatabase();
  mux = await startFakeMux();
  app = await buildTestApp(database, muxEnv());
  userId = (await one<{ id: string }>(`INSERT INTO users (username, email) VALUES ('mux_creator', 'mux@example.com') RETURNING id`)).id;
  const creator = await one<{ id: string }>(
    `INSERT INTO creator_profiles (user_id, status, slug, display_name) VALUES ($1, 'approved', 'mux-creator', 'Mux Creator') RETURNING id`,
    [userId],
  );
  const series = await one<{ id: string }>(
    `INSERT INTO series (creator_id, slug, title) VALUES ($1, 'mux-series', 'Mux series') RETURNING id`,
    [creator.id],
  );
  seasonId = (await one<{ id: string }>(`INSERT INTO seasons (series_id, number) VALUES ($1, 1) RETURNING id`, [series.id])).id;
});

afterAll(async () => {
  await app?.close();
  await mux?.close();
  await database?.drop();
});

beforeEach(() => {
  mux.requests.length = 0;
});

async function newEpisode(): Promise<string> {
  episodeNumber += 1;
  return (
    await one<{ id: string }>(`INSERT INTO episodes (season_id, number, title) VALUES ($1, $2, $3) RETURNING id`, [
      seasonId,
      episodeNumber,
      `Episode ${episodeNumber}`,
    ])
  ).id;
}

/** An episode whose Mux upload has started: its asset row, episode link and Mux upload id. */
async function uploading() {
  const episodeId = await newEpisode();
  const started = await startMuxUpload({ db: app.services.db, env: app.services.env }, { episodeId, userId });
  return { episodeId, ...started };
}

function deliver(event: ReturnType<typeof muxEvent>, signature?: { secret?: string; timestampS?: number; header?: string | null }) {
  const body = JSON.stringify(event);
  const header =
    signature?.header !== undefined ? signature.header : signMuxWebhook(body, signature?.secret ?? WEBHOOK_SECRET, signature?.timestampS);
  return app.inject({
    method: 'POST',
    url: MUX_WEBHOOK_PATH,
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'mux-signature': header }) },
    payload: body,
  });
}

const assetOf = (id: string) =>
  one<{ status: string; mux_asset_id: string | null; playback_id: string | null; duration_ms: number | null; width: number | null; height: number | null; error: string | null; updated_at: Date }>(
    `SELECT status, mux_asset_id, playback_id, duration_ms, width, height, error, updated_at FROM video_assets WHERE id = $1`,
    [id],
  );
const episodeOf = (id: string) =>
  one<{ status: string; duration_ms: number | null; thumbnail_url: string | null; video_asset_id: string | null }>(
    `SELECT status, duration_ms, thumbnail_url, video_asset_id FROM episodes WHERE id = $1`,
    [id],
  );
const deliveriesOf = (eventId: string) =>
  database.pool
    .query<{ processed_at: Date | null; error: string | null; type: string }>(
      `SELECT processed_at, error, type FROM webhook_events WHERE provider = 'mux' AND event_id = $1`,
      [eventId],
    )
    .then((r) => r.rows);
const countDeliveries = () => one<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_events`).then((r) => r.n);

function readyData(u: { uploadId: string; episodeId: string }, assetId: string, extra: Record<string, unknown> = {}) {
  return {
    id: assetId,
    status: 'ready',
    upload_id: u.uploadId,
    passthrough: u.episodeId,
    duration: 42.5,
    aspect_ratio: '9:16',
    playback_ids: [{ id: `signed-${assetId}`, policy: 'signed' }],
    tracks: [
      { type: 'video', id: 'v1', max_width: 1080, max_height: 1920, max_frame_rate: 30 },
      { type: 'audio', id: 'a1' },
    ],
    ...extra,
  };
}

describe('startMuxUpload', () => {
  it('creates the Mux upload, a waiting mux asset row and moves the episode to processing', async () => {
    const episodeId = await newEpisode();
    const started = await startMuxUpload({ db: app.services.db, env: app.services.env }, { episodeId, userId });

    expect(mux.requests).toHaveLength(1);
    expect(mux.requests[0]!.body).toEqual({
      cors_origin: WEB_ORIGIN,
      new_asset_settings: { playback_policies: ['signed'], passthrough: episodeId },
    });
    expect(started.uploadId).toBe(mux.uploads.at(-1));
    expect(started.uploadUrl).toMatch(/^https:\/\/storage\.googleapis\.com\//);
    expect(
      await one(`SELECT provider, status, mux_upload_id, uploaded_by FROM video_assets WHERE id = $1`, [started.assetId]),
    ).toEqual({ provider: 'mux', status: 'waiting', mux_upload_id: started.uploadId, uploaded_by: userId });
    expect(await episodeOf(episodeId)).toMatchObject({ status: 'processing', video_asset_id: started.assetId });
  });

  it('refuses an episode that does not exist, before asking Mux', async () => {
    const error = await startMuxUpload(
      { db: app.services.db, env: app.services.env },
      { episodeId: '00000000-0000-4000-8000-000000000000', userId },
    ).catch((e: unknown) => e);
    expect(isShortsError(error) && error.code).toBe('NOT_FOUND');
    expect(mux.requests).toHaveLength(0);
  });

  it('says so in a sentence when Mux refuses, and stores nothing', async () => {
    const episodeId = await newEpisode();
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM video_assets`);
    mux.failNext(400, 'Invalid cors_origin');
    const error = await startMuxUpload({ db: app.services.db, env: app.services.env }, { episodeId, userId }).catch((e: unknown) => e);
    expect(isShortsError(error) && error.message).toBe('The video service could not start the upload just now. Try again in a moment.');
    expect(await one<{ n: number }>(`SELECT count(*)::int AS n FROM video_assets`)).toEqual(before);
    expect(await episodeOf(episodeId)).toMatchObject({ status: 'draft', video_asset_id: null });
  });
});

describe('POST /api/webhooks/mux', () => {
  it('takes an upload through created, asset_created, ready and track.ready', async () => {
    const u = await uploading();
    const muxAssetId = `asset-${u.uploadId}`;

    expect((await deliver(muxEvent('video.upload.created', { id: u.uploadId, status: 'waiting', cors_origin: WEB_ORIGIN }))).statusCode).toBe(200);
    expect((await assetOf(u.assetId)).status).toBe('waiting');

    const linked = await deliver(muxEvent('video.upload.asset_created', { id: u.uploadId, asset_id: muxAssetId, status: 'asset_created' }));
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toEqual({ received: true, duplicate: false });
    expect(await assetOf(u.assetId)).toMatchObject({ status: 'processing', mux_asset_id: muxAssetId });

    const ready = muxEvent('video.asset.ready', readyData(u, muxAssetId));
    expect((await deliver(ready)).statusCode).toBe(200);
    expect(await assetOf(u.assetId)).toMatchObject({
      status: 'ready',
      mux_asset_id: muxAssetId,
      playback_id: `signed-${muxAssetId}`,
      duration_ms: 42500,
      width: 1080,
      height: 1920,
      error: null,
    });
    // Signed playback: the thumbnail needs a token, made per viewer (muxPlaybackFor / muxThumbnailFor).
    expect(await episodeOf(u.episodeId)).toMatchObject({ status: 'ready', duration_ms: 42500, thumbnail_url: null });

    const track = muxEvent('video.asset.track.ready', { id: 'track-1', asset_id: muxAssetId, type: 'text', text_type: 'subtitles', language_code: 'en', status: 'ready' });
    expect((await deliver(track)).statusCode).toBe(200);
    expect(await deliveriesOf(track.id)).toEqual([expect.objectContaining({ type: 'video.asset.track.ready', error: null, processed_at: expect.any(Date) })]);
    expect(await deliveriesOf(ready.id)).toEqual([expect.objectContaining({ error: null, processed_at: expect.any(Date) })]);
  });

  it('refuses a bad signature with 400 and stores and changes nothing', async () => {
    const u = await uploading();
    const before = await countDeliveries();
    const event = muxEvent('video.asset.ready', readyData(u, 'asset-forged'));

    for (const signature of [{ secret: 'not-the-secret' }, { header: 't=1,v1=deadbeef' }, { header: null }, { header: 'garbage' }]) {
      const res = await deliver(event, signature);
      expect(res.statusCode).toBe(400);
      const body = res.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('INVALID_SIGNATURE');
      expect(body.error.message).toMatch(/^The mux-signature .*\.$/);
    }
    expect(await countDeliveries()).toBe(before);
    expect(await deliveriesOf(event.id)).toEqual([]);
    expect(await assetOf(u.assetId)).toMatchObject({ status: 'waiting', playback_id: null });
    expect((await episodeOf(u.episodeId)).status).toBe('processing');
  });

  it('refuses old and future-dated signatures (beyond 300 s) with 400', async () => {
    const u = await uploading();
    const before = await countDeliveries();
    const event = muxEvent('video.asset.ready', readyData(u, 'asset-replayed'));
    const nowS = Math.floor(Date.now() / 1000);

    const stale = await deliver(event, { timestampS: nowS - 301 });
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toEqual({ error: { code: 'INVALID_SIGNATURE', message: 'The mux-signature timestamp is more than 300 seconds old.' } });
    const future = await deliver(event, { timestampS: nowS + 301 });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toEqual({
      error: { code: 'INVALID_SIGNATURE', message: 'The mux-signature timestamp is more than 300 seconds in the future.' },
    });
    expect(await countDeliveries()).toBe(before);
    expect((await assetOf(u.assetId)).status).toBe('waiting');

    // Within the tolerance either way, the same delivery is accepted.
    expect((await deliver(event, { timestampS: nowS + 120 })).statusCode).toBe(200);
    expect((await assetOf(u.assetId)).status).toBe('ready');
  });

  it('answers a duplicate delivery 200 and processes it once', async () => {
    const u = await uploading();
    const ready = muxEvent('video.asset.ready', readyData(u, `asset-${u.uploadId}`));
    expect((await deliver(ready)).json()).toEqual({ received: true, duplicate: false });
    const [first] = await deliveriesOf(ready.id);
    const assetAfterFirst = await assetOf(u.assetId);
    // The creator publishes; a redelivered ready must not pull the episode back to ready.
    await database.pool.query(`UPDATE episodes SET status = 'published' WHERE id = $1`, [u.episodeId]);

    const again = await deliver(ready);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, duplicate: true });
    expect(await deliveriesOf(ready.id)).toEqual([first]);
    expect(await assetOf(u.assetId)).toEqual(assetAfterFirst);
    expect((await episodeOf(u.episodeId)).status).toBe('published');
  });

  it('finds the asset when ready arrives before upload.asset_created, and a late upload event moves nothing back', async () => {
    const u = await uploading();
    const muxAssetId = `asset-${u.uploadId}`;

    expect((await deliver(muxEvent('video.asset.ready', readyData(u, muxAssetId)))).statusCode).toBe(200);
    expect(await assetOf(u.assetId)).toMatchObject({ status: 'ready', mux_asset_id: muxAssetId, playback_id: `signed-${muxAssetId}` });
    expect((await episodeOf(u.episodeId)).status).toBe('ready');

    await deliver(muxEvent('video.upload.asset_created', { id: u.uploadId, asset_id: muxAssetId, status: 'asset_created' }));
    await deliver(muxEvent('video.upload.created', { id: u.uploadId, status: 'waiting' }));
    expect(await assetOf(u.assetId)).toMatchObject({ status: 'ready', mux_asset_id: muxAssetId });
    expect((await episodeOf(u.episodeId)).status).toBe('ready');
  });

  it('finds the asset through the passthrough episode id alone', async () => {
    const u = await uploading();
    const data = readyData(u, `asset-pt-${u.uploadId}`);
    delete (data as { upload_id?: string }).upload_id;
    expect((await deliver(muxEvent('video.asset.ready', data))).statusCode).toBe(200);
    expect(await assetOf(u.assetId)).toMatchObject({ status: 'ready', mux_asset_id: `asset-pt-${u.uploadId}` });
    expect(await episodeOf(u.episodeId)).toMatchObject({ status: 'ready', duration_ms: 42500 });
  });

  it('marks the asset and the episode failed with Mux reason as a sentence', async () => {
    const u = await uploading();
    const muxAssetId = `asset-${u.uploadId}`;
    await deliver(muxEvent('video.upload.asset_created', { id: u.uploadId, asset_id: muxAssetId }));
    const errored = muxEvent('video.asset.errored', {
      id: muxAssetId,
      status: 'errored',
      upload_id: u.uploadId,
      passthrough: u.episodeId,
      errors: { type: 'invalid_input', messages: ['The input file does not contain a video track'] },
    });
    expect((await deliver(errored)).statusCode).toBe(200);
    expect(await assetOf(u.assetId)).toMatchObject({
      status: 'failed',
      error: 'Mux could not process this video: The input file does not contain a video track.',
    });
    expect((await episodeOf(u.episodeId)).status).toBe('failed');
  });

  it('ignores deliveries about uploads that are not ours, and records them', async () => {
    const stray = muxEvent('video.asset.ready', { id: 'asset-elsewhere', upload_id: 'upload-elsewhere', playback_ids: [{ id: 'p', policy: 'signed' }] });
    expect((await deliver(stray)).statusCode).toBe(200);
    expect(await deliveriesOf(stray.id)).toEqual([expect.objectContaining({ processed_at: expect.any(Date), error: null })]);
    expect(await one(`SELECT count(*)::int AS n FROM video_assets WHERE mux_asset_id = 'asset-elsewhere'`)).toEqual({ n: 0 });
  });

  it('keeps a delivery whose processing failed, with its error, for the sweep', async () => {
    const u = await uploading();
    // A width PostgreSQL cannot store: processing throws and rolls back.
    const broken = muxEvent(
      'video.asset.ready',
      readyData(u, `asset-${u.uploadId}`, { tracks: [{ type: 'video', max_width: 3_000_000_000, max_height: 1920 }] }),
    );
    const res = await deliver(broken);
    expect(res.statusCode).toBe(200);
    const [stored] = await deliveriesOf(broken.id);
    expect(stored).toMatchObject({ processed_at: null, error: expect.stringMatching(/out of range/) });
    expect(await assetOf(u.assetId)).toMatchObject({ status: 'waiting', playback_id: null });
    expect((await episodeOf(u.episodeId)).status).toBe('processing');

    const deps = { db: app.services.db, now: () => new Date(), playbackPolicy: 'signed' as const };
    const sweep = await retryMuxDeliveries(deps);
    expect(sweep.failed).toBeGreaterThanOrEqual(1);
    expect((await deliveriesOf(broken.id))[0]).toMatchObject({ processed_at: null, error: expect.stringMatching(/out of range/) });
  });

  it('applies stored deliveries that were never processed, at the next sweep and at start-up', async () => {
    const first = await uploading();
    const second = await uploading();
    const insert = (event: ReturnType<typeof muxEvent>) =>
      database.pool.query(`INSERT INTO webhook_events (provider, event_id, type, payload) VALUES ($1, $2, $3, $4)`, [
        MUX_PROVIDER,
        event.id,
        event.type,
        JSON.stringify(event),
      ]);
    // As if the process stopped between storing a delivery and applying it.
    await insert(muxEvent('video.asset.ready', readyData(first, `asset-${first.uploadId}`)));
    const sweep = await retryMuxDeliveries({ db: app.services.db, now: () => new Date(), playbackPolicy: 'signed' });
    expect(sweep.processed).toBeGreaterThanOrEqual(1);
    expect((await assetOf(first.assetId)).status).toBe('ready');

    await insert(muxEvent('video.asset.ready', readyData(second, `asset-${second.uploadId}`)));
    const restarted = await buildTestApp(database, muxEnv());
    try {
      await restarted.ready();
      await waitFor(async () => ((await assetOf(second.assetId)).status === 'ready' ? true : undefined), 5000, 'the start-up sweep');
    } finally {
      await restarted.close();
    }
  });

  it('stores a public thumbnail when playback ids are public', async () => {
    const episodeId = await newEpisode();
    const asset = await one<{ id: string }>(
      `INSERT INTO video_assets (provider, status, mux_upload_id, uploaded_by) VALUES ('mux', 'waiting', 'upload-public', $1) RETURNING id`,
      [userId],
    );
    await database.pool.query(`UPDATE episodes SET video_asset_id = $1, status = 'processing' WHERE id = $2`, [asset.id, episodeId]);
    const event = muxEvent('video.asset.ready', {
      ...readyData({ uploadId: 'upload-public', episodeId }, 'asset-public'),
      playback_ids: [{ id: 'public-play', policy: 'public' }],
    });
    const deps = { db: app.services.db, now: () => new Date(), playbackPolicy: 'public' as const };
    expect(await receiveMuxDelivery(deps, event, JSON.stringify(event))).toMatchObject({ duplicate: false, outcome: 'processed' });
    expect(await episodeOf(episodeId)).toMatchObject({ status: 'ready', thumbnail_url: 'https://image.mux.com/public-play/thumbnail.jpg' });
  });
});

describe('without Mux configured', () => {
  it('has no webhook route', async () => {
    const plain = await buildTestApp(database);
    try {
      const res = await plain.inject({ method: 'POST', url: MUX_WEBHOOK_PATH, headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect(res.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
