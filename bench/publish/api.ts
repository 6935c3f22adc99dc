import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../../apps/api/src/app';
import { parseEnv } from '../../apps/api/src/env';
import { startSession } from '../../apps/api/src/modules/auth/session';

/*
 * The publish path as a creator's studio drives it, against a real API instance (buildApp on the bench
 * database, in-process jobs, local storage under the bench's DATA_DIR): a tus upload of the clip over
 * HTTP, then the wait until the episode is `ready`.
 */

export interface PublishApi {
  app: Awaited<ReturnType<typeof buildApp>>;
  base: string;
  token: string;
  episodeId: string;
  close(): Promise<void>;
}

export async function startApi(databaseUrl: string, dataDir: string, port = 0): Promise<PublishApi> {
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('hex'),
  });
  // The API's logs go to stderr: stdout carries only the result.
  const app = await buildApp({
    env,
    databaseUrl,
    dbMode: 'external',
    logger: pino({ level: env.LOG_LEVEL }, pino.destination(2)),
    redisPrefix: `wt-bench-publish-${process.pid}`,
  });
  const base = await app.listen({ port, host: '127.0.0.1' });
  const db = app.services.db;
  const suffix = randomBytes(4).toString('hex');
  const { rows: users } = await db.execute<{ id: string }>(sql`
    INSERT INTO users (email, username, display_name, email_verified) VALUES (${`bench_${suffix}@example.com`}, ${`bench_${suffix}`}, 'Bench Creator', true)
    RETURNING id`);
  const userId = users[0]!.id;
  const { rows: creators } = await db.execute<{ id: string }>(sql`
    INSERT INTO creator_profiles (user_id, status, slug, display_name) VALUES (${userId}, 'approved', ${`bench-${suffix}`}, 'Bench Creator') RETURNING id`);
  const { rows: series } = await db.execute<{ id: string }>(sql`
    INSERT INTO series (creator_id, slug, title, genre) VALUES (${creators[0]!.id}, ${`bench-${suffix}`}, 'Bench', 'drama') RETURNING id`);
  const { rows: seasons } = await db.execute<{ id: string }>(sql`INSERT INTO seasons (series_id, number) VALUES (${series[0]!.id}, 1) RETURNING id`);
  const { rows: episodes } = await db.execute<{ id: string }>(sql`
    INSERT INTO episodes (season_id, number, title) VALUES (${seasons[0]!.id}, 1, 'Ninety seconds') RETURNING id`);
  const session = await startSession(app.services, userId, { ip: '127.0.0.1', userAgent: 'bench:publish' });
  return { app, base, token: session.session.accessToken, episodeId: episodes[0]!.id, close: () => app.close() };
}

/** Another episode after the existing ones of the bench series' first season; returns its id. */
export async function addEpisode(api: PublishApi, title: string): Promise<string> {
  const { rows } = await api.app.services.db.execute<{ id: string }>(sql`
    INSERT INTO episodes (season_id, number, title)
    SELECT e.season_id, (SELECT max(number) + 1 FROM episodes WHERE season_id = e.season_id), ${title}
    FROM episodes e WHERE e.id = ${api.episodeId}
    RETURNING id`);
  return rows[0]!.id;
}

/** Publishes the given (ready) episodes and their series, as the studio's buttons do. */
export async function publishAll(api: PublishApi, episodeIds: readonly string[]): Promise<void> {
  const db = api.app.services.db;
  for (const id of episodeIds) {
    await db.execute(sql`UPDATE episodes SET status = 'published', published_at = now() WHERE id = ${id} AND status = 'ready'`);
  }
  await db.execute(sql`
    UPDATE series SET status = 'published', published_at = now()
    WHERE id = (SELECT s.series_id FROM episodes e JOIN seasons s ON s.id = e.season_id WHERE e.id = ${api.episodeId})`);
}

export interface PublishTiming {
  publish_s: number;
  /** POST to the finishing PATCH's answer (bytes over loopback, the checks, the original stored). */
  upload_s: number;
  /** From the upload's answer to the episode `ready` (queue, ffmpeg, files stored, rows updated). */
  processing_s: number;
  asset_id: string;
  status: string;
}

const TUS = { 'Tus-Resumable': '1.0.0' };

/** Uploads `file` with tus (one PATCH, as tus-js-client does by default) and waits for the episode to settle. */
export async function publish(
  api: PublishApi,
  file: string,
  episodeId = api.episodeId,
  pollMs = 50,
  timeoutMs = 30 * 60_000,
): Promise<PublishTiming> {
  const bytes = await readFile(file);
  const auth = { Authorization: `Bearer ${api.token}` };
  const started = performance.now();
  const created = await fetch(`${api.base}/api/uploads`, {
    method: 'POST',
    headers: { ...TUS, ...auth, 'Upload-Length': String(bytes.length), 'Upload-Metadata': `episodeId ${Buffer.from(episodeId).toString('base64')}` },
  });
  if (created.status !== 201) throw new Error(`tus POST answered ${created.status}: ${await created.text()}`);
  const location = new URL(created.headers.get('location')!, api.base).toString();
  const finished = await fetch(location, {
    method: 'PATCH',
    headers: { ...TUS, ...auth, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    body: bytes,
  });
  if (finished.status !== 204) throw new Error(`tus PATCH answered ${finished.status}: ${await finished.text()}`);
  const uploaded = performance.now();
  const assetId = finished.headers.get('upload-asset-id') ?? '';
  for (;;) {
    const { rows } = await api.app.services.db.execute<{ status: string }>(sql`SELECT status FROM episodes WHERE id = ${episodeId}`);
    const status = rows[0]!.status;
    if (status === 'ready' || status === 'failed') {
      const done = performance.now();
      return { publish_s: (done - started) / 1000, upload_s: (uploaded - started) / 1000, processing_s: (done - uploaded) / 1000, asset_id: assetId, status };
    }
    if (performance.now() - started > timeoutMs) throw new Error(`the episode was not ready after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
