import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childProcessEnv } from '../env';

/**
 * The whole platform as `pnpm start` runs it (scripts/start.mjs: the API with its own embedded
 * PostgreSQL, and `next start`), in a child process with a throwaway data directory, its output sent
 * to stderr. The web app's build forwards the API routes to the API origin it was built for, so the
 * API keeps the port the build expects (start.mjs rebuilds the web app for any other).
 */

export interface Platform {
  webPort: number;
  apiPort: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForOk(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The platform stopped before ${url} answered (see its output above).`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startPlatform({
  repoRoot,
  apiPort,
}: {
  repoRoot: string;
  apiPort: number;
}): Promise<Platform> {
  if (await portInUse(apiPort)) {
    throw new Error(
      `Port ${apiPort} is taken (another platform or an e2e run?). Stop it, or pass --api-port N ` +
        '(scripts/start.mjs then rebuilds the web app for that API port).',
    );
  }
  const webPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wt-bench-sync-'));
  // Run as root, the embedded PostgreSQL runs as the `postgres` user, which must reach its directory.
  chmodSync(dataDir, 0o755);
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs')], {
    cwd: repoRoot,
    env: childProcessEnv({
      PORT: String(webPort),
      API_PORT: String(apiPort),
      API_ORIGIN: '',
      WEB_ORIGIN: `http://localhost:${webPort}`,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      // Sign-up through the dev outbox, as the e2e suite does.
      API_NODE_ENV: 'development',
      // Every page comes from 127.0.0.1: the general per-IP budget is not what this measures.
      RATE_LIMIT_PER_MINUTE: '100000',
      DATABASE_URL: '',
      REDIS_URL: '',
      PUBLIC_WEB_URL: '',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a platform that ignores SIGTERM can be stopped with its children.
    detached: true,
  });
  const forward = (chunk: Buffer) =>
    process.stderr.write(chunk.toString().replace(/^(?=.)/gm, '  [platform] '));
  child.stdout!.on('data', forward);
  child.stderr!.on('data', forward);

  // Last resort if this process ends without stop() (a crash): the platform must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 25_000);
        await exited(child);
        clearTimeout(killer);
      }
      process.removeListener('exit', killOnExit);
      rmSync(dataDir, { recursive: true, force: true });
    })());

  try {
    // A first start builds the web app (a few minutes); later ones take seconds.
    await waitForOk(`http://127.0.0.1:${apiPort}/health`, child, 420_000);
    await waitForOk(`http://127.0.0.1:${webPort}/`, child, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webPort, apiPort, stop };
}
