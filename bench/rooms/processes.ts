import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendsCpuWindow, cpuWindow, type CpuWindow } from './cpu';
import {
  addDbWork,
  backendPids,
  dbCounters,
  noDbWork,
  type BenchDatabase,
  type DbCounters,
} from './database';
import type { LoadCommand, LoadMessage, LoadPlan, LoadResult, LoopWindow, PhasePlan, ServerMessage } from './plan';

/*
 * The benchmark's child processes: a server (the API or the baseline) and, for each, a load generator,
 * all started the same way (TypeScript through tsx, this process's loader flags), talking over IPC.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_STOP_TIMEOUT_MS = 45_000;

/** Where BENCH_PROFILE=1 writes V8 CPU profiles: a folder per server process. */
export const profileDir = path.resolve(here, '../../.data/bench-profiles');

function startChild(file: string, profileName: string | null): ChildProcess {
  const execArgv = [...process.execArgv];
  if (profileName) {
    // A folder per process: tsx's loader thread writes a profile of its own beside the main thread's.
    const dir = path.join(profileDir, profileName);
    mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
  }
  // The child's stdout (pino logs) goes to our stderr: our stdout is the result alone.
  return fork(path.join(here, file), [], { execArgv, stdio: ['ignore', 2, 2, 'ipc'] });
}

const isRunning = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

function exited(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Sends `message` and waits for the server's answer of type `expect`. */
  ask(message: Serializable, expect: ServerMessage['type']): Promise<ServerMessage>;
  stop(): Promise<void>;
}

/** Starts `file` (api-server.ts or baseline-server.ts), hands it `config` and waits until it listens. */
export async function startServer(
  file: string,
  config: Serializable,
  profileName: string | null,
): Promise<RunningServer> {
  const child = startChild(file, profileName);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${file} did not listen within ${SERVER_START_TIMEOUT_MS / 1000} s`)),
      SERVER_START_TIMEOUT_MS,
    );
    child.on('message', (message: ServerMessage) => {
      clearTimeout(timer);
      if (message.type === 'listening') resolve(message.port);
      else if (message.type === 'error') reject(new Error(`${file} failed to start: ${message.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with code ${code} before listening`));
    });
    child.send(config);
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    ask(message, expect) {
      return new Promise((resolve, reject) => {
        const onMessage = (answer: ServerMessage): void => {
          if (answer.type !== expect && answer.type !== 'error') return;
          child.off('message', onMessage);
          if (answer.type === 'error') reject(new Error(`${file}: ${answer.message}`));
          else resolve(answer);
        };
        child.on('message', onMessage);
        child.send(message);
      });
    },
    async stop() {
      if (!isRunning(child)) return;
      const done = exited(child);
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), SERVER_STOP_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
    },
  };
}

/** A load generator bound to one server, driven one command at a time. */
export interface LoadDriver {
  /** Connects and joins every member. */
  prepare(plan: LoadPlan): Promise<void>;
  phase(phase: PhasePlan): Promise<void>;
  /** The measured phases together; the load process disconnects its sockets and exits. */
  finish(): Promise<LoadResult>;
  /** The server's CPU over each measured window. */
  readonly windows: CpuWindow[];
  /** The server's event-loop delay and GC pauses over each measured window. */
  loops(): Promise<LoopWindow[]>;
  /** PostgreSQL work over the measured windows (zero without a database). */
  dbWork(): Promise<DbCounters>;
  /** CPU of the database's PostgreSQL backends over each measured window, in percent of one core. */
  dbCpu(): Promise<number[]>;
  kill(): Promise<void>;
}

export function startLoad(server: RunningServer, database: BenchDatabase | null): LoadDriver {
  const child = startChild('load.ts', null);
  const windows: CpuWindow[] = [];
  const dbReads: Promise<[DbCounters, DbCounters]>[] = [];
  let window: ReturnType<typeof cpuWindow> | null = null;
  let dbStart: Promise<DbCounters> | null = null;
  let backends: Promise<ReturnType<typeof backendsCpuWindow>> | null = null;
  const dbCpuReads: Promise<number>[] = [];
  const loopReads: Promise<LoopWindow>[] = [];
  let waiting: {
    expect: LoadMessage['type'];
    resolve: (message: LoadMessage) => void;
    reject: (err: Error) => void;
  } | null = null;
  let failure: Error | null = null;
  let finished = false;

  const fail = (err: Error): void => {
    if (finished) return;
    failure ??= err;
    waiting?.reject(err);
    waiting = null;
  };
  child.on('message', (message: LoadMessage) => {
    if (message.type === 'window-start') {
      server.child.send({ type: 'loop-start' });
      window = cpuWindow(server.child.pid);
      dbStart = database ? dbCounters(database) : null;
      backends = database ? backendPids(database).then(backendsCpuWindow) : null;
    } else if (message.type === 'window-end') {
      loopReads.push(server.ask({ type: 'loop-end' }, 'loop').then((answer) => (answer as { window: LoopWindow }).window));
      if (window) windows.push(window.end());
      if (database && dbStart) dbReads.push(Promise.all([dbStart, dbCounters(database)]));
      if (database && backends) {
        const started = backends;
        dbCpuReads.push(backendPids(database).then(async (pids) => (await started).end(pids)));
      }
    } else if (message.type === 'error') {
      fail(new Error(`load generator: ${message.message}`));
    } else if (waiting?.expect === message.type) {
      const { resolve } = waiting;
      waiting = null;
      resolve(message);
    }
  });
  child.once('exit', (code) => fail(new Error(`the load generator exited with code ${code}`)));
  server.child.once('exit', (code) => fail(new Error(`the server exited with code ${code} under load`)));

  const request = (command: LoadCommand, expect: LoadMessage['type']): Promise<LoadMessage> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      waiting = { expect, resolve, reject };
      child.send(command);
    });

  return {
    windows,
    async prepare(plan) {
      await request({ type: 'plan', plan }, 'ready');
    },
    async phase(phase) {
      await request({ type: 'phase', phase }, 'phase-done');
    },
    async finish() {
      const message = await request({ type: 'finish' }, 'result');
      finished = true;
      if (message.type !== 'result') throw new Error(`unexpected answer ${message.type}`);
      await exited(child);
      return message.result;
    },
    async dbWork() {
      let work = noDbWork;
      for (const [start, end] of await Promise.all(dbReads)) work = addDbWork(work, start, end);
      return work;
    },
    dbCpu() {
      return Promise.all(dbCpuReads);
    },
    loops() {
      return Promise.all(loopReads);
    },
    async kill() {
      finished = true;
      if (isRunning(child)) child.kill('SIGKILL');
      await exited(child);
    },
  };
}
