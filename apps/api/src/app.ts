import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { Logger } from 'pino';
import type { Env } from './env';
import { connectWithRetry, type DbMode } from './infra/database';
import { connectRedis, type RedisHandle } from './infra/redis';
import { socketPlugin } from './infra/socket';
import { createMailer } from './infra/mail';
import { createJobQueue, type JobQueue } from './infra/queue';
import { createPushPort } from './infra/push';
import { createJobDefinitions, scheduleRecurringJobs } from './jobs';
import { healthRoutes } from './modules/health/routes';
import { authPlugin, authRoutes, isAuthError } from './modules/auth';
import { mfaRoutes } from './modules/auth/mfa/routes';
import { oauthRoutes } from './modules/auth/oauth/router';
import { accountRoutes } from './modules/account/router';
import { devRoutes } from './modules/dev/routes';
import { roomRoutes } from './modules/rooms/routes';
import { registerRoomSockets, type RoomSocketsHandle } from './modules/rooms/socket';
import { spotifyRoutes } from './modules/spotify/router';
import { profileRoutes } from './modules/profile/routes';
import { guildRoutes } from './modules/guilds/routes';
import { registerGuildSockets } from './modules/guilds/socket';
import { PLAY_PATH, playbackRoutes } from './modules/shorts/playback';
import { studioRoutes } from './modules/shorts/routes';
import { createPrivateStorage, createStorage, mediaRoutes, storagePlugin, type ObjectStorage, type PrivateStorage } from './infra/storage';
import { notificationRoutes } from './modules/notifications/routes';
import { MUX_WEBHOOK_PATH, muxWebhookRoutes } from './modules/shorts/mux/webhook';
import { createPresenceTracker, type PresenceOptions } from './modules/presence/service';
import { httpStatusOf, isRoomError } from './modules/rooms/errors';
import { appRouter, type AppRouter } from './trpc/root';
import { createContextFactory } from './trpc/context';
import type { AppServices } from './services';
import {
  createPgLeaderboardStore,
  createRedisLeaderboardStore,
  forgetCurrentBoards,
} from './modules/leaderboard/store';
import { API_VERSION } from './version';
import { uploadRoutes, UPLOADS_PATH } from './modules/shorts/upload';
import { resumeUnfinishedTranscodes } from './modules/shorts/pipeline/publish';

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
    redisHandle: RedisHandle | null;
    /** The /rooms handlers' presence sweep (tests run it on demand). */
    roomSockets: RoomSocketsHandle;
  }
}

export interface BuildAppOptions {
  env: Env;
  databaseUrl: string;
  dbMode: DbMode;
  logger: Logger;
  /** Run job processors in this process (always true without Redis: nothing else would run them). */
  runJobs?: boolean;
  /** Prefix for Redis keys of this app (queues, socket stream); tests use a unique one per run. */
  redisPrefix?: string;
  now?: () => Date;
  /** Presence expiry and heartbeat (tests shorten them). */
  presence?: PresenceOptions;
  /** Where uploads go (tests hand in their own); default from env (S3_* or DATA_DIR/media). */
  storage?: ObjectStorage;
  privateStorage?: PrivateStorage;
}

