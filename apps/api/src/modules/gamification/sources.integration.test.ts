import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, refreshCookieOf, signIn, someIp } from '../../../test/auth-helpers';
import { trpc } from '../../../test/room-helpers';

/*
 * Issue 7: the XP sources wired so far (new friend, daily login), through the real
 * procedures, on a real database, with the app's clock under the test's control.
 */

let database: TestDatabase;
let app: FastifyInstance;
const clock = { ms: Date.parse('2026-11-29T10:00:00.000Z') };
const WEB = 'http://localhost:3000';

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now: () => new Date(clock.ms) });
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function xpOf(
  userId: string,
  reason: string,
): Promise<{ total: number; keys: string[]; userXp: number }> {
  const { rows } = await database.pool.query<{ total: number; keys: string[] | null; user_xp: number }>(
    `SELECT COALESCE(sum(l.amount), 0)::int AS total, array_agg(l.dedupe_key ORDER BY l.dedupe_key) FILTER (WHERE l.id IS NOT NULL) AS keys,
            u.xp AS user_xp
     FROM users u LEFT JOIN xp_log l ON l.user_id = u.id AND l.reason = $2
     WHERE u.id = $1 GROUP BY u.xp`,
    [userId, reason],
  );
  return { total: rows[0]!.total, keys: rows[0]!.keys ?? [], userXp: rows[0]!.user_xp };
}

describe('new friend: +25 to both, once per pair', () => {
  it('accepting awards both once; unfriending and re-friending awards nothing more', async () => {
    const ann = await createUser(app.services.db);
    const bob = await createUser(app.services.db);
    const annToken = (await signIn(app, ann.username, ann.password)).accessToken;
    const bobToken = (await signIn(app, bob.username, bob.password)).accessToken;

    expect((await trpc(app, annToken, 'friends.send', { userId: bob.id })).status).toBe(200);
    expect((await trpc(app, bobToken, 'friends.accept', { userId: ann.id })).status).toBe(200);
    expect(await xpOf(ann.id, 'friend')).toEqual({ total: 25, keys: [`friend:${bob.id}`], userXp: 75 });
    expect(await xpOf(bob.id, 'friend')).toEqual({ total: 25, keys: [`friend:${ann.id}`], userXp: 75 });

    expect((await trpc(app, annToken, 'friends.remove', { userId: bob.id })).status).toBe(200);
    // Friends again, this time by asking both ways (the second request accepts the first).
    expect((await trpc(app, bobToken, 'friends.send', { userId: ann.id })).status).toBe(200);
    expect((await trpc(app, annToken, 'friends.send', { userId: bob.id })).data).toMatchObject({
      state: 'friends',
    });
    expect(await xpOf(ann.id, 'friend')).toMatchObject({ total: 25, userXp: 75 });
    expect(await xpOf(bob.id, 'friend')).toMatchObject({ total: 25, userXp: 75 });
  });

  it('a failing award is logged and the accept still succeeds', async () => {
    const ann = await createUser(app.services.db);
    const bob = await createUser(app.services.db);
    const annToken = (await signIn(app, ann.username, ann.password)).accessToken;
    const bobToken = (await signIn(app, bob.username, bob.password)).accessToken;
    expect((await trpc(app, annToken, 'friends.send', { userId: bob.id })).status).toBe(200);
    // A broken award (here: the log table unreachable for the accepter's XP) must not fail the accept.
    await database.pool.query('ALTER TABLE xp_log RENAME TO xp_log_away');
    try {
      expect((await trpc(app, bobToken, 'friends.accept', { userId: ann.id })).status).toBe(200);
    } finally {
      await database.pool.query('ALTER TABLE xp_log_away RENAME TO xp_log');
    }
    expect(await xpOf(bob.id, 'friend')).toMatchObject({ total: 0, userXp: 50 });
  });
});

describe('daily login: +50 once per UTC calendar day', () => {
  it('sign-in twice a day awards once; the next UTC day awards again (sign-in or refresh)', async () => {
    clock.ms = Date.parse('2026-11-29T10:00:00.000Z');
    const user = await createUser(app.services.db);
    const first = await signIn(app, user.username, user.password);
    expect((first.response.json() as { user: { xp: number } }).user.xp).toBe(50);
    clock.ms = Date.parse('2026-11-29T23:59:59.000Z');
    const second = await signIn(app, user.username, user.password);
    expect((second.response.json() as { user: { xp: number } }).user.xp).toBe(50);
    expect(await xpOf(user.id, 'login')).toEqual({ total: 50, keys: ['login:2026-11-29'], userXp: 50 });

    // Just past midnight UTC: the refresh of the open session is the day's login.
    clock.ms = Date.parse('2026-11-30T00:00:01.000Z');
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { wt_refresh: second.refreshToken },
      headers: { origin: WEB },
      remoteAddress: someIp(),
    });
    expect(refreshed.statusCode).toBe(200);
    expect((refreshed.json() as { user: { xp: number } }).user.xp).toBe(100);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { wt_refresh: refreshCookieOf(refreshed)! },
      headers: { origin: WEB },
      remoteAddress: someIp(),
    });
    expect(again.statusCode).toBe(200);
    await signIn(app, user.username, user.password);
    expect(await xpOf(user.id, 'login')).toEqual({
      total: 100,
      keys: ['login:2026-11-29', 'login:2026-11-30'],
      userXp: 100,
    });

    clock.ms = Date.parse('2026-12-01T08:00:00.000Z');
    await signIn(app, user.username, user.password);
    expect(await xpOf(user.id, 'login')).toMatchObject({ total: 150, userXp: 150 });
  });

  it('a failing award never fails the sign-in', async () => {
    clock.ms = Date.parse('2026-12-02T08:00:00.000Z');
    const user = await createUser(app.services.db);
    await database.pool.query('ALTER TABLE xp_log RENAME TO xp_log_away');
    try {
      const signedIn = await signIn(app, user.username, user.password);
      expect((signedIn.response.json() as { user: { xp: number } }).user.xp).toBe(0);
    } finally {
      await database.pool.query('ALTER TABLE xp_log_away RENAME TO xp_log');
    }
  });
});
