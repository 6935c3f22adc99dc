import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { EnvError, loadEnv, type Env } from './env';
import { createLogger } from './logger';
import { openDatabase, type OpenDatabase } from './infra/database';
import { prepareDatabase } from './bootstrap';
import { buildApp } from './app';

/** Prints one sentence and exits non-zero: how every start-up failure ends. */
async function fail(log: Logger | null, message: string): Promise<never> {
  if (log) {
    log.fatal(message);
    await new Promise<void>((resolve) => log.flush(() => resolve()));
  } else {
    process.stderr.write(`${message}\n`);
  }
  process.exit(1);
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) await fail(null, err.message);
    throw err;
  }
  const log = createLogger(env, env.NODE_ENV === 'development' && process.stdout.isTTY);

  let database: OpenDatabase | null = null;
  let app: FastifyInstance | null = null;
  let shuttingDown = false;

  async function shutdown(reason: string, code: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`shutting down (${reason})`);
    const force = setTimeout(() => {
      log.error(`shutdown took longer than ${env.SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`);
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      // Stops accepting, drains sockets, stops jobs, closes Redis and the database pool.
      if (app) await app.close();
      if (database) await database.stopServer();
      log.info('shutdown complete');
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      code = 1;
    }
    clearTimeout(force);
    process.exit(code);
  }

  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    database = await openDatabase(env, log);
    await prepareDatabase({ env, log, database });
    app = await buildApp({ env, databaseUrl: database.url, dbMode: database.mode, logger: log, runJobs: env.RUN_JOBS });
  } catch (err) {
    await database?.stopServer().catch(() => undefined);
    return fail(log, err instanceof Error ? err.message : String(err));
  }

  try {
    await app.listen({ port: env.API_PORT, host: env.API_HOST });
  } catch (err) {
    const message =
      (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `Port ${env.API_PORT} is already in use: stop the process using it or set API_PORT to a free port.`
        : `The API could not listen on ${env.API_HOST}:${env.API_PORT}: ${err instanceof Error ? err.message : String(err)}`;
    await app.close().catch(() => undefined);
    await database.stopServer().catch(() => undefined);
    return fail(log, message);
  }
  log.info(`WatchTogether API ${app.services.version} listening on http://localhost:${env.API_PORT}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`The API stopped unexpectedly: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
