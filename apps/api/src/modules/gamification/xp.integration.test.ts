import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { XpRuleError } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { connected, createUser, openSocket, signIn } from '../../../test/auth-helpers';
import { trpc } from '../../../test/room-helpers';
import { awardXp, recordXp } from './xp';

let database: TestDatabase;
let app: FastifyInstance;
const sockets: Socket[] = [];
const clock = { ms: Date.parse('2026-11-29T10:00:00.000Z') };

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now: () => new Date(clock.ms) });
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
  await database?.drop();
});

async function standing(
  userId: string,
): Promise<{ xp: number; level: number; logged: number; rows: number }> {
  const { rows } = await database.pool.query<{ xp: number; level: number; logged: number; rows: number }>(
    `SELECT u.xp, u.level, COALESCE((SELECT sum(amount)::int FROM xp_log WHERE user_id = u.id), 0) AS logged,
            (SELECT count(*)::int FROM xp_log WHERE user_id = u.id) AS rows
     FROM users u WHERE u.id = $1`,
    [userId],
  );
  return rows[0]!;
}

async function setXp(userId: string, xp: number, level: number): Promise<void> {
  await database.pool.query('DELETE FROM xp_log WHERE user_id = $1', [userId]);
  await database.pool.query('UPDATE users SET xp = $2, level = $3 WHERE id = $1', [userId, xp, level]);
}

describe('awardXp: exactly once', () => {
  it('250 concurrent calls with one key award once', async () => {
    const user = await createUser(app.services.db);
    const results = await Promise.all(
      Array.from({ length: 250 }, () =>
        awardXp(app.services, { userId: user.id, rule: 'event_task', key: 'task:t-1', amount: 120 }),
      ),
    );
    expect(results.filter((r) => r.awarded)).toHaveLength(1);
    expect(await standing(user.id)).toEqual({ xp: 120, level: 1, logged: 120, rows: 1 });
  });

  it('200 concurrent calls with distinct keys all land, XP exact, level from the total', async () => {
    const user = await createUser(app.services.db);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        awardXp(app.services, { userId: user.id, rule: 'event_task', key: `task:${i}`, amount: 50 }),
      ),
    );
    expect(results.every((r) => r.awarded)).toBe(true);
    // 10,000 XP is level 5 (7,500..14,999); exactly one of the calls crossed each threshold.
    expect(await standing(user.id)).toEqual({ xp: 10_000, level: 5, logged: 10_000, rows: 200 });
    expect(results.filter((r) => r.leveledUp)).toHaveLength(4);
    expect(Math.max(...results.map((r) => r.xp))).toBe(10_000);
  });

  it('a mix of repeated and distinct keys under concurrency loses and doubles nothing', async () => {
    const user = await createUser(app.services.db);
    const calls = Array.from({ length: 300 }, (_, i) =>
      recordXp(app.services, { userId: user.id, rule: 'ad_watch', key: `ad:${i % 60}` }),
    );
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.awarded)).toHaveLength(60);
    expect(await standing(user.id)).toEqual({ xp: 1_800, level: 3, logged: 1_800, rows: 60 });
  });

  it('a retry after the award returns the standing without adding anything', async () => {
    const user = await createUser(app.services.db);
    const first = await awardXp(app.services, {
      userId: user.id,
      rule: 'daily_login',
      key: 'login:2026-11-29',
    });
    const again = await awardXp(app.services, {
      userId: user.id,
      rule: 'daily_login',
      key: 'login:2026-11-29',
    });
    expect(first).toEqual({ awarded: true, xp: 50, level: 1, leveledUp: false });
    expect(again).toEqual({ awarded: false, xp: 50, level: 1, leveledUp: false });
  });

  it('deleted and deactivated accounts get nothing', async () => {
    const gone = await createUser(app.services.db);
    const away = await createUser(app.services.db);
    await database.pool.query('UPDATE users SET deleted_at = now() WHERE id = $1', [gone.id]);
    await database.pool.query('UPDATE users SET deactivated_at = now() WHERE id = $1', [away.id]);
    for (const user of [gone, away]) {
      const result = await awardXp(app.services, { userId: user.id, rule: 'new_friend', key: 'friend:x' });
      expect(result.awarded).toBe(false);
      expect(await standing(user.id)).toMatchObject({ xp: 0, rows: 0 });
    }
  });

  it('refuses amounts outside the rule and keys of another rule', async () => {
    const user = await createUser(app.services.db);
    const refused = [
      { rule: 'event_task', key: 'task:big', amount: 501 },
      { rule: 'event_task', key: 'task:small', amount: 49 },
      { rule: 'event_task', key: 'task:none' },
      { rule: 'daily_login', key: 'login:2026-11-29', amount: 5000 },
      { rule: 'daily_login', key: 'task:sneaky' },
    ] as const;
    for (const input of refused) {
      await expect(awardXp(app.services, { userId: user.id, ...input })).rejects.toBeInstanceOf(XpRuleError);
    }
    expect(await standing(user.id)).toMatchObject({ xp: 0, rows: 0 });
  });
});

