import { execFile } from 'node:child_process';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ClipSpec {
  width: number;
  height: number;
  seconds: number;
  fps: number;
}

/**
 * The benchmark's source: ffmpeg's moving test pattern (testsrc2) with a tone, H.264 + AAC in MP4, the
 * way a phone hands over a vertical clip. Kept in `dir` by its settings, so a re-run skips making it.
 */
export async function ensureClip(dir: string, spec: ClipSpec, log: (line: string) => void): Promise<{ file: string; made_s: number | null }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `testsrc2-${spec.width}x${spec.height}-${spec.fps}fps-${spec.seconds}s.mp4`);
  if (await stat(file).then((s) => s.size > 0, () => false)) {
    log(`source clip: ${file} (kept from an earlier run)`);
    return { file, made_s: null };
  }
  log(`making the ${spec.seconds} s ${spec.width}x${spec.height} source clip ...`);
  const started = performance.now();
  const temp = `${file}.part.mp4`;
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${spec.width}x${spec.height}:rate=${spec.fps}`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', String(spec.seconds),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-g', String(spec.fps * 2),
    '-c:a', 'aac', '-b:a', '128k',
    '-movflags', '+faststart',
    temp,
  ]);
  await rename(temp, file);
  const made = (performance.now() - started) / 1000;
  log(`source clip made in ${made.toFixed(1)} s`);
  return { file, made_s: made };
}
