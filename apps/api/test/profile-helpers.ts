import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createUser, signIn, type TestUser } from './auth-helpers';
import { buildTestApp, freshDatabase, type TestDatabase } from './helpers';

/** A profile test app: a fresh database, its own DATA_DIR (local avatar files) and a clock tests move. */
export interface ProfileTestApp {
  database: TestDatabase;
  app: FastifyInstance;
  dataDir: string;
  advanceClock(ms: number): void;
}

export const TEST_NOW = new Date('2026-03-18T15:30:00Z');

export function profileTestApp(): ProfileTestApp {
  let offsetMs = 0;
  const env = { advanceClock: (ms: number) => void (offsetMs += ms) } as ProfileTestApp;
  beforeAll(async () => {
    env.dataDir = await mkdtemp(path.join(os.tmpdir(), 'wt-profile-'));
    env.database = await freshDatabase();
    env.app = await buildTestApp(
      env.database,
      { RATE_LIMIT_PER_MINUTE: '100000', DATA_DIR: env.dataDir },
      { now: () => new Date(TEST_NOW.getTime() + offsetMs) },
    );
  });
  afterAll(async () => {
    await env.app?.close();
    await env.database?.drop();
    if (env.dataDir) await rm(env.dataDir, { recursive: true, force: true });
  });
  return env;
}

export interface SignedInUser {
  user: TestUser;
  token: string;
}

export async function signedInUser(env: ProfileTestApp, overrides: Parameters<typeof createUser>[1] = {}): Promise<SignedInUser> {
  const user = await createUser(env.app.services.db, overrides);
  const { accessToken } = await signIn(env.app, user.username, user.password);
  return { user, token: accessToken };
}