describe('levels', () => {
  const task50 = { rule: 'event_task', key: 'task:lv', amount: 50 } as const;
  const friend25 = { rule: 'new_friend', key: 'friend:lv' } as const;
  const ad30 = { rule: 'ad_watch', key: 'ad:lv' } as const;
  it.each([
    [449, 1, task50, 499, 1, false],
    [475, 1, friend25, 500, 2, true],
    [499, 1, friend25, 524, 2, true],
    [1450, 2, task50, 1500, 3, true],
    [3475, 3, friend25, 3500, 4, true],
    [69_970, 8, ad30, 70_000, 9, true],
    [99_970, 9, ad30, 100_000, 10, true],
    [100_000, 10, ad30, 100_030, 10, false],
  ] as const)(
    '%i XP (level %i) + %o -> %i XP, level %i, level-up %s',
    async (start, startLevel, input, xp, level, leveledUp) => {
      const user = await createUser(app.services.db);
      await setXp(user.id, start, startLevel);
      expect(await awardXp(app.services, { userId: user.id, ...input })).toEqual({
        awarded: true,
        xp,
        level,
        leveledUp,
      });
      expect(await standing(user.id)).toMatchObject({ xp, level });
    },
  );

  it('499 -> 500: level 2, a level_up notification and xp:level_up on /global', async () => {
    const user = await createUser(app.services.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    const global = await connected(openSocket(app, '/global', accessToken));
    sockets.push(global);
    const toast = new Promise<{ level: number; xp: number }>((resolve) =>
      global.once('xp:level_up', resolve),
    );
    const bell = new Promise<{ type: string; payload: { level: number } }>((resolve) =>
      global.once('notification', resolve),
    );
    await setXp(user.id, 475, 1);

    const result = await awardXp(app.services, {
      userId: user.id,
      rule: 'new_friend',
      key: 'friend:someone',
    });
    expect(result).toEqual({ awarded: true, xp: 500, level: 2, leveledUp: true });
    expect(await toast).toEqual({ level: 2, xp: 500 });
    expect(await bell).toMatchObject({ type: 'level_up', payload: { level: 2 } });
    const { rows } = await database.pool.query(
      `SELECT payload FROM notifications WHERE user_id = $1 AND type = 'level_up'`,
      [user.id],
    );
    expect(rows).toEqual([{ payload: { level: 2 } }]);

    // The same award again: nothing more, no second notification.
    expect(
      (await awardXp(app.services, { userId: user.id, rule: 'new_friend', key: 'friend:someone' })).awarded,
    ).toBe(false);
    const { rows: after } = await database.pool.query(
      `SELECT 1 FROM notifications WHERE user_id = $1 AND type = 'level_up'`,
      [user.id],
    );
    expect(after).toHaveLength(1);
  });
});

describe('xp.me and xp.history', () => {
  it('show the caller their own XP, newest first, a page at a time; no procedure awards XP', async () => {
    const user = await createUser(app.services.db);
    const { accessToken } = await signIn(app, user.username, user.password); // +50 daily login
    for (let i = 0; i < 3; i += 1) {
      clock.ms += 1000;
      await awardXp(app.services, {
        userId: user.id,
        rule: 'event_task',
        key: `task:h${i}`,
        amount: 100 + i,
      });
    }
    const me = await trpc<{
      xp: number;
      level: number;
      levelProgress: { level: number; nextLevelXp: number };
    }>(app, accessToken, 'xp.me', undefined, 'query');
    expect(me.data).toMatchObject({ xp: 353, level: 1, levelProgress: { level: 1, nextLevelXp: 500 } });

    const first = await trpc<{ items: { amount: number; rule: string }[]; nextCursor: string | null }>(
      app,
      accessToken,
      'xp.history',
      { limit: 2 },
      'query',
    );
    expect(first.data!.items.map((e) => [e.amount, e.rule])).toEqual([
      [102, 'event_task'],
      [101, 'event_task'],
    ]);
    const second = await trpc<{ items: { amount: number; rule: string }[]; nextCursor: string | null }>(
      app,
      accessToken,
      'xp.history',
      { limit: 2, cursor: first.data!.nextCursor },
      'query',
    );
    expect(second.data!.items.map((e) => [e.amount, e.rule])).toEqual([
      [100, 'event_task'],
      [50, 'daily_login'],
    ]);
    expect(second.data!.nextCursor).toBeNull();

    // Someone else's history is not reachable, and there is no award procedure.
    const other = await createUser(app.services.db);
    const theirs = await signIn(app, other.username, other.password);
    const otherHistory = await trpc<{ items: unknown[] }>(app, theirs.accessToken, 'xp.history', {}, 'query');
    expect(otherHistory.data!.items).toHaveLength(1);
    const award = await trpc(app, accessToken, 'xp.award', {
      rule: 'event_task',
      key: 'task:free',
      amount: 500,
    });
    expect(award.status).toBe(404);
    expect(await trpc(app, '', 'xp.me', undefined, 'query')).toMatchObject({ status: 401 });
  });
});
