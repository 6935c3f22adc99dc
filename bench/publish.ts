/*
 * `pnpm bench:publish` (issue 9, "Speed"): a 90 s 1080×1920 clip published through the local pipeline
 * (tus upload over loopback → shorts.transcode job → episode `ready`), against ffmpeg alone converting the
 * same file with the same arguments (the pipeline's own hlsArguments) measured in the same run: baseline,
 * publish, baseline again, the baseline being the mean of the two so that drift of this shared machine
 * falls on both sides. Target: publish_s ≤ 1.1 × ffmpeg_baseline_s.
 *
 * The browser figures of the same issue (first frame of an episode page, next-episode swipe) come from a
 * Chromium run the web side adds; here they are null, not guessed.
 *
 * Stdout carries one JSON object; progress goes to stderr. Exit code 1 when the target or a check fails.
 *
 *   pnpm bench:publish                          the setting (90 s, 1080x1920, 30 fps)
 *   BENCH_PUBLISH_SECONDS=10 pnpm bench:publish a development run
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../apps/api/src/env';
import { probeVideo } from '../apps/api/src/modules/shorts/pipeline/probe';
import { hlsArguments, hlsJobFor, listFiles } from '../apps/api/src/modules/shorts/pipeline/transcode';
import { runTool } from '../apps/api/src/modules/shorts/pipeline/probe';
import { loadBenchEnv } from './env';
import { ensureClip } from './publish/clip';
import { addEpisode, publish, publishAll, startApi, type PublishApi, type PublishTiming } from './publish/api';
import { measureBrowser, type BrowserFigures } from './publish/browser';
import { startWeb } from './publish/web';
import { createMigratedDatabase, type BenchDatabase } from './rooms/database';

const TARGET_RATIO = 1.1;
const TARGET_FIRST_FRAME_P75_MS = 1000;
const TARGET_NEXT_SWIPE_P75_MS = 300;
/** The web build forwards /api and /trpc here (API_ORIGIN at build time): the bench API listens on it. */
const API_PORT = 4000;
const WEB_PORT = 3107;

/**
 * Viewer figures in Chromium: two more short episodes published through the same pipeline beside the
 * 90 s one (the first three of a series are free: they play signed out), the web app in front, then
 * first frame of an episode page and ArrowDown to the next episode's first frame (browser.ts).
 */
async function browserFigures(api: PublishApi): Promise<BrowserFigures> {
  const short = await ensureClip(path.join(repoRoot, '.data', 'bench-clips'), { width: 1080, height: 1920, seconds: 6, fps: 30 }, log);
  const ids = [api.episodeId];
  for (const title of ['Second', 'Third']) {
    const id = await addEpisode(api, title);
    const done = await publish(api, short.file, id);
    if (done.status !== 'ready') throw new Error(`episode ${title} ended ${done.status}`);
    ids.push(id);
  }
  await publishAll(api, ids);
  const web = await startWeb(repoRoot, WEB_PORT, log);
  try {
    return await measureBrowser(web.url, ids);
  } finally {
    await web.stop();
  }
}
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TOOLS = { FFMPEG_PATH: 'ffmpeg', FFPROBE_PATH: 'ffprobe' };

