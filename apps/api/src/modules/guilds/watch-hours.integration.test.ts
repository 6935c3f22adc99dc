import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { boardKey, type GuildDetail, type LeaderboardView } from '@wt/schemas';
import { signIn } from '../../../test/auth-helpers';
import { guildPerson, guilds as guildCall, ok, type GuildPerson } from '../../../test/guild-helpers';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { trpc } from '../../../test/room-helpers';
import { accrueWatchTime } from '../gamification/accrual';
import { reconcileGuildBoards } from './jobs';

/*
 * Issue 8 item 6: a guild's watch hours are what members watched while they were members. Joining does
 * not import earlier hours, leaving does not take away hours already counted, time after leaving does
 * not count; the figures reach guilds.total_watch_hours, the guild boards and challenge progress; the
 * hourly job re-derives them; a disbanded guild leaves the boards and stays off them.
 */

let database: TestDatabase;
let app: FastifyInstance;
// A Wednesday: every time below is in one ISO week and one month.
const clock = { ms: Date.parse('2026-11-25T08:00:00.000Z') };
const at = (hhmm: string) => `2026-11-25T${hhmm}:00Z`;
const setClock = (hhmm: string) => {
  clock.ms = Date.parse(at(hhmm));
};

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now: () => new Date(clock.ms) });
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function roomOf(userId: string): Promise<string> {
  const { rows } = await database.db.execute<{ id: string }>(sql`
    INSERT INTO rooms (name, leader_id, platform, content_url) VALUES ('Den', ${userId}, 'youtube', 'https://youtu.be/dQw4w9WgXcQ')
    RETURNING id`);
  return rows[0]!.id;
}

async function watch(userId: string, from: string, to: string): Promise<void> {
  await database.db.execute(sql`
    INSERT INTO watch_sessions (user_id, room_id, started_at, ended_at, duration_secs)
    VALUES (${userId}, ${await roomOf(userId)}, ${at(from)}, ${at(to)},
      extract(epoch FROM ${at(to)}::timestamptz - ${at(from)}::timestamptz)::int)`);
}

const accrue = (people: GuildPerson[]) =>
  accrueWatchTime(app.services, people.map((p) => p.user.id), new Date(Date.parse(at('00:00')) - 86_400_000));

async function entry(board: string, guildId: string): Promise<number | null> {
  const { rows } = await database.db.execute<{ seconds: number }>(
    sql`SELECT seconds FROM leaderboard_entries WHERE board = ${board} AND entity_id = ${guildId}`,
  );
  return rows[0] ? Number(rows[0].seconds) : null;
}

async function totalHours(guildId: string): Promise<number> {
  const { rows } = await database.db.execute<{ h: number }>(sql`SELECT total_watch_hours AS h FROM guilds WHERE id = ${guildId}`);
  return Number(rows[0]!.h);
}

/** guilds.* as `p`, signed in again first: access tokens last minutes and this test moves the clock by hours. */
async function guilds<T = GuildDetail>(a: FastifyInstance, p: GuildPerson, procedure: string, input: unknown, kind: 'query' | 'mutation' = 'mutation') {
  p.token = (await signIn(a, p.user.username, p.user.password)).accessToken;
  return guildCall<T>(a, p, procedure, input, kind);
}

const weekly = () => boardKey('guild', 'weekly', new Date(clock.ms));