/**
 * Builds the whole API as one Fastify instance: database, optional Redis, job queue, Socket.io, tRPC and
 * routes. Every resource closes itself in onClose, so `app.close()` is the graceful shutdown.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { env, logger } = options;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 5000 },
  });

  const dbHandle = await connectWithRetry(options.databaseUrl, { timeoutMs: env.DB_CONNECT_TIMEOUT_MS, log: logger });
  app.addHook('onClose', async () => dbHandle.close());

  let redis: RedisHandle | null = null;
  if (env.REDIS_URL) {
    redis = await connectRedis(env.REDIS_URL, logger);
    app.addHook('onClose', async () => redis?.close());
  }
  logger.info(
    redis
      ? 'redis mode: Socket.io streams adapter, BullMQ jobs, Redis rate limits'
      : 'redis mode: disabled (in-memory Socket.io adapter, in-process jobs, in-memory rate limits)',
  );

  const prefix = options.redisPrefix ?? 'wt';
  const now = options.now ?? (() => new Date());
  const mailer = createMailer({ env, db: dbHandle.db, now, log: logger });
  const push = await createPushPort(dbHandle.db, env);
  const leaderboards = redis
    ? createRedisLeaderboardStore({ redis: redis.client, db: dbHandle.db, prefix: `${prefix}:lb:` })
    : createPgLeaderboardStore(dbHandle.db);
  // Public files (avatars, posters) and private media (Shorts video): jobs, routes and services share them.
  const storage = options.storage ?? createStorage(env);
  const privateStorage = options.privateStorage ?? createPrivateStorage(env);
  // Jobs that notify or award XP reach Socket.io and the queue through `services`, built below.
  const built: { services?: AppServices } = {};
  const queue: JobQueue = createJobQueue({
    redisUrl: env.REDIS_URL,
    definitions: createJobDefinitions({
      db: dbHandle.db,
      log: logger,
      now,
      env,
      mailer,
      push,
      leaderboards,
      storage,
      privateStorage,
      notifier: () => built.services,
    }),
    logger,
    prefix: `${prefix}-jobs`,
  });

  // Before the services object: services.io is how modules (auth's force_logout) reach sockets.
  await app.register(socketPlugin, {
    corsOrigin: env.WEB_ORIGIN,
    redis: redis?.client ?? null,
    streamName: `${prefix}:socket.io`,
  });

  const services: AppServices = {
    db: dbHandle.db,
    dbMode: options.dbMode,
    redis: redis?.client ?? null,
    queue,
    mailer,
    push,
    io: app.io,
    leaderboards,
    storage,
    privateStorage,
    presence: createPresenceTracker(
      { db: dbHandle.db, io: app.io, redis: redis?.client ?? null, prefix, log: logger },
      options.presence,
    ),
    env,
    log: logger,
    version: API_VERSION,
    now,
  };
  built.services = services;
  if (redis) {
    void forgetCurrentBoards(leaderboards, now()).catch((err: unknown) =>
      logger.warn({ err }, 'leaderboards: the Redis copies could not be reset at start; they follow PostgreSQL on change'),
    );
  }
  app.decorate('services', services);
  app.decorate('redisHandle', redis);

  await app.register(cors, { origin: env.WEB_ORIGIN, credentials: true });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: env.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    redis: redis?.client,
    nameSpace: `${prefix}:rl:`,
    // A Redis outage must not take the API down with it.
    skipOnError: true,
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    // Auth refusals carry their own code, sentence and fields (`{ error: { code, message, fields? } }`).
    if (isAuthError(error)) {
      if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.status).send(error.toBody());
    }
    if (isRoomError(error)) {
      return reply.code(httpStatusOf(error)).send({ error: { code: error.code, message: error.message } });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    reply.code(status).send({
      error: status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : error.message,
    });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `There is nothing at ${request.method} ${request.url}.` });
  });

  await app.register(healthRoutes, { services, redis });
  await app.register(authPlugin, { services, redisPrefix: prefix });
  await app.register(authRoutes, { prefix: '/api/auth', services, throttle: app.authThrottle });
  await app.register(mfaRoutes, { prefix: '/api/auth/mfa', services, throttle: app.authThrottle });
  await app.register(oauthRoutes, { prefix: '/api/auth/oauth', services });
  await app.register(accountRoutes, { prefix: '/api/account', services, throttle: app.authThrottle });
  await app.register(devRoutes, { prefix: '/api/dev', services });
  await app.register(roomRoutes, { prefix: '/api/rooms', services });
  await app.register(spotifyRoutes, { prefix: '/api/spotify', services });
  await app.register(storagePlugin, { env, storage, privateStorage });
  await app.register(mediaRoutes, { prefix: '/api/media' });
  await app.register(profileRoutes, { prefix: '/api/users', services });
  await app.register(notificationRoutes, { prefix: '/api/notifications', services });
  await app.register(guildRoutes, { prefix: '/api/guilds', services });
  await app.register(studioRoutes, { prefix: '/api/studio', services });
  await app.register(playbackRoutes, { prefix: PLAY_PATH, db: services.db, env, now });
  await app.register(uploadRoutes, { prefix: UPLOADS_PATH, services });
  // Registered only when MUX_* is set; its own scope keeps the raw body for the signature check.
  await app.register(muxWebhookRoutes, { prefix: MUX_WEBHOOK_PATH, services });
  // After the auth plugin: its handshake middleware must run before any /rooms handler.
  const roomSockets = registerRoomSockets(services, { leaveGraceMs: env.ROOM_LEAVE_GRACE_MS });
  app.decorate('roomSockets', roomSockets);
  app.addHook('preClose', async () => roomSockets.stop());
  registerGuildSockets(services);
  services.presence.start();
  // After the socket plugin's preClose closed this instance's sockets: their departures are written first.
  app.addHook('preClose', async () => services.presence.stop());
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory(services),
      onError({ path, error }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'tRPC procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const runJobs = options.runJobs ?? true;
  await queue.start({ process: runJobs || !env.REDIS_URL });
  app.addHook('onClose', async () => queue.stop({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS / 2 }));
  await scheduleRecurringJobs(queue, now());
  await resumeUnfinishedTranscodes({ db: dbHandle.db, queue, log: logger });

  return app;
}
