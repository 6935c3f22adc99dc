import type { Database } from '@wt/db';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { Server as SocketServer } from 'socket.io';
import type { DbMode } from './infra/database';
import type { JobQueue } from './infra/queue';
import type { Mailer } from './infra/mail/types';
import type { PushPort } from './infra/push';
import type { Env } from './env';
import type { PresenceTracker } from './modules/presence/service';
import type { LeaderboardStore } from './modules/leaderboard/store';
import type { ObjectStorage, PrivateStorage } from './infra/storage';

/** What every module's service functions receive: dependencies passed in, no module singletons. */
export interface AppServices {
  db: Database;
  dbMode: DbMode;
  redis: Redis | null;
  queue: JobQueue;
  mailer: Mailer;
  /** Web Push (VAPID pair shared by every instance); notify() reaches it through jobs. */
  push: PushPort;
  /** Leaderboards: Redis sorted sets with Redis, else PostgreSQL (both over leaderboard_entries). */
  leaderboards: LeaderboardStore;
  /** Public files (avatars, posters), served at their URL. */
  storage: ObjectStorage;
  /** Private media (Shorts video), streamed only behind a playback token. */
  privateStorage: PrivateStorage;
  /** Who is online / watching, kept per socket (Redis with several instances); friends hear changes on /global. */
  presence: PresenceTracker;
  /** Socket.io (namespaces /rooms /guilds /global); emits reach every instance through the Redis adapter. */
  io: SocketServer;
  /** Validated configuration (env.ts); services read settings from here, never from process.env. */
  env: Env;
  log: Logger;
  version: string;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Decorated by buildApp (app.ts). Declared beside AppServices too, so code that reaches it through
     * `request.server` type-checks wherever this file is seen, such as the web app's view of the API types.
     */
    services: AppServices;
  }
}
