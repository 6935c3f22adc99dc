import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { CreatorApplication, CreatorProfile, RoomDetail, SeriesDetail, ShortsHome, StudioOverview, StudioSeries, WatchView } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import {
  approvedCreator,
  call,
  FAKE_SEGMENT,
  ok,
  playableEpisode,
  refused,
  seriesWith,
  shortsPerson,
  type ShortsPerson,
} from '../../../test/shorts-helpers';

/*
 * Issue 9: the creator approval flow, the studio's CRUD permissions (another creator's series refused
 * whatever the id), the free/locked rule, and playback access enforced on the media itself (free,
 * locked without access, locked with access, expired and forged tokens).
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: ShortsPerson;
const clock = { offsetMs: 0 };

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now: () => new Date(Date.now() + clock.offsetMs) });
  admin = await shortsPerson(app, database.db, 'admin');
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

let n = 0;
const slug = (base: string) => `${base}-${++n}-${Date.now().toString(36)}`;

describe('becoming a creator', () => {
  it('apply, wait, get rejected with a reason, apply again, get approved; the studio opens', async () => {
    const ana = await shortsPerson(app, database.db);
    const page = slug('ana');
    refused(await call(app, ana, 'studio.createSeries', { title: 'Too soon', slug: slug('soon'), genre: 'drama' }), 'NOT_CREATOR', 403);

    const applied = ok(
      await call<CreatorProfile>(app, ana, 'creators.submitApplication', {
        displayName: 'Ana Films',
        slug: page,
        bio: 'Tiny dramas, big feelings.',
        links: ['https://ana.example'],
      }),
    );
    expect(applied).toMatchObject({ status: 'applied', slug: page, links: ['https://ana.example'], reason: null });
    refused(await call(app, ana, 'creators.submitApplication', { displayName: 'Again', slug: slug('again') }), 'ALREADY_APPLIED', 409);

    // Only admins review.
    expect((await call(app, ana, 'creators.pending', undefined, 'query')).status).toBe(403);
    expect((await call(app, ana, 'creators.review', { creatorId: applied.id, decision: 'approve' })).status).toBe(403);
    const pending = ok(await call<CreatorApplication[]>(app, admin, 'creators.pending', undefined, 'query'));
    expect(pending.map((p) => p.id)).toContain(applied.id);
    refused(await call(app, admin, 'creators.review', { creatorId: applied.id, decision: 'reject' }), 'VALIDATION_FAILED', 400);
    ok(await call(app, admin, 'creators.review', { creatorId: applied.id, decision: 'reject', reason: 'Show us a sample episode first.' }));
    expect(ok(await call<CreatorProfile>(app, ana, 'creators.mine', undefined, 'query'))).toMatchObject({
      status: 'rejected',
      reason: 'Show us a sample episode first.',
    });
    refused(await call(app, admin, 'creators.review', { creatorId: applied.id, decision: 'approve' }), 'CONFLICT', 409);

    ok(await call(app, ana, 'creators.submitApplication', { displayName: 'Ana Films', slug: page, links: [] }));
    ok(await call(app, admin, 'creators.review', { creatorId: applied.id, decision: 'approve' }));
    const overview = ok(await call<StudioOverview>(app, ana, 'studio.overview', undefined, 'query'));
    expect(overview.creator?.status).toBe('approved');
    const { rows } = await database.db.execute<{ role: string }>(sql`SELECT role FROM users WHERE id = ${ana.user.id}`);
    expect(rows[0]!.role).toBe('creator');
  });

  it('refuses a taken page address and bad links with sentences', async () => {
    const [a, b] = [await shortsPerson(app, database.db), await shortsPerson(app, database.db)];
    const page = slug('taken');
    ok(await call(app, a, 'creators.submitApplication', { displayName: 'First', slug: page }));
    refused(await call(app, b, 'creators.submitApplication', { displayName: 'Second', slug: page }), 'SLUG_TAKEN', 409);
    const badLink = await call(app, b, 'creators.submitApplication', { displayName: 'Second', slug: slug('b'), links: ['javascript:alert(1)'] });
    expect(badLink.status).toBe(400);
    expect(badLink.message).toContain('https://');
  });
});

describe('the studio', () => {
  it('lets a creator build a series; another creator is refused on every action, whatever the id', async () => {
    const owner = await approvedCreator(app, database.db, admin, slug('owner'));
    const other = await approvedCreator(app, database.db, admin, slug('other'));
    const series = await seriesWith(app, owner, slug('heist'), 2);
    const season = series.seasons[0]!;
    const [e1, e2] = season.episodes;
    expect(season.episodes.map((e) => [e.number, e.status, e.free])).toEqual([
      [1, 'draft', true],
      [2, 'draft', true],
    ]);

    const attempts: [string, unknown][] = [
      ['studio.updateSeries', { seriesId: series.id, title: 'Mine now' }],
      ['studio.deleteSeries', { seriesId: series.id }],
      ['studio.createSeason', { seriesId: series.id }],
      ['studio.updateSeason', { seasonId: season.id, title: 'x' }],
      ['studio.deleteSeason', { seasonId: season.id }],
      ['studio.createEpisode', { seasonId: season.id, title: 'Intruder' }],
      ['studio.updateEpisode', { episodeId: e1!.id, title: 'x' }],
      ['studio.deleteEpisode', { episodeId: e1!.id }],
      ['studio.reorderEpisodes', { seasonId: season.id, episodeIds: [e2!.id, e1!.id] }],
      ['studio.publishEpisode', { episodeId: e1!.id }],
      ['studio.uploadTarget', { episodeId: e1!.id }],
      ['studio.grantAccess', { seasonId: season.id, username: other.user.username }],
    ];
    for (const [path, input] of attempts) refused(await call(app, other, path, input), 'FORBIDDEN', 403);
    refused(await call(app, other, 'studio.series', { seriesId: series.id }, 'query'), 'FORBIDDEN', 403);
    const viewer = await shortsPerson(app, database.db);
    refused(await call(app, viewer, 'studio.createEpisode', { seasonId: season.id, title: 'x' }), 'NOT_CREATOR', 403);
    // Nothing changed.
    expect(ok(await call<StudioSeries>(app, owner, 'studio.series', { seriesId: series.id }, 'query'))).toEqual(series);

    refused(
      await call(app, other, 'studio.createSeries', { title: 'Copycat', slug: series.slug, genre: 'drama' }),
      'SLUG_TAKEN',
      409,
    );
  });

  it('reorders, renumbers on delete, overrides free/locked, and publishes only ready episodes', async () => {
    const owner = await approvedCreator(app, database.db, admin, slug('maker'));
    let series = await seriesWith(app, owner, slug('loop'), 5);
    const ids = series.seasons[0]!.episodes.map((e) => e.id);
    expect(series.seasons[0]!.episodes.map((e) => e.free)).toEqual([true, true, true, false, false]);

    series = ok(await call<StudioSeries>(app, owner, 'studio.reorderEpisodes', { seasonId: series.seasons[0]!.id, episodeIds: [ids[4], ids[0], ids[1], ids[2], ids[3]] }));
    expect(series.seasons[0]!.episodes.map((e) => e.id)).toEqual([ids[4], ids[0], ids[1], ids[2], ids[3]]);
    expect(series.seasons[0]!.episodes.map((e) => e.number)).toEqual([1, 2, 3, 4, 5]);
    refused(await call(app, owner, 'studio.reorderEpisodes', { seasonId: series.seasons[0]!.id, episodeIds: [ids[0], ids[1]] }), 'VALIDATION_FAILED', 400);

    series = ok(await call<StudioSeries>(app, owner, 'studio.updateEpisode', { episodeId: ids[3], freeOverride: true }));
    series = ok(await call<StudioSeries>(app, owner, 'studio.updateEpisode', { episodeId: ids[4], freeOverride: false }));
    expect(series.seasons[0]!.episodes.map((e) => e.free)).toEqual([false, true, true, false, true]);

    series = ok(await call<StudioSeries>(app, owner, 'studio.deleteEpisode', { episodeId: ids[0] }));
    expect(series.seasons[0]!.episodes.map((e) => [e.id, e.number])).toEqual([
      [ids[4], 1],
      [ids[1], 2],
      [ids[2], 3],
      [ids[3], 4],
    ]);

    const draft = refused(await call(app, owner, 'studio.publishEpisode', { episodeId: ids[1] }), 'NOT_READY', 409);
    expect(draft).toContain('Upload a video');
    await playableEpisode(app, ids[1]!);
    series = ok(await call<StudioSeries>(app, owner, 'studio.publishEpisode', { episodeId: ids[1] }));
    expect(series.seasons[0]!.episodes.find((e) => e.id === ids[1])?.status).toBe('published');
    refused(await call(app, owner, 'studio.uploadTarget', { episodeId: ids[1] }), 'CONFLICT', 409);
    refused(await call(app, owner, 'studio.deleteSeries', { seriesId: series.id }), 'CONFLICT', 409);
  });
});

describe('viewing and playback access', () => {
  async function publishedSeries() {
    const owner = await approvedCreator(app, database.db, admin, slug('show'));
    const series = await seriesWith(app, owner, slug('night-shift'), 4);
    for (const e of series.seasons[0]!.episodes) {
      await playableEpisode(app, e.id);
      ok(await call(app, owner, 'studio.publishEpisode', { episodeId: e.id }));
    }
    ok(await call(app, owner, 'studio.updateSeries', { seriesId: series.id, status: 'published' }));
    return { owner, series, episodes: series.seasons[0]!.episodes };
  }

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('plays free episodes for anyone, signed out included; the media answers only through the signed URL', async () => {
    const { series, episodes } = await publishedSeries();
    const detail = ok(await call<SeriesDetail>(app, null, 'shorts.series', { slug: series.slug }, 'query'));
    expect(detail.seasons[0]!.episodes.map((e) => [e.free, e.locked])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [false, true],
    ]);
    const watch = ok(await call<WatchView>(app, null, 'shorts.watch', { episodeId: episodes[0]!.id }, 'query'));
    expect(watch.paywall).toBeNull();
    expect(watch.playback).toMatchObject({ kind: 'hls', url: expect.stringMatching(/^\/api\/play\/[\w-]+\.[\w-]+\/hls\/master\.m3u8$/) });
    expect(watch.next?.playback?.url).toBeTruthy();
    const master = await get(watch.playback!.url);
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    const base = watch.playback!.url.replace(/master\.m3u8$/, '');
    const segment = await get(`${base}720p/seg_00000.ts`);
    expect(segment.statusCode).toBe(200);
    expect(segment.rawPayload.equals(FAKE_SEGMENT)).toBe(true);
    // A range of it.
    const part = await get(`${base}720p/seg_00000.ts`, { range: 'bytes=0-6' });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('segment');
    const tail = await get(`${base}720p/seg_00000.ts`, { range: 'bytes=-7' });
    expect(tail.statusCode).toBe(206);
    expect(tail.body).toBe('episode');
    expect((await get(`${base}720p/seg_00000.ts`, { range: 'bytes=999-' })).statusCode).toBe(416);
    // Nothing outside the asset's HLS tree, and nothing through the public media route.
    expect((await get(`${base}original.mp4`)).statusCode).toBe(404);
    expect((await get(`${base}../../other/hls/master.m3u8`)).statusCode).toBe(403);
    const { rows } = await database.db.execute<{ video_asset_id: string }>(sql`SELECT video_asset_id FROM episodes WHERE id = ${episodes[0]!.id}`);
    expect((await get(`/api/media/videos/${rows[0]!.video_asset_id}/hls/master.m3u8`)).statusCode).toBe(404);
  });

  it('refuses a locked episode without access (sign up / unlock), on the page and on the media', async () => {
    const { episodes } = await publishedSeries();
    const locked = episodes[3]!;
    const signedOut = ok(await call<WatchView>(app, null, 'shorts.watch', { episodeId: locked.id }, 'query'));
    expect(signedOut, JSON.stringify(signedOut)).toMatchObject({ paywall: 'sign_up', playback: null });
    const viewer = await shortsPerson(app, database.db);
    const noAccess = ok(await call<WatchView>(app, viewer, 'shorts.watch', { episodeId: locked.id }, 'query'));
    expect(noAccess).toMatchObject({ paywall: 'unlock', playback: null });
    // The third episode's "next" is the locked one: no URL to preload either.
    const third = ok(await call<WatchView>(app, viewer, 'shorts.watch', { episodeId: episodes[2]!.id }, 'query'));
    expect(third.next).toMatchObject({ episodeId: locked.id, locked: true, playback: null });
    refused(await call(app, viewer, 'shorts.saveProgress', { episodeId: locked.id, positionMs: 1000 }), 'LOCKED', 403);

    // The media of the locked episode: its asset id under a URL signed for another asset is refused.
    const free = ok(await call<WatchView>(app, viewer, 'shorts.watch', { episodeId: episodes[0]!.id }, 'query'));
    const token = free.playback!.url.split('/')[3]!;
    const [payload, mac] = token.split('.');
    const { rows } = await database.db.execute<{ video_asset_id: string }>(sql`SELECT video_asset_id FROM episodes WHERE id = ${locked.id}`);
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), a: rows[0]!.video_asset_id })).toString('base64url');
    const answer = await get(`/api/play/${forged}.${mac}/hls/master.m3u8`);
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
  });

  it('plays a locked episode for a holder of the season (granted by the creator), its creator and admins', async () => {
    const { owner, series, episodes } = await publishedSeries();
    const locked = episodes[3]!;
    const fan = await shortsPerson(app, database.db);
    refused(await call(app, fan, 'studio.grantAccess', { seasonId: series.seasons[0]!.id, username: fan.user.username }), 'NOT_CREATOR', 403);
    ok(await call(app, owner, 'studio.grantAccess', { seasonId: series.seasons[0]!.id, username: fan.user.username }));
    const view = ok(await call<WatchView>(app, fan, 'shorts.watch', { episodeId: locked.id }, 'query'));
    expect(view.paywall).toBeNull();
    expect((await get(view.playback!.url)).statusCode).toBe(200);
    expect((await call(app, fan, 'shorts.saveProgress', { episodeId: locked.id, positionMs: 1500 })).status).toBe(200);
    const detail = ok(await call<SeriesDetail>(app, fan, 'shorts.series', { slug: series.slug }, 'query'));
    expect(detail.seasons[0]).toMatchObject({ unlocked: true });
    expect(detail.seasons[0]!.episodes[3]).toMatchObject({ locked: false, progressMs: 1500 });

    for (const who of [owner, admin]) {
      expect(ok(await call<WatchView>(app, who, 'shorts.watch', { episodeId: locked.id }, 'query')).paywall).toBeNull();
    }
  });

  it('opens a watch room on an episode the viewer may play, and refuses one they may not', async () => {
    const { episodes } = await publishedSeries();
    const viewer = await shortsPerson(app, database.db);
    const room = ok(await call<RoomDetail>(app, viewer, 'shorts.watchTogether', { episodeId: episodes[0]!.id }));
    expect(room).toMatchObject({
      leader: { id: viewer.user.id },
      content: { platform: 'upload', url: `/watch/${episodes[0]!.id}` },
      name: expect.stringMatching(/· S1 E1$/),
    });
    refused(await call(app, viewer, 'shorts.watchTogether', { episodeId: episodes[3]!.id }), 'LOCKED', 403);
    expect((await call(app, null, 'shorts.watchTogether', { episodeId: episodes[0]!.id })).status).toBe(401);
  });

  it('refuses an expired playback URL with TOKEN_EXPIRED', async () => {
    const { episodes } = await publishedSeries();
    const view = ok(await call<WatchView>(app, null, 'shorts.watch', { episodeId: episodes[0]!.id }, 'query'));
    clock.offsetMs = Date.parse(view.playback!.expiresAt) - Date.now() + 1000;
    try {
      const answer = await get(view.playback!.url);
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('hides drafts: unpublished series and episodes are not found; the home lists published ones', async () => {
    const owner = await approvedCreator(app, database.db, admin, slug('drafty'));
    const draft = await seriesWith(app, owner, slug('draft-series'), 1);
    refused(await call(app, null, 'shorts.series', { slug: draft.slug }, 'query'), 'NOT_FOUND', 404);
    refused(await call(app, null, 'shorts.watch', { episodeId: draft.seasons[0]!.episodes[0]!.id }, 'query'), 'NOT_FOUND', 404);
    const { series } = await publishedSeries();
    const home = ok(await call<ShortsHome>(app, null, 'shorts.home', undefined, 'query'));
    expect(home.latest.map((s) => s.slug)).toContain(series.slug);
    expect(home.latest.map((s) => s.slug)).not.toContain(draft.slug);
    ok(await call(app, admin, 'adminShorts.feature', { seriesId: series.id, position: 1 }));
    expect(ok(await call<ShortsHome>(app, null, 'shorts.home', undefined, 'query')).featured[0]?.id).toBe(series.id);
    expect((await call(app, owner, 'adminShorts.feature', { seriesId: series.id, position: 1 })).status).toBe(403);
  });
});
