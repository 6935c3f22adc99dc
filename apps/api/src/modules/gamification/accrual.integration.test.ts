import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { boardKey } from '@wt/schemas';
import { buildTestApp, freshDatabase, waitFor, type TestDatabase } from '../../../test/helpers';
import { connected, createUser, openSocket } from '../../../test/auth-helpers';
import { ack, createRoom, makeFriends, person } from '../../../test/room-helpers';
import { accrueWatchTime } from './accrual';
import { awardChatXp, gamificationJobs, WATCH_ACCRUAL_JOB } from './jobs';

/*
 * Issue 7, "Watch time": XP and boards from server-measured watch_sessions, exactly once, across day
 * boundaries, parties, guild membership, downtime and finished weeks; chat XP from stored messages.
 */

let database: TestDatabase;
let app: FastifyInstance;
const sockets: Socket[] = [];
// Wednesday of the week that starts Monday 2026-11-23.
const clock = { ms: Date.parse('2026-11-25T12:00:00.000Z') };
const now = () => new Date(clock.ms);

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now });
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
  await database?.drop();
});

const q = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  database.pool.query<T>(text, values).then((r) => r.rows);

async function roomLedBy(userId: string): Promise<string> {
  const id = randomUUID();
  await q(
    `INSERT INTO rooms (id, name, leader_id, platform, content_url, visibility, is_active)
     VALUES ($1, 'Accrual room', $2, 'youtube', 'https://youtube.com/watch?v=x', 'public', true)`,
    [id, userId],
  );
  return id;
}

async function watch(userId: string, roomId: string, from: string, to: string | null): Promise<void> {
  await q(
    `INSERT INTO watch_sessions (user_id, room_id, started_at, ended_at, duration_secs)
     VALUES ($1, $2, $3, $4, CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE extract(epoch FROM $4::timestamptz - $3::timestamptz)::int END)`,
    [userId, roomId, from, to],
  );
}

const keysOf = async (userId: string) =>
  (await q<{ dedupe_key: string }>(`SELECT dedupe_key FROM xp_log WHERE user_id = $1 ORDER BY dedupe_key`, [userId])).map(
    (r) => r.dedupe_key,
  );
const xpOf = async (userId: string) => (await q<{ xp: number }>(`SELECT xp FROM users WHERE id = $1`, [userId]))[0]!.xp;
const secondsOn = async (board: string, entityId: string) =>
  (await q<{ seconds: number }>(`SELECT seconds FROM leaderboard_entries WHERE board = $1 AND entity_id = $2`, [board, entityId]))[0]
    ?.seconds ?? null;

const deps = () => ({ ...app.services });
const run = (userIds: string[], since = new Date('2026-11-20T00:00:00Z')) => accrueWatchTime(deps(), userIds, since);
const weekly = (at = now()) => boardKey('individual', 'weekly', at);

