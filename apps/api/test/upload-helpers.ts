import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import { startSession } from '../src/modules/auth/session';
import { createUser } from './auth-helpers';

/*
 * Shorts upload test helpers: an approved creator with a series, season and episodes written straight to
 * the database; small clips made by ffmpeg's test sources; and a tus client speaking the protocol's raw
 * HTTP (POST with Upload-Length/Upload-Metadata, PATCH with Upload-Offset, HEAD) to a listening app.
 */

const run = promisify(execFile);

export interface TestCreator {
  userId: string;
  token: string;
  seasonId: string;
  episodeIds: string[];
}

/** A signed-in user (access token) for `userId`. */
export async function accessTokenFor(app: FastifyInstance, userId: string): Promise<string> {
  const started = await startSession(app.services, userId, { ip: '127.0.0.1', userAgent: 'vitest' });
  return started.session.accessToken;
}

/** An approved creator (unless `status` says otherwise) with one series, one season and `episodes` draft episodes. */
export async function createCreator(
  app: FastifyInstance,
  options: { episodes?: number; status?: 'approved' | 'applied' } = {},
): Promise<TestCreator> {
  const db: Database = app.services.db;
  const user = await createUser(db);
  const slug = `c-${randomBytes(4).toString('hex')}`;
  const { rows: creator } = await db.execute<{ id: string }>(sql`
    INSERT INTO creator_profiles (user_id, status, slug, display_name) VALUES (${user.id}, ${options.status ?? 'approved'}, ${slug}, ${'Creator ' + slug})
    RETURNING id`);
  const { rows: series } = await db.execute<{ id: string }>(sql`
    INSERT INTO series (creator_id, slug, title, genre) VALUES (${creator[0]!.id}, ${`s-${slug}`}, 'Night Shift', 'drama') RETURNING id`);
  const { rows: season } = await db.execute<{ id: string }>(sql`
    INSERT INTO seasons (series_id, number) VALUES (${series[0]!.id}, 1) RETURNING id`);
  const episodeIds: string[] = [];
  for (let n = 1; n <= (options.episodes ?? 1); n++) {
    const { rows } = await db.execute<{ id: string }>(sql`
      INSERT INTO episodes (season_id, number, title) VALUES (${season[0]!.id}, ${n}, ${`Episode ${n}`}) RETURNING id`);
    episodeIds.push(rows[0]!.id);
  }
  return { userId: user.id, token: await accessTokenFor(app, user.id), seasonId: season[0]!.id, episodeIds };
}

/** A clip from ffmpeg's test sources (`-f lavfi`): picture `width`×`height`, with a tone unless `silent`. */
export async function makeClip(file: string, options: { width: number; height: number; seconds: number; silent?: boolean }): Promise<string> {
  const input = ['-f', 'lavfi', '-i', `testsrc=size=${options.width}x${options.height}:rate=30`];
  if (!options.silent) input.push('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000');
  const codecs = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', ...(options.silent ? [] : ['-c:a', 'aac'])];
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...input, '-t', String(options.seconds), ...codecs, file]);
  return file;
}

/** A "video" with a real MP4 header (the first kilobyte of `from`) and garbage after it. */
export async function makeCorruptClip(from: string, file: string): Promise<string> {
  const header = (await readFile(from)).subarray(0, 1024);
  await writeFile(file, Buffer.concat([header, randomBytes(256 * 1024)]));
  return file;
}

export interface TusAnswer {
  status: number;
  body: string;
  headers: Headers;
}

const TUS = { 'Tus-Resumable': '1.0.0' };

export function tusMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
}

/** POST: creates an upload; answers the Location (absolute) on 201. */
export async function tusCreate(
  base: string,
  token: string | null,
  length: number,
  metadata: Record<string, string>,
): Promise<TusAnswer & { location: string | null }> {
  const res = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: {
      ...TUS,
      'Upload-Length': String(length),
      'Upload-Metadata': tusMetadata(metadata),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
  const location = res.headers.get('location');
  return { status: res.status, body: await res.text(), headers: res.headers, location: location ? new URL(location, base).toString() : null };
}

/** PATCH: sends `bytes` at `offset`. */
export async function tusPatch(location: string, token: string, offset: number, bytes: Buffer): Promise<TusAnswer> {
  const res = await fetch(location, {
    method: 'PATCH',
    headers: { ...TUS, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', Authorization: `Bearer ${token}` },
    body: bytes,
  });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** HEAD: where the server's copy of an upload ends. */
export async function tusOffset(location: string, token: string): Promise<number | null> {
  const res = await fetch(location, { method: 'HEAD', headers: { ...TUS, Authorization: `Bearer ${token}` } });
  return res.status === 200 ? Number(res.headers.get('upload-offset')) : null;
}

/**
 * A whole upload the way a resuming client does it: create, send the first half, ask where the server
 * is (HEAD), send the rest. Answers the last response (the finish: 204, or the refusal).
 */
export async function tusUpload(base: string, token: string, file: string, metadata: Record<string, string>): Promise<TusAnswer> {
  const bytes = await readFile(file);
  const created = await tusCreate(base, token, bytes.length, { filename: path.basename(file), ...metadata });
  if (created.status !== 201 || !created.location) return created;
  const half = Math.floor(bytes.length / 2);
  const first = await tusPatch(created.location, token, 0, bytes.subarray(0, half));
  if (first.status !== 204) return first;
  const offset = await tusOffset(created.location, token);
  if (offset !== half) throw new Error(`the server holds ${offset} bytes, expected ${half}`);
  return tusPatch(created.location, token, half, bytes.subarray(half));
}
