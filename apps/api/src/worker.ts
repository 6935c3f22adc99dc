// A job worker as its own process (scaled mode): the same processors the API runs in-process, on
// BullMQ. Start as many as you like: `pnpm --filter @wt/api worker` (needs DATABASE_URL and REDIS_URL).
import { EnvError, loadEnv } from './env';
import { createLogger } from './logger';
import { connectWithRetry } from './infra/database';
import { createJobQueue } from './infra/queue';
import { createMailer } from './infra/mail';
import { createPushPort } from './infra/push';
import { createJobDefinitions, scheduleRecurringJobs } from './jobs';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { connectRedis } from './infra/redis';
import { createRedisLeaderboardStore } from './modules/leaderboard/store';
import type { NotifyServices } from './modules/notifications/notify';
import { createPrivateStorage, createStorage } from './infra/storage';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    process.stderr.write(`${err instanceof EnvError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  if (!env.REDIS_URL || !env.DATABASE_URL) {
    process.stderr.write(
      'The worker runs only in the scaled mode: set DATABASE_URL and REDIS_URL. Without Redis the API runs every job in-process.\n',
    );
    process.exit(1);
  }
  const log = createLogger(env).child({ service: 'worker' });
  const db = await connectWithRetry(env.DATABASE_URL, { timeoutMs: env.DB_CONNECT_TIMEOUT_MS, log });
  const now = () => new Date();
  const redis = await connectRedis(env.REDIS_URL, log);
  // No HTTP server: a Socket.io server on the API's Redis stream, so what jobs emit on /global (XP,
  // level-ups, notifications) reaches the people connected to any API instance.
  const io = new Server({ adapter: createAdapter(redis.client, { streamName: 'wt:socket.io', maxLen: 10_000 }) });
  const mailer = createMailer({ env, db: db.db, now, log });
  const ready: { notifier?: NotifyServices } = {};
  const queue = createJobQueue({
    redisUrl: env.REDIS_URL,
    definitions: createJobDefinitions({
      db: db.db,
      log,
      now,
      env,
      mailer,
      push: await createPushPort(db.db, env),
      leaderboards: createRedisLeaderboardStore({ redis: redis.client, db: db.db, prefix: 'wt:lb:' }),
      storage: createStorage(env),
      privateStorage: createPrivateStorage(env),
      notifier: () => ready.notifier,
    }),
    logger: log,
    prefix: 'wt-jobs',
  });
  ready.notifier = { db: db.db, io, now, log, env, mailer, queue };
  await queue.start({ process: true });
  await scheduleRecurringJobs(queue, now());
  log.info('worker: processing jobs');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`worker: stopping (${signal})`);
    await queue.stop({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS });
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await redis.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`The worker stopped unexpectedly: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