const log = (line: string): void => {
  process.stderr.write(`[bench:publish] ${line}\n`);
};
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** ffmpeg alone: the pipeline's arguments for this source, into a scratch folder. */
async function baseline(source: string, scratch: string): Promise<{ seconds: number; files: number }> {
  const probed = await probeVideo(TOOLS, source);
  if (!probed.ok) throw new Error(`ffprobe cannot read the source clip: ${probed.reason}`);
  const workDir = await mkdtemp(path.join(scratch, 'baseline-'));
  try {
    const job = hlsJobFor(source, workDir, probed.video);
    for (const r of job.renditions) await mkdir(path.join(job.hlsDir, r.name), { recursive: true });
    const started = performance.now();
    const run = await runTool(TOOLS.FFMPEG_PATH, hlsArguments(job));
    const seconds = (performance.now() - started) / 1000;
    if (run.code !== 0) throw new Error(`ffmpeg failed: ${run.stderr}`);
    return { seconds, files: (await listFiles(job.hlsDir)).length };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<boolean> {
  const env = loadBenchEnv();
  const spec = { width: 1080, height: 1920, seconds: env.BENCH_PUBLISH_SECONDS, fps: 30 };
  const clip = await ensureClip(path.join(repoRoot, '.data', 'bench-clips'), spec, log);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'wt-bench-publish-'));
  let database: BenchDatabase | null = null;
  let api: PublishApi | null = null;
  const cleanUp = async () => {
    await api?.close().catch(() => undefined);
    api = null;
    await database?.drop().catch(() => undefined);
    database = null;
    await rm(scratch, { recursive: true, force: true });
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    database = await createMigratedDatabase(env.DATABASE_URL ?? DEFAULT_SERVER_URL, log, { name: `wt_bench_publish_${process.pid}` });
    api = await startApi(database.url, path.join(scratch, 'data'), API_PORT);

    log('baseline 1: ffmpeg alone ...');
    const before = await baseline(clip.file, scratch);
    log(`baseline 1: ${before.seconds.toFixed(2)} s`);
    log('publish: tus upload → job → ready ...');
    const published: PublishTiming = await publish(api, clip.file);
    log(`publish: ${published.publish_s.toFixed(2)} s (${published.status})`);
    log('baseline 2: ffmpeg alone ...');
    const after = await baseline(clip.file, scratch);
    log(`baseline 2: ${after.seconds.toFixed(2)} s`);

    const baselineS = (before.seconds + after.seconds) / 2;
    const ratio = published.publish_s / baselineS;
    const hlsDir = path.join(scratch, 'data', 'private', 'videos', published.asset_id, 'hls');
    const stored = published.status === 'ready' ? await listFiles(hlsDir) : [];
    const master = published.status === 'ready' ? await readFile(path.join(hlsDir, 'master.m3u8'), 'utf8') : '';
    log('browser: first frame and next-episode swipe in Chromium ...');
    const browser = await browserFigures(api);
    log(`browser: first frame p75 ${browser.first_frame_p75_ms} ms, next swipe p75 ${browser.next_swipe_p75_ms} ms`);
    const checks = {
      ready: published.status === 'ready',
      same_files_as_baseline: stored.length === before.files,
      two_renditions: master.includes('720p/index.m3u8') && master.includes('360p/index.m3u8'),
      ratio_within_target: ratio <= TARGET_RATIO,
      first_frame_within_target: browser.first_frame_p75_ms <= TARGET_FIRST_FRAME_P75_MS,
      next_swipe_within_target: browser.next_swipe_p75_ms <= TARGET_NEXT_SWIPE_P75_MS,
    };
    const pass = Object.values(checks).every(Boolean);
    const output = {
      publish_s: round(published.publish_s),
      ffmpeg_baseline_s: round(baselineS),
      ratio: round(ratio, 3),
      target_ratio: TARGET_RATIO,
      pass,
      checks,
      upload_s: round(published.upload_s),
      processing_s: round(published.processing_s),
      baseline_runs_s: [round(before.seconds), round(after.seconds)],
      hls_files: stored.length,
      source: { ...spec, bytes: (await readFile(clip.file)).length, codec: 'h264+aac (ffmpeg testsrc2 + sine)' },
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown' },
      first_frame_p75_ms: round(browser.first_frame_p75_ms, 0),
      next_swipe_p75_ms: round(browser.next_swipe_p75_ms, 0),
      target_first_frame_p75_ms: TARGET_FIRST_FRAME_P75_MS,
      target_next_swipe_p75_ms: TARGET_NEXT_SWIPE_P75_MS,
      first_frame_samples_ms: browser.first_frame_samples_ms.map((v) => round(v, 0)),
      next_swipe_samples_ms: browser.next_swipe_samples_ms.map((v) => round(v, 0)),
      method: [
        'Baseline: ffmpeg alone with the arguments the pipeline uses (hlsArguments: one process, every rendition plus the poster), run before and after the publish; ffmpeg_baseline_s is their mean.',
        'Publish: a real API instance (buildApp, in-process jobs, local storage) on a fresh migrated database; tus POST + one PATCH over loopback, then the episode row polled every 50 ms until ready. publish_s runs from the POST to the poll that sees ready.',
        'Browser: two 6 s 1080x1920 episodes published the same way after the 90 s one, the web app (next start, production build) in front of the API, Chromium headless on loopback: first frame = navigation start to the first decoded frame of a fresh context (empty cache, signed out), next swipe = ArrowDown to the next episode first frame; p75 of at least 8 each.',
      ],
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    log(pass ? 'PASS' : `FAIL: ${Object.entries(checks).filter(([, ok]) => !ok).map(([name]) => name).join(', ')}`);
    return pass;
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (pass) => process.exit(pass ? 0 : 1),
  (err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(2);
  },
);