describe('watch hours', () => {
  it('+100 per whole hour, at most 5 a day, +25 for the first session; a re-run adds nothing', async () => {
    const ann = await createUser(app.services.db);
    const room = await roomLedBy(ann.id);
    await watch(ann.id, room, '2026-11-25T01:00:00Z', '2026-11-25T03:30:00Z');
    await watch(ann.id, room, '2026-11-25T04:00:00Z', '2026-11-25T09:00:00Z');

    const first = await run([ann.id]);
    expect(first.awards).toBe(6);
    expect(await keysOf(ann.id)).toEqual([
      'first-session:2026-11-25',
      'watch:2026-11-25:h1',
      'watch:2026-11-25:h2',
      'watch:2026-11-25:h3',
      'watch:2026-11-25:h4',
      'watch:2026-11-25:h5',
    ]);
    expect(await xpOf(ann.id)).toBe(525);
    for (const period of ['weekly', 'monthly', 'alltime'] as const) {
      expect(await secondsOn(boardKey('individual', period, now()), ann.id)).toBe(7.5 * 3600);
    }

    const again = await run([ann.id]);
    expect(again).toEqual({ users: 1, awards: 0, boardChanges: 0 });
    expect(await xpOf(ann.id)).toBe(525);
  });

  it('a session across midnight counts on both UTC days; an open session counts up to now', async () => {
    const bo = await createUser(app.services.db);
    const room = await roomLedBy(bo.id);
    await watch(bo.id, room, '2026-11-24T23:00:00Z', '2026-11-25T01:30:00Z');
    await watch(bo.id, room, '2026-11-25T10:50:00Z', null);
    await run([bo.id]);
    expect(await keysOf(bo.id)).toEqual([
      'first-session:2026-11-24',
      'first-session:2026-11-25',
      'watch:2026-11-24:h1',
      'watch:2026-11-25:h1',
      'watch:2026-11-25:h2',
    ]);
    // 1 h on the 24th, 1.5 h + 70 min on the 25th.
    expect(await secondsOn(weekly(), bo.id)).toBe(3600 + 5400 + 4200);
  });

  it('the party bonus needs two friends watching the same room at the same time', async () => {
    const [ann, bob, cy] = [await createUser(app.services.db), await createUser(app.services.db), await createUser(app.services.db)];
    await makeFriends(app.services.db, ann.id, bob.id);
    await makeFriends(app.services.db, cy.id, ann.id);
    const room = await roomLedBy(ann.id);
    const elsewhere = await roomLedBy(cy.id);
    await watch(ann.id, room, '2026-11-25T08:00:00Z', '2026-11-25T10:30:00Z');
    await watch(bob.id, room, '2026-11-25T08:00:00Z', '2026-11-25T10:30:00Z');
    await watch(cy.id, room, '2026-11-25T08:15:00Z', '2026-11-25T09:30:00Z');
    // Cy's other room does not make a party in Ann's.
    await watch(cy.id, elsewhere, '2026-11-25T09:30:00Z', '2026-11-25T10:30:00Z');
    await run([ann.id, bob.id, cy.id]);
    // Ann had both friends in her room from 08:15 to 09:30: one whole party hour.
    expect((await keysOf(ann.id)).filter((k) => k.startsWith('party:'))).toEqual(['party:2026-11-25:h1']);
    // Bob and Cy are friends of Ann only: one friend each is no party.
    expect((await keysOf(bob.id)).filter((k) => k.startsWith('party:'))).toEqual([]);
    expect((await keysOf(cy.id)).filter((k) => k.startsWith('party:'))).toEqual([]);
    expect(await xpOf(ann.id)).toBe(25 + 200 + 20);
  });

  it('a deleted account earns nothing and is not ranked', async () => {
    const gone = await createUser(app.services.db);
    const room = await roomLedBy(gone.id);
    await watch(gone.id, room, '2026-11-25T01:00:00Z', '2026-11-25T03:00:00Z');
    await q(`UPDATE users SET deactivated_at = now() WHERE id = $1`, [gone.id]);
    await run([gone.id]);
    expect(await keysOf(gone.id)).toEqual([]);
    expect(await secondsOn(weekly(), gone.id)).toBeNull();
  });
});

