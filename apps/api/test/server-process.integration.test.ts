import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, freshDatabase, waitFor, type TestDatabase } from './helpers';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(apiDir, 'node_modules/.bin/tsx');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `src/server.ts` as its own process, as `pnpm start` does, with only the given environment. */
function startServer(env: Record<string, string>): Running {
  const child = spawn(tsx, ['src/server.ts'], {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function healthOf(port: number): Promise<Record<string, string> | undefined> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return res.ok ? ((await res.json()) as Record<string, string>) : undefined;
}

async function trpc<T>(port: number, proc: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/trpc/${proc}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

describe('start-up refusals', () => {
  it('stops at start with one sentence naming a malformed variable', async () => {
    const run = startServer({ API_PORT: 'not-a-port' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Invalid environment variable API_PORT: expects a port number');
    expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('retries an unreachable PostgreSQL for a bounded time, then exits with a clear sentence', async () => {
    const deadPort = await freePort();
    const started = Date.now();
    const run = startServer({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${deadPort}/nothing`,
      DB_CONNECT_TIMEOUT_MS: '2000',
      API_PORT: String(await freePort()),
    });
    expect(await run.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.output()).toContain(`Could not connect to PostgreSQL at 127.0.0.1:${deadPort}/nothing within 2 s`);
    expect(run.output()).toMatch(/retrying in \d+ ms/);
  });
});

describe('one API process on an external database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => database?.drop());

  it('refuses a port already in use with a sentence and a non-zero exit', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const run = startServer({ DATABASE_URL: database.url, API_PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('logs its database mode in one line, serves, and shuts down gracefully on SIGTERM', async () => {
    const port = await freePort();
    const run = startServer({ DATABASE_URL: database.url, API_PORT: String(port) });
    try {
      await waitFor(() => healthOf(port), 30_000, 'API health');
      expect(run.output()).toMatch(/database mode: external PostgreSQL at 127\.0\.0\.1:\d+\/wt_t_/);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain('shutdown complete');
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('embedded default (no DATABASE_URL)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'wt-embedded-'));
    // PostgreSQL runs as the postgres user when we are root: it must be able to enter the folder.
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('starts its own PostgreSQL, seeds demo data once, and keeps data across restarts', { timeout: 180_000 }, async () => {
    const apiPort = await freePort();
    const pgPort = await freePort();
    const env = { API_PORT: String(apiPort), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, DEMO_DATA: 'true' };

    const first = startServer(env);
    try {
      await waitFor(() => healthOf(apiPort), 90_000, 'embedded API health');
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${first.output()}`);
    }
    expect(await healthOf(apiPort)).toMatchObject({ status: 'ok', db: 'ok', redis: 'disabled' });
    expect(first.output()).toContain(`database mode: embedded PostgreSQL, data in ${path.join(dataDir, 'postgres')}`);
    expect(first.output()).toContain('demo data seeded');
    const seeded = await trpc<{ users: number }>(apiPort, 'platform.stats');
    expect(seeded.users).toBeGreaterThan(1);

    // A fact written while running must survive the restart.
    const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/watchtogether` });
    await client.connect();
    await client.query(`INSERT INTO users (username, email, display_name) VALUES ('restart_probe', 'probe@example.com', 'Probe')`);
    await client.end();

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    // The embedded server stopped with the API: its port is free again.
    await expect(
      new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres` }).connect(),
    ).rejects.toThrow();

    const second = startServer(env);
    try {
      await waitFor(() => healthOf(apiPort), 90_000, 'embedded API health after restart');
      const after = await trpc<{ users: number }>(apiPort, 'platform.stats');
      expect(after.users).toBe(seeded.users + 1);
      expect(second.output()).not.toContain('demo data seeded');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
