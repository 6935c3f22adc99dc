import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { buildTestApp, freshDatabase, REDIS_URL, redisNotice, type TestDatabase } from '../../../test/helpers';
import { connected, createUser, openSocket, signIn, someIp } from '../../../test/auth-helpers';

redisNotice('auth across two API instances (force_logout, shared backoff)');

describe.skipIf(!REDIS_URL)('auth across two API instances sharing Redis', () => {
  let database: TestDatabase;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const sockets: Socket[] = [];
  const prefix = `wt-test-${randomUUID()}`;

  beforeAll(async () => {
    database = await freshDatabase();
    // Several instances share AUTH_SECRET (env.ts: required once there is more than one).
    const env = { REDIS_URL, AUTH_SECRET: randomBytes(32).toString('hex') };
    a = await buildTestApp(database, env, { redisPrefix: prefix });
    b = await buildTestApp(database, env, { redisPrefix: prefix });
    await a.listen({ port: 0, host: '127.0.0.1' });
    await b.listen({ port: 0, host: '127.0.0.1' });
  });

  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a sign-in on instance B kicks the session whose socket is on instance A', async () => {
    const user = await createUser(database.db);
    const first = await signIn(a, user.username, user.password);
    // The access token from A works on B (shared secret and database).
    const onB = await b.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${first.accessToken}` } });
    expect(onB.statusCode).toBe(200);

    const socket = openSocket(a, '/rooms', first.accessToken);
    sockets.push(socket);
    await connected(socket);
    const logout = new Promise((resolve) => socket.once('force_logout', resolve));
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));

    await signIn(b, user.email, user.password);
    await expect(logout).resolves.toEqual({ reason: 'New login' });
    await expect(gone).resolves.toBe('io server disconnect');
    const refused = await a.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${first.accessToken}` } });
    expect(refused.json().error.code).toBe('SESSION_REVOKED');
  });

  it('counts wrong passwords for one account across instances: the 6th is 429 wherever it lands', async () => {
    const user = await createUser(database.db);
    for (let i = 0; i < 5; i += 1) {
      const app = i % 2 === 0 ? a : b;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: user.username, password: `wrong-password-${i}` },
        remoteAddress: someIp(),
      });
      expect(res.statusCode).toBe(401);
    }
    for (const app of [a, b]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: user.username, password: user.password },
        remoteAddress: someIp(),
      });
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
    }
  });
});