describe('guild watch time', () => {
  it('counts what members watched while members; leaving keeps the share, rejoining starts a new one', async () => {
    const [owner, fay] = [await createUser(app.services.db), await createUser(app.services.db)];
    const guildId = randomUUID();
    await q(`INSERT INTO guilds (id, name, owner_id) VALUES ($1, $2, $3)`, [guildId, `Night Owls ${guildId.slice(0, 6)}`, owner.id]);
    const join = async (userId: string, role: string, at: string) => {
      await q(`INSERT INTO guild_members (guild_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)`, [guildId, userId, role, at]);
      await q(`INSERT INTO guild_memberships (guild_id, user_id, joined_at) VALUES ($1, $2, $3)`, [guildId, userId, at]);
    };
    await join(owner.id, 'leader', '2026-11-20T00:00:00Z');
    await join(fay.id, 'member', '2026-11-25T11:00:00Z');
    const room = await roomLedBy(fay.id);
    await watch(fay.id, room, '2026-11-25T09:00:00Z', '2026-11-25T11:30:00Z');
    await run([fay.id]);
    const guildBoard = boardKey('guild', 'weekly', now());
    expect(await secondsOn(weekly(), fay.id)).toBe(9000);
    // Only the half hour after she joined.
    expect(await secondsOn(guildBoard, guildId)).toBe(1800);

    // She leaves at 11:35; what she watches after does not count for the guild.
    await q(`DELETE FROM guild_members WHERE user_id = $1`, [fay.id]);
    await q(`UPDATE guild_memberships SET left_at = '2026-11-25T11:35:00Z', left_reason = 'left' WHERE user_id = $1 AND left_at IS NULL`, [fay.id]);
    await watch(fay.id, room, '2026-11-25T11:40:00Z', '2026-11-25T11:50:00Z');
    await run([fay.id]);
    expect(await secondsOn(weekly(), fay.id)).toBe(9600);
    expect(await secondsOn(guildBoard, guildId)).toBe(1800);

    await join(fay.id, 'member', '2026-11-25T11:45:00Z');
    await run([fay.id]);
    expect(await secondsOn(guildBoard, guildId)).toBe(1800 + 300);
    expect(await secondsOn(boardKey('guild', 'alltime', now()), guildId)).toBe(2100);
  });
});

describe('the recurring run', () => {
  it('after downtime counts every session that ended meanwhile, once, and moves its cursor', async () => {
    const job = gamificationJobs({ ...app.services, notifier: () => app.services }).find((j) => j.name === WATCH_ACCRUAL_JOB)!;
    const process = (data: { userIds?: string[] }) =>
      job.process(data as never, { jobId: 'test', name: job.name, attempt: 1, log: app.services.log, signal: new AbortController().signal });
    await process({});
    const cursor = async () => new Date((await q<{ at: Date }>(`SELECT at FROM job_cursors WHERE name = 'watch-accrual'`))[0]!.at);
    expect((await cursor()).getTime()).toBe(clock.ms);

    // Down for six hours; sessions that ran in the meantime were closed by the restart's sweep.
    const dee = await createUser(app.services.db);
    const room = await roomLedBy(dee.id);
    await watch(dee.id, room, '2026-11-25T13:00:00Z', '2026-11-25T15:10:00Z');
    clock.ms = Date.parse('2026-11-25T18:00:00Z');
    try {
      await process({});
      expect(await keysOf(dee.id)).toEqual(['first-session:2026-11-25', 'watch:2026-11-25:h1', 'watch:2026-11-25:h2']);
      expect((await cursor()).getTime()).toBe(clock.ms);
      await process({});
      await process({ userIds: [dee.id] });
      expect(await xpOf(dee.id)).toBe(225);
    } finally {
      clock.ms = Date.parse('2026-11-25T12:00:00.000Z');
    }
  });

  it('a finished week whose reset ran is not written again; all time still counts it', async () => {
    const eve = await createUser(app.services.db);
    const room = await roomLedBy(eve.id);
    await watch(eve.id, room, '2026-11-18T10:00:00Z', '2026-11-18T11:00:00Z');
    // (The start-up catch-up may have closed that week already.)
    await q(`INSERT INTO leaderboard_resets (period, period_start) VALUES ('weekly', '2026-11-16T00:00:00Z') ON CONFLICT DO NOTHING`);
    await run([eve.id], new Date('2026-11-18T00:00:00Z'));
    expect(await secondsOn(boardKey('individual', 'weekly', new Date('2026-11-18T00:00:00Z')), eve.id)).toBeNull();
    expect(await secondsOn(boardKey('individual', 'alltime', now()), eve.id)).toBe(3600);
    expect(await keysOf(eve.id)).toEqual(['first-session:2026-11-18', 'watch:2026-11-18:h1']);
  });
});

