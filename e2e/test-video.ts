import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * The playback-sync test video, made with ffmpeg at run time (nothing large is committed), and a small
 * server for it with byte ranges (Chromium seeks in MP4 through them). Shared by e2e/sync.spec.ts and
 * the browser sync benchmark (bench/sync-browser.ts).
 */

export interface TestVideoOptions {
  seconds: number;
  /**
   * Burns the frame number into the top-left corner (ffmpeg's drawtext, which needs a font; without
   * one the video keeps testsrc's own seconds counter only).
   */
  frameCounter?: boolean;
}

/** Fails with a sentence that says what to install when ffmpeg is missing. */
export function assertFfmpeg(): void {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error('The sync test video is made with ffmpeg: install it (apt-get install -y ffmpeg).');
  }
}

function encode(file: string, seconds: number, videoFilter: string | null): void {
  const source = videoFilter ? `testsrc=size=320x240:rate=30,${videoFilter}` : 'testsrc=size=320x240:rate=30';
  // A keyframe every half second keeps seeks quick; faststart puts the index first for streaming; the
  // tone makes it a video with sound, which the browser's autoplay rule applies to.
  execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      source,
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440',
      '-t',
      String(seconds),
      '-pix_fmt',
      'yuv420p',
      '-g',
      '15',
      '-c:a',
      'aac',
      '-shortest',
      '-movflags',
      '+faststart',
      '-y',
      file,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** Writes the test video to `file` (30 fps, 320x240, a 440 Hz tone). */
export function makeTestVideo(file: string, options: TestVideoOptions): void {
  assertFfmpeg();
  if (options.frameCounter) {
    try {
      encode(
        file,
        options.seconds,
        "drawtext=text='%{n}':x=8:y=8:fontsize=28:fontcolor=white:box=1:boxcolor=black",
      );
      return;
    } catch {
      // No font for drawtext: testsrc's seconds counter still shows.
    }
  }
  encode(file, options.seconds, null);
}

export interface TestVideoServer {
  /** http://127.0.0.1:<port>/<file name> */
  url: string;
  close(): Promise<void>;
}

/** Serves one file on 127.0.0.1 (a free port) with byte ranges; every other path is a 404. */
export function serveTestVideo(file: string): Promise<TestVideoServer> {
  const name = path.basename(file);
  const size = statSync(file).size;
  const server: Server = createServer((req, res) => {
    if (req.url !== `/${name}`) return void res.writeHead(404).end();
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const headers = { 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
    if (!range) {
      res.writeHead(200, { ...headers, 'Content-Length': size });
      return void createReadStream(file).pipe(res);
    }
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) {
      return void res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
    }
    res.writeHead(206, {
      ...headers,
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${size}`,
    });
    createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/${name}`,
        close: () =>
          new Promise<void>((done) => {
            // A paused <video> may hold a keep-alive connection open: don't wait for it.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
