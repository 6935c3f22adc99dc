import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/*
 * The web app for the browser figures of `pnpm bench:publish`: `next start` on its own port, serving the
 * production build whose rewrites forward /api and /trpc to the API on API_ORIGIN (default
 * http://localhost:4000, where the bench's API then listens). Built first when there is no build.
 */

export interface RunningWeb {
  url: string;
  stop(): Promise<void>;
}

export async function startWeb(repoRoot: string, port: number, log: (line: string) => void): Promise<RunningWeb> {
  const webDir = path.join(repoRoot, 'apps/web');
  const next = path.join(webDir, 'node_modules/.bin/next');
  if (!existsSync(path.join(webDir, '.next/BUILD_ID'))) {
    log('web: no production build yet, running next build ...');
    const built = spawnSync(next, ['build'], { cwd: webDir, stdio: ['ignore', 2, 2] });
    if (built.status !== 0) throw new Error('next build failed');
  }
  const child: ChildProcess = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: webDir,
    stdio: ['ignore', 'ignore', 2],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/shorts`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the web app did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
