import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { boardKey } from '@wt/schemas';
import { buildTestApp, freshDatabase, waitFor, type TestDatabase } from '../../../test/helpers';
import { createUser } from '../../../test/auth-helpers';
import type { AnyJobDefinition, CronSchedule, EnqueueOptions, JobQueue } from '../../infra/queue';
import { scheduleRecurringJobs } from '../../jobs';
import { notify, type NotifyInput } from '../notifications/notify';
import { LEADERBOARD_RESET_DUE_JOB, LEADERBOARD_RESET_JOB } from './jobs';
import {
  finishedPeriodStarts,
  resetFinishedPeriods,
  resetLeaderboardPeriod,
  ResetRefusedError,
  type ResetDeps,
} from './reset';

const DAY_MS = 86_400_000;
// Built on Wednesday of the week of Monday 2026-11-23; the tests move the clock on from there.
const clock = { ms: Date.parse('2026-11-25T12:00:00.000Z') };
const now = () => new Date(clock.ms);
const WEEK = new Date('2026-11-23T00:00:00.000Z');
const NEXT_WEEK = new Date('2026-11-30T00:00:00.000Z');
const WEEK_AFTER = new Date('2026-12-07T00:00:00.000Z');

let database: TestDatabase;
let app: FastifyInstance;
/** Who was told, in order (the notify() calls the reset made). */
const told: NotifyInput[] = [];
/** Boards whose cached copy the reset dropped. */
const forgotten: string[] = [];

function deps(): ResetDeps {
  return {
    db: app.services.db,
    now,
    log: app.services.log,
    notify: (input) => {
      told.push(input);
      return notify(app.services, input);
    },
    forgetBoard: async (board) => {
      forgotten.push(board);
    },
  };
}

async function query<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await database.pool.query<T>(text, values)).rows;
}

async function user(
  name: string,
  extra: { premium?: 'lifetime' | Date; deactivated?: boolean } = {},
): Promise<string> {
  const { id } = await createUser(app.services.db, { displayName: name });
  if (extra.premium) {
    await query('UPDATE users SET is_premium = true, premium_until = $2 WHERE id = $1', [
      id,
      extra.premium === 'lifetime' ? null : extra.premium,
    ]);
  }
  if (extra.deactivated) await query('UPDATE users SET deactivated_at = $2 WHERE id = $1', [id, now()]);
  return id;
}

async function guild(name: string, memberIds: string[]): Promise<string> {
  const [row] = await query<{ id: string }>(
    'INSERT INTO guilds (name, owner_id) VALUES ($1, $2) RETURNING id',
    [name, memberIds[0]],
  );
  for (const userId of memberIds) {
    await query('INSERT INTO guild_members (guild_id, user_id, joined_at) VALUES ($1, $2, $3)', [
      row!.id,
      userId,
      now(),
    ]);
  }
  return row!.id;
}

async function entry(board: string, entityId: string, seconds: number): Promise<void> {
  await query(
    `INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES ($1, $2, $3)
     ON CONFLICT (board, entity_id) DO UPDATE SET seconds = EXCLUDED.seconds`,
    [board, entityId, seconds],
  );
}

async function contribution(guildId: string, userId: string, board: string, seconds: number): Promise<void> {
  await query(
    'INSERT INTO guild_watch_contributions (guild_id, user_id, joined_at, board, seconds) VALUES ($1, $2, $3, $4, $5)',
    [guildId, userId, new Date('2026-01-01T00:00:00Z'), board, seconds],
  );
}

async function premiumOf(userId: string): Promise<{ is_premium: boolean; premium_until: Date | null }> {
  const [row] = await query<{ is_premium: boolean; premium_until: Date | null }>(
    'SELECT is_premium, premium_until FROM users WHERE id = $1',
    [userId],
  );
  return row!;
}

async function noticesOf(userId: string): Promise<Array<{ payload: Record<string, unknown> }>> {
  return query(
    `SELECT payload FROM notifications WHERE user_id = $1 AND type = 'leaderboard_result' ORDER BY created_at, payload->>'type'`,
    [userId],
  );
}