describe('chat XP', () => {
  async function say(userId: string, roomId: string, count: number, at: string): Promise<void> {
    await q(
      `INSERT INTO room_messages (room_id, user_id, content, kind, created_at)
       SELECT $1, $2, 'hello ' || i, 'user', $4::timestamptz FROM generate_series(1, $3) AS i`,
      [roomId, userId, count, at],
    );
  }

  it('+15 per 10 stored messages of the day, at most 3 times; yesterday does not count; re-runs add nothing', async () => {
    const fin = await createUser(app.services.db);
    const room = await roomLedBy(fin.id);
    await say(fin.id, room, 40, '2026-11-24T20:00:00Z');
    await say(fin.id, room, 19, '2026-11-25T08:00:00Z');
    expect(await awardChatXp(deps(), [fin.id])).toBe(1);
    await say(fin.id, room, 30, '2026-11-25T09:00:00Z');
    expect(await awardChatXp(deps(), [fin.id])).toBe(2);
    expect(await awardChatXp(deps(), [fin.id])).toBe(0);
    expect(await keysOf(fin.id)).toEqual(['chat:2026-11-25:1', 'chat:2026-11-25:2', 'chat:2026-11-25:3']);
    expect(await xpOf(fin.id)).toBe(45);
  });

  it('ten messages sent over the socket raise XP by 15, told to the sender on /global', async () => {
    const gus = await person(app, app.services.db, 'Gus');
    sockets.push(gus.socket);
    const global = await connected(openSocket(app, '/global', gus.token));
    sockets.push(global);
    const gained = new Promise<{ amount: number; standing: { xp: number } }>((resolve) => global.once('xp:gained', resolve));
    const room = await createRoom(app, gus);
    expect((await ack(gus.socket, 'room:join', { roomId: room.id })).ok).toBe(true);
    const start = clock.ms;
    for (let i = 0; i < 10; i++) {
      // Spaced beyond the chat rate limit (CHAT_RATE_LIMIT: 5 in 5 s).
      clock.ms += 3000;
      expect((await ack(gus.socket, 'chat:message', { roomId: room.id, content: `line ${i}` })).ok).toBe(true);
    }
    clock.ms = start;
    // Sign-in gave the daily login's 50 first.
    const xp = await waitFor(async () => ((await xpOf(gus.user.id)) > 50 ? xpOf(gus.user.id) : undefined), 10_000, 'chat XP');
    expect(xp).toBe(65);
    expect(await gained).toMatchObject({ amount: 15, standing: { xp: 65 } });
  });
});

describe('no way for a client to award itself XP or watch time', () => {
  it('every XP and leaderboard procedure only reads', async () => {
    const { appRouter } = await import('../../trpc/root');
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const ours = Object.entries(procedures).filter(([path]) => path.startsWith('xp.') || path.startsWith('leaderboard.'));
    expect(ours.length).toBeGreaterThanOrEqual(4);
    expect(ours.filter(([, p]) => p._def.type !== 'query').map(([path]) => path)).toEqual([]);
  });
});

describe('forged socket events', () => {
  it('an event no module handles awards nothing and is logged with its sender', async () => {
    const hal = await person(app, app.services.db, 'Hal');
    sockets.push(hal.socket);
    const global = await connected(openSocket(app, '/global', hal.token));
    sockets.push(global);
    const before = await xpOf(hal.user.id);
    const warn = vi.spyOn(app.services.log, 'warn');
    try {
      global.emit('xp:award', { amount: 100000 });
      hal.socket.emit('watch:hours', { hours: 24 });
      await waitFor(async () => (warn.mock.calls.length >= 2 ? true : undefined), 5000, 'the warnings');
      expect(warn.mock.calls.map(([fields]) => fields)).toEqual(
        expect.arrayContaining([
          { event: 'xp:award', namespace: '/global', userId: hal.user.id },
          { event: 'watch:hours', namespace: '/rooms', userId: hal.user.id },
        ]),
      );
    } finally {
      warn.mockRestore();
    }
    expect(await xpOf(hal.user.id)).toBe(before);
    expect(global.connected).toBe(true);
  });
});
