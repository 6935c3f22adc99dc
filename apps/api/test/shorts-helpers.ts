import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '@wt/db';
import type { StudioSeries } from '@wt/schemas';
import { createUser, signIn, type TestUser } from './auth-helpers';
import { expectSentence } from './room-expect';
import { trpc } from './room-helpers';

/*
 * Helpers for Shorts tests: people (an admin among them), shorts.* / creators.* / studio.* calls that
 * return the refusal code (`data.shortsCode`), an approved creator with a series, and an episode made
 * playable by storing a tiny HLS tree as the pipeline would.
 */

export interface ShortsPerson {
  user: TestUser;
  token: string;
}

export async function shortsPerson(app: FastifyInstance, db: Database, role: 'viewer' | 'admin' = 'viewer'): Promise<ShortsPerson> {
  const user = await createUser(db, { role });
  const { accessToken } = await signIn(app, user.username, user.password);
  return { user, token: accessToken };
}

export interface ShortsCall<T> {
  status: number;
  data: T | null;
  code: string | null;
  message: string | null;
}

export async function call<T>(
  app: FastifyInstance,
  p: ShortsPerson | null,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<ShortsCall<T>> {
  const result = await trpc<T>(app, p?.token ?? '', path, input, kind);
  const data = result.error?.data as { shortsCode?: string } | undefined;
  return { status: result.status, data: result.data, code: data?.shortsCode ?? null, message: result.error?.message ?? null };
}

export function ok<T>(result: ShortsCall<T>): T {
  expect(result.data, JSON.stringify(result)).not.toBeNull();
  return result.data!;
}

export function refused(result: ShortsCall<unknown>, code: string, status?: number): string {
  expect(result.code, JSON.stringify(result)).toBe(code);
  if (status !== undefined) expect(result.status).toBe(status);
  expectSentence(result.message);
  return result.message!;
}

/** Applies and gets approved by `admin`; returns the creator with a fresh token (the role changed). */
export async function approvedCreator(app: FastifyInstance, db: Database, admin: ShortsPerson, slug: string): Promise<ShortsPerson> {
  const person = await shortsPerson(app, db);
  const profile = ok(await call<{ id: string }>(app, person, 'creators.submitApplication', { displayName: `Creator ${slug}`, slug }));
  ok(await call(app, admin, 'creators.review', { creatorId: profile.id, decision: 'approve' }));
  return { user: person.user, token: (await signIn(app, person.user.username, person.user.password)).accessToken };
}

/** A series with one season of `episodes` draft episodes. */
export async function seriesWith(app: FastifyInstance, creator: ShortsPerson, slug: string, episodes: number): Promise<StudioSeries> {
  let series = ok(await call<StudioSeries>(app, creator, 'studio.createSeries', { title: `Series ${slug}`, slug, genre: 'drama' }));
  for (let i = 1; i <= episodes; i++) {
    series = ok(
      await call<StudioSeries>(app, creator, 'studio.createEpisode', { seasonId: series.seasons[0]!.id, title: `Episode ${i}` }),
    );
  }
  return series;
}

/** The bytes of the tiny HLS tree `playableEpisode` stores. */
export const FAKE_SEGMENT = Buffer.from('segment bytes of a test episode');

/**
 * Makes an episode ready as the local pipeline would leave it (an asset with an HLS tree in private
 * storage), without ffmpeg: what playback access control needs.
 */
export async function playableEpisode(app: FastifyInstance, episodeId: string): Promise<string> {
  const db = app.services.db;
  const { rows } = await db.execute<{ id: string }>(sql`
    INSERT INTO video_assets (provider, status, hls_path, duration_ms, width, height, container)
    VALUES ('local', 'ready', 'hls/master.m3u8', 4000, 720, 1280, 'mp4') RETURNING id`);
  const assetId = rows[0]!.id;
  const base = `videos/${assetId}/hls`;
  await app.services.privateStorage.put(
    `${base}/master.m3u8`,
    Buffer.from('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=720x1280\n720p/index.m3u8\n'),
    'application/vnd.apple.mpegurl',
  );
  await app.services.privateStorage.put(
    `${base}/720p/index.m3u8`,
    Buffer.from('#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg_00000.ts\n#EXT-X-ENDLIST\n'),
    'application/vnd.apple.mpegurl',
  );
  await app.services.privateStorage.put(`${base}/720p/seg_00000.ts`, FAKE_SEGMENT, 'video/mp2t');
  await db.execute(sql`UPDATE episodes SET video_asset_id = ${assetId}, status = 'ready', duration_ms = 4000 WHERE id = ${episodeId}`);
  return assetId;
}