async function boardRows(board: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT (SELECT count(*) FROM leaderboard_entries WHERE board = $1)::int
          + (SELECT count(*) FROM guild_watch_contributions WHERE board = $1)::int AS n`,
    [board],
  );
  return row!.n;
}

async function snapshot(
  type: string,
  period: string,
  at: Date,
): Promise<Array<{ rank: number; entity_id: string; watch_hours: number }>> {
  return query(
    `SELECT rank, entity_id, watch_hours FROM leaderboard_snapshots
     WHERE type = $1 AND period = $2 AND snapshot_at = $3 ORDER BY rank`,
    [type, period, at],
  );
}

async function resetMarkers(period: string): Promise<string[]> {
  const rows = await query<{ period_start: Date }>(
    'SELECT period_start FROM leaderboard_resets WHERE period = $1 ORDER BY period_start',
    [period],
  );
  return rows.map((r) => r.period_start.toISOString());
}

async function counts(): Promise<{ snapshots: number; notices: number; resets: number; premium: string }> {
  const [row] = await query<{ snapshots: number; notices: number; resets: number; premium: string }>(`
    SELECT (SELECT count(*) FROM leaderboard_snapshots)::int AS snapshots,
           (SELECT count(*) FROM notifications WHERE type = 'leaderboard_result')::int AS notices,
           (SELECT count(*) FROM leaderboard_resets)::int AS resets,
           (SELECT string_agg(id || ':' || is_premium || ':' || coalesce(premium_until::text, '-'), ',' ORDER BY id) FROM users) AS premium`);
  return row!;
}

const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('start-up catch-up', () => {
  it('marks the finished weeks and months of the look-back as reset, even with empty boards', async () => {
    const weeks = finishedPeriodStarts('weekly', now()).map((d) => d.toISOString());
    expect(weeks).toHaveLength(8);
    expect(weeks.at(-1)).toBe('2026-11-16T00:00:00.000Z');
    await waitFor(
      async () => ((await resetMarkers('weekly')).length === 8 ? true : undefined),
      15_000,
      'weekly markers',
    );
    await waitFor(
      async () => ((await resetMarkers('monthly')).length === 3 ? true : undefined),
      15_000,
      'monthly markers',
    );
    expect(await resetMarkers('weekly')).toEqual(weeks);
    expect(await resetMarkers('monthly')).toEqual([
      '2026-08-01T00:00:00.000Z',
      '2026-09-01T00:00:00.000Z',
      '2026-10-01T00:00:00.000Z',
    ]);
    expect((await counts()).snapshots).toBe(0);
  });
});

describe('weekly reset of the week of 2026-11-23', () => {
  const people: Record<string, string> = {};
  const guilds: Record<string, string> = {};
  const individualBoard = boardKey('individual', 'weekly', WEEK);
  const guildBoard = boardKey('guild', 'weekly', WEEK);
  const existingEnd = new Date('2026-12-20T00:00:00.000Z');

  beforeAll(async () => {
    people.ann = await user('Ann');
    people.ben = await user('Ben', { premium: existingEnd });
    people.cat = await user('Cat', { premium: 'lifetime' });
    people.dan = await user('Dan');
    people.gone = await user('Gone', { deactivated: true });
    for (const name of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) people[name] = await user(name);
    // Ann is 1st alone and a member of the 1st guild too: 90 + 30 days.
    guilds.owls = await guild('Night Owls', [people.m1!, people.m2!, people.ann!]);
    guilds.larks = await guild('Larks', [people.m3!]);
    guilds.bats = await guild('Bats', [people.m4!, people.gone!]);
    guilds.moles = await guild('Moles', [people.m5!]);

    await entry(individualBoard, people.gone!, 99_000); // deactivated: ranked nowhere
    await entry(individualBoard, people.ann!, 36_000);
    await entry(individualBoard, people.ben!, 18_000);
    await entry(individualBoard, people.cat!, 9_000);
    await entry(individualBoard, people.dan!, 5_400);
    await entry(guildBoard, guilds.owls, 72_000);
    await entry(guildBoard, guilds.larks, 36_000);
    await entry(guildBoard, guilds.bats, 18_000);
    await entry(guildBoard, guilds.moles, 3_600);
    await contribution(guilds.owls, people.m1!, guildBoard, 72_000);
    await contribution(guilds.larks, people.m3!, guildBoard, 36_000);
    // All time and the new week are not the finished week's business.
    await entry('individual:alltime', people.ann!, 500_000);
    await entry('guild:alltime', guilds.owls, 700_000);
    await contribution(guilds.owls, people.m1!, 'guild:alltime', 700_000);
    await entry(boardKey('individual', 'weekly', NEXT_WEEK), people.dan!, 600);
    await entry(boardKey('individual', 'monthly', WEEK), people.dan!, 20_000);

    clock.ms = Date.parse('2026-11-30T00:00:30.000Z');
    told.length = 0;
    forgotten.length = 0;
    const outcomes = await resetFinishedPeriods(deps(), 'weekly');
    expect(outcomes.map((o) => o.status)).toEqual([...Array(7).fill('already-reset'), 'reset']);
    expect(forgotten).toEqual([individualBoard, guildBoard]);
  });

  it('snapshots the top of both boards at the week’s Monday, ranks 1..n, hours from seconds', async () => {
    expect(await snapshot('individual', 'weekly', WEEK)).toEqual([
      { rank: 1, entity_id: people.ann, watch_hours: 10 },
      { rank: 2, entity_id: people.ben, watch_hours: 5 },
      { rank: 3, entity_id: people.cat, watch_hours: 2.5 },
      { rank: 4, entity_id: people.dan, watch_hours: 1.5 },
    ]);
    expect((await snapshot('guild', 'weekly', WEEK)).map((r) => [r.rank, r.entity_id])).toEqual([
      [1, guilds.owls],
      [2, guilds.larks],
      [3, guilds.bats],
      [4, guilds.moles],
    ]);
  });

  it('gives the top 3 individuals 90 days, extending what they had, lifetime staying lifetime', async () => {
    const at = now();
    // Ann: 90 (1st) + 30 (Night Owls member), from now.
    expect(await premiumOf(people.ann!)).toEqual({ is_premium: true, premium_until: plusDays(at, 120) });
    // Ben had Premium to 2026-12-20: 90 days more from there, not from now.
    expect(await premiumOf(people.ben!)).toEqual({
      is_premium: true,
      premium_until: plusDays(existingEnd, 90),
    });
    expect(await premiumOf(people.cat!)).toEqual({ is_premium: true, premium_until: null });
    expect(await premiumOf(people.dan!)).toEqual({ is_premium: false, premium_until: null });
    expect(await premiumOf(people.gone!)).toEqual({ is_premium: false, premium_until: null });
  });

  it('gives every active member of the top 3 guilds 30 days, and nobody in the 4th', async () => {
    for (const name of ['m1', 'm2', 'm3', 'm4']) {
      expect(await premiumOf(people[name]!)).toEqual({
        is_premium: true,
        premium_until: plusDays(now(), 30),
      });
    }
    expect(await premiumOf(people.m5!)).toEqual({ is_premium: false, premium_until: null });
  });

  it('tells each winner where they finished, after the commit', async () => {
    expect((await noticesOf(people.ann!)).map((n) => n.payload)).toEqual([
      {
        board: guildBoard,
        type: 'guild',
        period: 'weekly',
        periodStart: '2026-11-23',
        rank: 1,
        premiumDays: 30,
        guildId: guilds.owls,
        guildName: 'Night Owls',
      },
      {
        board: individualBoard,
        type: 'individual',
        period: 'weekly',
        periodStart: '2026-11-23',
        rank: 1,
        premiumDays: 90,
      },
    ]);
    expect((await noticesOf(people.ben!)).map((n) => n.payload.rank)).toEqual([2]);
    expect((await noticesOf(people.cat!)).map((n) => n.payload.rank)).toEqual([3]);
    expect((await noticesOf(people.m4!)).map((n) => [n.payload.rank, n.payload.premiumDays])).toEqual([
      [3, 30],
    ]);
    for (const name of ['dan', 'm5', 'gone']) expect(await noticesOf(people[name]!)).toEqual([]);
    expect(told).toHaveLength(3 + 3 + 1 + 1);
  });

  it('removes the finished week’s live rows and keeps all-time, the new week and the month', async () => {
    expect(await boardRows(individualBoard)).toBe(0);
    expect(await boardRows(guildBoard)).toBe(0);
    expect(await boardRows('individual:alltime')).toBe(1);
    expect(await boardRows('guild:alltime')).toBe(2);
    expect(await boardRows(boardKey('individual', 'weekly', NEXT_WEEK))).toBe(1);
    expect(await boardRows(boardKey('individual', 'monthly', WEEK))).toBe(1);
    const [buckets] = await query<{ n: number }>(
      'SELECT coalesce(sum(entries), 0)::int AS n FROM leaderboard_buckets WHERE board = $1',
      [individualBoard],
    );
    expect(buckets!.n).toBe(0);
  });

  it('changes nothing when run again in the same week, however it is asked', async () => {
    const before = await counts();
    told.length = 0;
    clock.ms = Date.parse('2026-12-02T09:00:00.000Z');
    // New rows for the finished week (a late write) must not be snapshotted or rewarded twice either.
    await entry(individualBoard, people.dan!, 90_000);
    const again = await resetLeaderboardPeriod(deps(), 'weekly', WEEK);
    expect(again.status).toBe('already-reset');
    const due = await resetFinishedPeriods(deps(), 'weekly');
    expect(due.every((o) => o.status === 'already-reset')).toBe(true);
    await Promise.all([
      resetLeaderboardPeriod(deps(), 'weekly', WEEK),
      resetLeaderboardPeriod(deps(), 'weekly', WEEK),
    ]);
    expect(await counts()).toEqual(before);
    expect(told).toEqual([]);
    expect(forgotten).toEqual([individualBoard, guildBoard]);
    await query('DELETE FROM leaderboard_entries WHERE board = $1', [individualBoard]);
  });

  it('refuses a week that is not over, or a start that is not a Monday', async () => {
    await expect(resetLeaderboardPeriod(deps(), 'weekly', NEXT_WEEK)).rejects.toBeInstanceOf(
      ResetRefusedError,
    );
    await expect(
      resetLeaderboardPeriod(deps(), 'weekly', new Date('2026-11-24T00:00:00.000Z')),
    ).rejects.toThrow(/not the start of a week/);
    expect(await resetMarkers('weekly')).not.toContain(NEXT_WEEK.toISOString());
  });
});

describe('catch-up after downtime', () => {
  it('resets both missed weeks, oldest first, each winner rewarded once per week', async () => {
    const eve = await user('Eve');
    const fay = await user('Fay');
    await entry(boardKey('individual', 'weekly', NEXT_WEEK), eve, 7_200);
    await entry(boardKey('individual', 'weekly', WEEK_AFTER), eve, 3_600);
    await entry(boardKey('individual', 'weekly', WEEK_AFTER), fay, 7_200);
    await entry('individual:alltime', eve, 10_800);
    // Down from Sunday 2026-11-29 to Wednesday 2026-12-16: two Mondays missed.
    clock.ms = Date.parse('2026-12-16T08:00:00.000Z');
    told.length = 0;
    const outcomes = (await resetFinishedPeriods(deps(), 'weekly')).filter((o) => o.status === 'reset');
    expect(outcomes.map((o) => o.periodStart.toISOString())).toEqual([
      NEXT_WEEK.toISOString(),
      WEEK_AFTER.toISOString(),
    ]);
    expect(
      told.map((t) => [
        t.payload.periodStart,
        t.payload.rank,
        t.userId === eve ? 'eve' : t.userId === fay ? 'fay' : 'other',
      ]),
    ).toEqual([
      ['2026-11-30', 1, 'eve'],
      ['2026-11-30', 2, 'other'], // Dan, 600 s in the week of 2026-11-30
      ['2026-12-07', 1, 'fay'],
      ['2026-12-07', 2, 'eve'],
    ]);
    // Eve won both weeks: 90 + 90 days from the late reset.
    expect(await premiumOf(eve)).toEqual({ is_premium: true, premium_until: plusDays(now(), 180) });
    expect(await premiumOf(fay)).toEqual({ is_premium: true, premium_until: plusDays(now(), 90) });
    expect(await boardRows(boardKey('individual', 'weekly', NEXT_WEEK))).toBe(0);
    expect(await boardRows(boardKey('individual', 'weekly', WEEK_AFTER))).toBe(0);
    expect(await boardRows('individual:alltime')).toBe(2);
    expect((await resetMarkers('weekly')).slice(-2)).toEqual([
      NEXT_WEEK.toISOString(),
      WEEK_AFTER.toISOString(),
    ]);
  });
});

describe('monthly reset', () => {
  it('snapshots November and tells its top 3 without Premium; guild members hear nothing', async () => {
    const monthBoard = boardKey('individual', 'monthly', new Date('2026-11-01T00:00:00Z'));
    const guildMonth = boardKey('guild', 'monthly', new Date('2026-11-01T00:00:00Z'));
    const [top] = await query<{ id: string }>(`SELECT id FROM users WHERE display_name = 'm6'`);
    const [other] = await query<{ id: string }>(`SELECT id FROM users WHERE display_name = 'm7'`);
    await entry(monthBoard, top!.id, 50_000);
    await entry(monthBoard, other!.id, 40_000);
    const [owls] = await query<{ id: string }>(`SELECT id FROM guilds WHERE name = 'Night Owls'`);
    await entry(guildMonth, owls!.id, 60_000);
    const before = await premiumOf(top!.id);
    told.length = 0;
    const outcomes = (await resetFinishedPeriods(deps(), 'monthly')).filter((o) => o.status === 'reset');
    expect(outcomes.map((o) => o.periodStart.toISOString())).toEqual(['2026-11-01T00:00:00.000Z']);
    const ranked = await snapshot('individual', 'monthly', new Date('2026-11-01T00:00:00Z'));
    // Dan's 20,000 s from the setup above are November's too.
    expect(ranked.map((r) => r.entity_id)).toEqual([top!.id, other!.id, expect.any(String)]);
    expect(
      (await snapshot('guild', 'monthly', new Date('2026-11-01T00:00:00Z'))).map((r) => r.entity_id),
    ).toEqual([owls!.id]);
    expect(await premiumOf(top!.id)).toEqual(before);
    expect(told.map((t) => [t.payload.type, t.payload.rank, 'premiumDays' in t.payload])).toEqual([
      ['individual', 1, false],
      ['individual', 2, false],
      ['individual', 3, false],
    ]);
    expect(await boardRows(monthBoard)).toBe(0);
    expect(await boardRows(guildMonth)).toBe(0);
  });
});

describe('jobs', () => {
  it('runs leaderboard.reset from the queue for one period, and leaderboard.reset-due for the rest', async () => {
    // 2026-12-14's week ended on Monday 2026-12-21.
    clock.ms = Date.parse('2026-12-21T00:00:05.000Z');
    const week = new Date('2026-12-14T00:00:00.000Z');
    const gil = await user('Gil');
    await entry(boardKey('individual', 'weekly', week), gil, 3_600);
    await app.services.queue.enqueue(LEADERBOARD_RESET_JOB, {
      period: 'weekly',
      periodStart: week.toISOString(),
    });
    await waitFor(
      async () => ((await premiumOf(gil)).is_premium ? true : undefined),
      15_000,
      'the reset job',
    );
    expect(await snapshot('individual', 'weekly', week)).toEqual([
      { rank: 1, entity_id: gil, watch_hours: 1 },
    ]);
    // The job reaches notify() through the app's notifier.
    await waitFor(
      async () => ((await noticesOf(gil)).length === 1 ? true : undefined),
      15_000,
      'the winner notice',
    );
    expect((await noticesOf(gil))[0]!.payload).toMatchObject({
      rank: 1,
      premiumDays: 90,
      periodStart: '2026-12-14',
    });
    expect(await boardRows(boardKey('individual', 'weekly', week))).toBe(0);

    clock.ms = Date.parse('2027-01-01T00:00:05.000Z');
    await app.services.queue.enqueue(LEADERBOARD_RESET_DUE_JOB, { period: 'monthly' });
    await waitFor(
      async () => ((await resetMarkers('monthly')).includes('2026-12-01T00:00:00.000Z') ? true : undefined),
      15_000,
      'the due monthly reset',
    );
  });

  it('are registered, scheduled on Monday and 1st-of-month crons, and caught up at start-up once a day', async () => {
    const counts = await app.services.queue.counts();
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining([LEADERBOARD_RESET_JOB, LEADERBOARD_RESET_DUE_JOB, 'premium.expire-sweep']),
    );
    const schedules: Array<[string, CronSchedule, unknown]> = [];
    const enqueued: Array<[string, unknown, EnqueueOptions | undefined]> = [];
    const recorder: JobQueue = {
      kind: 'inprocess',
      register: (_definition: AnyJobDefinition) => undefined,
      enqueue: async (name, data, options) => {
        enqueued.push([name, data, options]);
        return { jobId: 'x', deduplicated: false };
      },
      schedule: async (name, schedule, data) => {
        schedules.push([name, schedule, data]);
      },
      unschedule: async () => false,
      start: async () => undefined,
      stop: async () => undefined,
      counts: async () => ({}),
    };
    await scheduleRecurringJobs(recorder, new Date('2026-12-16T08:00:00.000Z'));
    expect(
      schedules.filter(([name]) => name.startsWith('leaderboard.') || name.startsWith('premium.')),
    ).toEqual([
      [LEADERBOARD_RESET_DUE_JOB, { key: 'weekly', cron: '0 0 * * 1' }, { period: 'weekly' }],
      [LEADERBOARD_RESET_DUE_JOB, { key: 'monthly', cron: '0 0 1 * *' }, { period: 'monthly' }],
      ['premium.expire-sweep', { key: 'daily', cron: '20 0 * * *' }, {}],
    ]);
    expect(enqueued.filter(([name]) => name === LEADERBOARD_RESET_DUE_JOB)).toEqual([
      [LEADERBOARD_RESET_DUE_JOB, { period: 'weekly' }, { dedupeKey: 'startup-weekly-2026-12-16' }],
      [LEADERBOARD_RESET_DUE_JOB, { period: 'monthly' }, { dedupeKey: 'startup-monthly-2026-12-16' }],
    ]);
  });
});
