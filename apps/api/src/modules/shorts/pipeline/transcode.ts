import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../../../env';
import { runTool, UNREADABLE_VIDEO, type VideoInfo } from './probe';

/**
 * The local pipeline's one ffmpeg run (issue 9, point 4): a vertical source becomes HLS renditions
 * (720×1280 and 360×640 boxes, H.264 + AAC, 2 s segments cut on keyframes forced at the same times in
 * every rendition, so a player switches between them at any segment) plus a poster JPEG, all from one
 * decode of the source. `bench:publish` runs these same arguments as its baseline.
 */

export interface Rendition {
  /** Folder and playlist name in the master playlist: `720p/index.m3u8`. */
  name: string;
  /** The box the picture is fitted in (aspect kept, even sides). */
  width: number;
  height: number;
  videoKbps: number;
}

export const RENDITIONS: readonly Rendition[] = [
  { name: '720p', width: 720, height: 1280, videoKbps: 2500 },
  { name: '360p', width: 360, height: 640, videoKbps: 800 },
];

export const SEGMENT_SECONDS = 2;
export const AUDIO_KBPS = 128;
export const MASTER_PLAYLIST = 'master.m3u8';
export const POSTER_FILE = 'poster.jpg';

/**
 * The renditions worth making for a source: each whose box the source fills (within 10%), and always
 * the smallest, so a 360×640 clip is not blown up to 720×1280.
 */
export function renditionsFor(width: number, height: number): Rendition[] {
  const fits = RENDITIONS.filter((r) => width >= r.width * 0.9 || height >= r.height * 0.9);
  return fits.length > 0 ? fits : [RENDITIONS[RENDITIONS.length - 1]!];
}

/** Where the poster frame is taken: 1 s in, or the middle of a clip shorter than 2 s. */
export function posterTimeS(durationMs: number): number {
  return Math.min(1, durationMs / 2000);
}

export interface HlsJob {
  input: string;
  /** The HLS tree goes here (`master.m3u8`, `<rendition>/index.m3u8`, `<rendition>/seg_00000.ts`). */
  hlsDir: string;
  posterFile: string;
  renditions: readonly Rendition[];
  hasAudio: boolean;
  posterAtS: number;
}

const fit = (r: { width: number; height: number }) =>
  `scale=w=${r.width}:h=${r.height}:force_original_aspect_ratio=decrease:force_divisible_by=2,setsar=1`;

/** ffmpeg's arguments for one run producing every rendition and the poster (pure: the bench reuses it). */
export function hlsArguments(job: HlsJob): string[] {
  const n = job.renditions.length;
  const branches = job.renditions.map((_, i) => `[s${i}]`).join('');
  const graph = [
    `[0:v:0]split=${n + 1}${branches}[sp]`,
    ...job.renditions.map((r, i) => `[s${i}]${fit(r)},format=yuv420p[v${i}]`),
    // trim ends its branch after one frame, so the poster output closes while the renditions go on.
    `[sp]trim=start=${job.posterAtS.toFixed(3)},trim=end_frame=1,${fit(RENDITIONS[0]!)},format=yuvj420p[poster]`,
  ].join(';');
  const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', job.input, '-filter_complex', graph];
  job.renditions.forEach((_, i) => args.push('-map', `[v${i}]`));
  if (job.hasAudio) job.renditions.forEach(() => args.push('-map', '0:a:0'));
  args.push('-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main');
  job.renditions.forEach((r, i) => {
    args.push(`-b:v:${i}`, `${r.videoKbps}k`, `-maxrate:v:${i}`, `${Math.round(r.videoKbps * 1.1)}k`, `-bufsize:v:${i}`, `${r.videoKbps * 2}k`);
  });
  args.push('-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0');
  if (job.hasAudio) args.push('-c:a', 'aac', '-b:a', `${AUDIO_KBPS}k`, '-ac', '2', '-ar', '48000');
  const streamMap = job.renditions.map((r, i) => (job.hasAudio ? `v:${i},a:${i},name:${r.name}` : `v:${i},name:${r.name}`)).join(' ');
  args.push(
    '-f', 'hls',
    '-hls_time', String(SEGMENT_SECONDS),
    '-hls_playlist_type', 'vod',
    '-hls_flags', 'independent_segments',
    '-hls_segment_type', 'mpegts',
    '-hls_segment_filename', path.join(job.hlsDir, '%v', 'seg_%05d.ts'),
    '-master_pl_name', MASTER_PLAYLIST,
    '-var_stream_map', streamMap,
    path.join(job.hlsDir, '%v', 'index.m3u8'),
  );
  args.push('-map', '[poster]', '-frames:v', '1', '-q:v', '3', '-update', '1', job.posterFile);
  return args;
}

/** The job for a probed source, writing under `workDir`. */
export function hlsJobFor(input: string, workDir: string, video: VideoInfo): HlsJob {
  return {
    input,
    hlsDir: path.join(workDir, 'hls'),
    posterFile: path.join(workDir, POSTER_FILE),
    renditions: renditionsFor(video.width, video.height),
    hasAudio: video.hasAudio,
    posterAtS: posterTimeS(video.durationMs),
  };
}

export type TranscodeResult = { ok: true; files: string[] } | { ok: false; reason: string; detail: string };

/** Every file under `dir`, as paths relative to it (forward slashes). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Runs ffmpeg for `job`. A non-zero exit, or a run that left no master playlist, segment or poster, is a
 * video ffmpeg cannot read: a refusal with the sentence the studio shows (and ffmpeg's own words as detail).
 */
export async function transcodeToHls(env: Pick<Env, 'FFMPEG_PATH'>, job: HlsJob, signal?: AbortSignal): Promise<TranscodeResult> {
  for (const r of job.renditions) await mkdir(path.join(job.hlsDir, r.name), { recursive: true });
  const run = await runTool(env.FFMPEG_PATH, hlsArguments(job), signal ? { signal } : {});
  if (run.code !== 0) return { ok: false, reason: UNREADABLE_VIDEO, detail: run.stderr.trim() || `ffmpeg exited with ${run.code}` };
  const files = await listFiles(job.hlsDir);
  const complete =
    files.includes(MASTER_PLAYLIST) &&
    job.renditions.every((r) => files.includes(`${r.name}/index.m3u8`) && files.some((f) => f.startsWith(`${r.name}/seg_`))) &&
    (await stat(job.posterFile).then((s) => s.size > 0, () => false));
  if (!complete) return { ok: false, reason: UNREADABLE_VIDEO, detail: `ffmpeg produced an incomplete set of files: ${files.join(', ')}` };
  return { ok: true, files };
}
