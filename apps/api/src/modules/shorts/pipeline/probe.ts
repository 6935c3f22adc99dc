import { spawn } from 'node:child_process';
import type { UPLOAD_CONTAINERS } from '@wt/schemas';
import type { Env } from '../../../env';

/**
 * What the pipeline learns about an upload before converting it: the container from the first bytes
 * (never the file name or the client's type), and duration, size and streams from ffprobe.
 */

export type VideoContainer = (typeof UPLOAD_CONTAINERS)[number];

/** ISO BMFF brands of still images and audio: they carry `ftyp` too, but are not videos. */
const NOT_VIDEO_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'mif1', 'msf1', 'avif', 'avis', 'M4A ', 'M4B ', 'M4P ', 'jp2 ']);
/** Top-level QuickTime atoms an old .mov may start with (no `ftyp`). */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** The container named by a file's first bytes (at least 64 of them), or null when it is not a video we take. */
export function sniffContainer(firstBytes: Buffer): VideoContainer | null {
  if (firstBytes.length >= 12) {
    const box = firstBytes.toString('latin1', 4, 8);
    if (box === 'ftyp') {
      const brand = firstBytes.toString('latin1', 8, 12);
      if (NOT_VIDEO_BRANDS.has(brand)) return null;
      return brand === 'qt  ' ? 'mov' : 'mp4';
    }
    if (QUICKTIME_ATOMS.has(box) && firstBytes.readUInt32BE(0) >= 8) return 'mov';
  }
  return ebmlDocType(firstBytes);
}

/** Reads an EBML variable-length integer at `offset`: its byte length and value (marker removed unless `keepMarker`). */
function readVint(bytes: Buffer, offset: number, keepMarker: boolean): { length: number; value: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + bytes[offset + i]!;
  return { length, value };
}

const EBML_MAGIC = 0x1a45dfa3;
const DOCTYPE_ID = 0x4282;

/** 'webm' or 'mkv' from the DocType of an EBML header; null for anything else. */
function ebmlDocType(bytes: Buffer): VideoContainer | null {
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== EBML_MAGIC) return null;
  const headerSize = readVint(bytes, 4, false);
  if (!headerSize) return null;
  let offset = 4 + headerSize.length;
  const end = Math.min(bytes.length, offset + headerSize.value);
  while (offset < end) {
    const id = readVint(bytes, offset, true);
    if (!id) return null;
    const size = readVint(bytes, offset + id.length, false);
    if (!size) return null;
    const data = offset + id.length + size.length;
    if (id.value === DOCTYPE_ID) {
      const docType = bytes.toString('latin1', data, Math.min(data + size.value, bytes.length)).replace(/\0+$/, '');
      if (docType === 'webm') return 'webm';
      if (docType === 'matroska') return 'mkv';
      return null;
    }
    offset = data + size.value;
  }
  return null;
}

export interface ToolRun {
  code: number | null;
  stdout: string;
  /** The last few kilobytes of stderr (ffmpeg's reasons). */
  stderr: string;
}

const STDERR_TAIL = 8192;

/** Runs a tool to its end; a missing binary rejects (ENOENT); `signal` kills it. */
export function runTool(binary: string, args: readonly string[], options: { signal?: AbortSignal } = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err }));
  });
}

const available = new Map<string, Promise<boolean>>();

/** Whether `binary -version` runs; asked once per path for the life of the process. */
export function toolRuns(binary: string): Promise<boolean> {
  let known = available.get(binary);
  if (!known) {
    known = runTool(binary, ['-version']).then(
      (run) => run.code === 0,
      () => false,
    );
    available.set(binary, known);
  }
  return known;
}

/** The local pipeline converts to HLS only when both ffmpeg and ffprobe run; otherwise uploads play as they are. */
export async function ffmpegAvailable(env: Pick<Env, 'FFMPEG_PATH' | 'FFPROBE_PATH'>): Promise<boolean> {
  const [ffmpeg, ffprobe] = await Promise.all([toolRuns(env.FFMPEG_PATH), toolRuns(env.FFPROBE_PATH)]);
  return ffmpeg && ffprobe;
}

export interface VideoInfo {
  durationMs: number;
  /** As displayed: rotation metadata applied. */
  width: number;
  height: number;
  hasVideo: boolean;
  hasAudio: boolean;
}

export type ProbeResult = { ok: true; video: VideoInfo } | { ok: false; reason: string };

export const UNREADABLE_VIDEO = 'The video could not be converted: it seems damaged or is not a video ffmpeg can read.';

interface FfprobeStream {
  codec_type?: string;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number | string }[];
}

/** Reads an ffprobe `-show_format -show_streams` JSON document (pure: tested on its own). */
export function parseProbe(json: string): ProbeResult {
  let doc: { streams?: FfprobeStream[]; format?: { duration?: string } };
  try {
    doc = JSON.parse(json) as typeof doc;
  } catch {
    return { ok: false, reason: UNREADABLE_VIDEO };
  }
  const streams = doc.streams ?? [];
  // Cover art in an audio file is a "video" stream with the attached_pic disposition: not a picture that moves.
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && s.width && s.height);
  const hasAudio = streams.some((s) => s.codec_type === 'audio');
  const seconds = Number(doc.format?.duration ?? video?.duration ?? NaN);
  if (!video) return { ok: true, video: { durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0, width: 0, height: 0, hasVideo: false, hasAudio } };
  if (!Number.isFinite(seconds)) return { ok: false, reason: UNREADABLE_VIDEO };
  const rotation = Number(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video.tags?.rotate ?? 0);
  const quarterTurn = Math.abs(Math.round(rotation / 90)) % 2 === 1;
  return {
    ok: true,
    video: {
      durationMs: Math.round(seconds * 1000),
      width: quarterTurn ? video.height! : video.width!,
      height: quarterTurn ? video.width! : video.height!,
      hasVideo: true,
      hasAudio,
    },
  };
}

/** ffprobe's view of a file; an unreadable file is a refusal with a sentence, a missing ffprobe rejects. */
export async function probeVideo(env: Pick<Env, 'FFPROBE_PATH'>, file: string, signal?: AbortSignal): Promise<ProbeResult> {
  const run = await runTool(
    env.FFPROBE_PATH,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    signal ? { signal } : {},
  );
  if (run.code !== 0) return { ok: false, reason: UNREADABLE_VIDEO };
  return parseProbe(run.stdout);
}