describe('guild watch hours', () => {
  it('count only what members watched while members, across join and leave', async () => {
    const lea = await guildPerson(app, database.db, 'Lea');
    const max = await guildPerson(app, database.db, 'Max');
    // Max watched before there was a guild to join: never the guild's.
    await watch(max.user.id, '06:00', '07:00');
    setClock('08:00');
    const guild = ok(await guilds(app, lea, 'create', { name: 'Night Owls', isPublic: true }));
    await watch(lea.user.id, '08:00', '08:20');

    setClock('09:00');
    ok(await guilds(app, max, 'join', { guildId: guild.id }));
    ok(
      await guilds(app, lea, 'createEvent', {
        guildId: guild.id,
        title: 'Midweek hour',
        startsAt: at('09:00'),
        endsAt: '2026-11-27T00:00:00Z',
        goalHours: 1,
      }),
    );
    setClock('10:00');
    ok(await guilds(app, max, 'leave', { guildId: guild.id }));

    setClock('11:00');
    // 08:30-09:30: the half hour after joining counts. 09:45-10:15: the quarter before leaving counts.
    // 10:30-10:50: after leaving, nothing.
    await watch(max.user.id, '08:30', '09:30');
    await watch(max.user.id, '09:45', '10:15');
    await watch(max.user.id, '10:30', '10:50');
    await accrue([lea, max]);

    const expected = (20 + 30 + 15) * 60;
    expect(await entry(weekly(), guild.id)).toBe(expected);
    expect(await entry('guild:alltime', guild.id)).toBe(expected);
    expect(await totalHours(guild.id)).toBeCloseTo(expected / 3600, 6);

    const seen = ok(await guilds<GuildDetail>(app, lea, 'get', { guildId: guild.id }, 'query'));
    expect(seen.standing).toMatchObject({ weeklyHours: 1.08, monthlyHours: 1.08, totalHours: 1.08, weeklyRank: 1, monthlyRank: 1 });
    expect(seen.totalWatchHours).toBe(1.08);
    // The challenge started at 09:00: Max's 30 + 15 minutes as a member; Lea's earlier 20 do not count.
    expect(seen.events).toMatchObject([{ title: 'Midweek hour', progressHours: 0.75, goalHours: 1, status: 'running', completed: false }]);

    // The guild board shows it, by name.
    lea.token = (await signIn(app, lea.user.username, lea.user.password)).accessToken;
    const board = await trpc<LeaderboardView>(app, lea.token, 'leaderboard.board', { type: 'guild', period: 'weekly' }, 'query');
    expect(board.data?.entries).toMatchObject([{ rank: 1, id: guild.id, name: 'Night Owls', watchSeconds: expected }]);
    expect(board.data?.me?.rank).toBe(1);

    // Rejoining starts a new membership: only what comes after counts.
    ok(await guilds(app, max, 'join', { guildId: guild.id }));
    setClock('12:00');
    await watch(max.user.id, '11:30', '11:40');
    await accrue([max]);
    expect(await entry('guild:alltime', guild.id)).toBe(expected + 600);
  });

  it('are re-derived by the hourly job from the contributions, and a disbanded guild leaves the boards for good', async () => {
    setClock('12:00');
    const ida = await guildPerson(app, database.db, 'Ida');
    const joe = await guildPerson(app, database.db, 'Joe');
    const guild = ok(await guilds(app, ida, 'create', { name: 'Early Birds' }));
    ok(await guilds(app, joe, 'join', { guildId: guild.id }));
    setClock('14:00');
    await watch(ida.user.id, '12:00', '13:00');
    await watch(joe.user.id, '12:00', '12:30');
    await accrue([ida, joe]);
    expect(await entry(weekly(), guild.id)).toBe(5400);

    // A share removed behind the accrual's back (as an account purge does): the hourly job catches up.
    await database.db.execute(sql`DELETE FROM guild_watch_contributions WHERE user_id = ${joe.user.id}`);
    await database.db.execute(sql`DELETE FROM leaderboard_entries WHERE board = 'guild:alltime' AND entity_id = ${guild.id}`);
    await reconcileGuildBoards(app.services);
    expect(await entry(weekly(), guild.id)).toBe(3600);
    expect(await entry('guild:alltime', guild.id)).toBe(3600);
    expect(await totalHours(guild.id)).toBe(1);

    ok(await guilds(app, ida, 'disband', { guildId: guild.id, confirmName: 'Early Birds' }));
    expect(await entry(weekly(), guild.id)).toBeNull();
    setClock('15:00');
    await watch(ida.user.id, '14:00', '14:30');
    await accrue([ida, joe]);
    await reconcileGuildBoards(app.services);
    expect(await entry(weekly(), guild.id)).toBeNull();
    expect(await entry('guild:alltime', guild.id)).toBeNull();
    // History stays: the contributions of the memberships it had.
    const { rows } = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM guild_watch_contributions WHERE guild_id = ${guild.id}`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
