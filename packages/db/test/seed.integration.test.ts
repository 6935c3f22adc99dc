import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../src/schema/index';
import {
  buildDemoRows,
  DEMO_ACCOUNT,
  isDatabaseEmpty,
  seedDemoData,
} from '../src/seed/index';
import { LEVEL_THRESHOLDS } from '@wt/schemas';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t?.drop();
});

/** Row count of every table in the public schema (partitions counted through their parent). */
async function countAll(): Promise<Record<string, number>> {
  const { rows } = await t.pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const result = await t.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = result.rows[0]!.n;
  }
  return counts;
}

describe('seedDemoData', () => {
  let first: Awaited<ReturnType<typeof seedDemoData>>;
  let afterFirst: Record<string, number>;

  it('reports an empty database before seeding', async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
  });

  it('seeds the demo platform', async () => {
    first = await seedDemoData(t.db);
    expect(first.seeded).toBe(true);
    // Every table the builder fills is written.
    expect(Object.keys(first.counts).sort()).toEqual(Object.keys(buildDemoRows(new Date(), 'x')).sort());
    afterFirst = await countAll();
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    // Every table the seed writes got exactly the rows it reported.
    const tableOf: Record<string, string> = {
      users: 'users',
      friendRequests: 'friend_requests',
      guildMembers: 'guild_members',
      roomMessages: 'room_messages',
      watchSessions: 'watch_sessions',
      xpLog: 'xp_log',
      analyticsEvents: 'analytics_events',
      episodes: 'episodes',
    };
    for (const [key, table] of Object.entries(tableOf)) {
      expect(afterFirst[table], table).toBe(first.counts[key as keyof typeof first.counts]);
    }
    expect(afterFirst).toMatchObject({ users: 12, guilds: 2, rooms: 5, series: 2, featured_slots: 2 });
    const empty = Object.entries(afterFirst)
      .filter(([, n]) => n === 0)
      .map(([name]) => name);
    // Only the tables that fill up at run time start empty.
    expect(empty.sort()).toEqual(
      [
        'app_secrets',
        // Boards and guild shares: the accrual job computes them from watch_sessions at start.
        'guild_watch_contributions',
        'job_cursors',
        'leaderboard_buckets',
        'leaderboard_entries',
        'mail_outbox',
        'push_subscriptions',
        'refresh_tokens',
        'room_bans',
        'sessions',
        'two_factors',
        'user_blocks',
        'verifications',
        'webhook_events',
      ].sort(),
    );
  });

  it('runs twice without error and without duplicating anything', async () => {
    const second = await seedDemoData(t.db);
    expect(second).toEqual({ seeded: false, counts: {} });
    expect(await countAll()).toEqual(afterFirst);
  });

  it('seeds once when two seeders race', async () => {
    const other = await createTestDatabase();
    try {
      const results = await Promise.all([seedDemoData(other.db), seedDemoData(other.db)]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      const { rows } = await other.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
      expect(rows[0]!.n).toBe(12);
    } finally {
      await other.drop();
    }
  });

  it('creates the demo account with its argon2id password as a Better Auth credential account', async () => {
    const [user] = await t.db.select().from(s.users).where(eq(s.users.username, DEMO_ACCOUNT.username));
    expect(user).toMatchObject({
      email: 'demo@watchtogether.local',
      displayName: 'Demo Viewer',
      role: 'viewer',
    });
    const [account] = await t.db.select().from(s.accounts).where(eq(s.accounts.userId, user!.id));
    expect(account).toMatchObject({ providerId: 'credential', accountId: user!.id });
    expect(account!.password).toMatch(/^\$argon2id\$/);
    expect(await verify(account!.password!, 'watchtogether-demo')).toBe(true);
    expect(await verify(account!.password!, 'wrong-password')).toBe(false);
  });

  it('has an admin and an approved creator', async () => {
    const { rows } = await t.pool.query(
      `SELECT u.username, u.role, cp.status FROM users u LEFT JOIN creator_profiles cp ON cp.user_id = u.id
        WHERE u.username IN ('admin', 'maya') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { username: 'admin', role: 'admin', status: null },
      { username: 'maya', role: 'creator', status: 'approved' },
    ]);
  });

  it("keeps every user's xp equal to the sum of their xp_log and their level to the seed thresholds", async () => {
    const { rows } = await t.pool.query<{ username: string; xp: number; level: number; logged: number }>(
      `SELECT u.username, u.xp, u.level, coalesce(sum(x.amount), 0)::int AS logged
         FROM users u LEFT JOIN xp_log x ON x.user_id = u.id GROUP BY u.id`,
    );
    for (const row of rows) {
      expect(row.xp, row.username).toBe(row.logged);
      expect(row.level, row.username).toBe(LEVEL_THRESHOLDS.filter((th) => row.xp >= th).length);
    }
    expect(new Set(rows.map((r) => r.level)).size).toBeGreaterThan(2);
  });

  it('respects the XP caps: 5 watch hours a day, one login and one first-session bonus a day', async () => {
    const { rows } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT user_id, split_part(dedupe_key, ':', 2) AS day, count(*) AS hours
           FROM xp_log WHERE dedupe_key LIKE 'watch:%' GROUP BY 1, 2 HAVING count(*) > 5) over_cap`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('has friendships accepted and pending, guilds with roles, and rooms of every visibility', async () => {
    const { rows: statuses } = await t.pool.query<{ status: string }>(
      `SELECT DISTINCT status::text FROM friend_requests`,
    );
    expect(statuses.map((r) => r.status)).toEqual(expect.arrayContaining(['accepted', 'pending']));
    const { rows: roles } = await t.pool.query<{ role: string }>(
      `SELECT DISTINCT role::text FROM guild_members`,
    );
    expect(roles.map((r) => r.role).sort()).toEqual(['leader', 'member', 'officer']);
    const { rows: rooms } = await t.pool.query<{ visibility: string; platform: string }>(
      `SELECT visibility::text, platform::text FROM rooms`,
    );
    expect(new Set(rooms.map((r) => r.visibility))).toEqual(new Set(['public', 'friends', 'private']));
    expect(new Set(rooms.map((r) => r.platform))).toEqual(new Set(['youtube', 'drive', 'spotify', 'web']));
    const { rows: chat } = await t.pool.query<{ n: number }>(
      `SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM room_messages GROUP BY room_id) m`,
    );
    expect(chat[0]!.n).toBe(12);
  });

  it('has an active event with tasks and badges, an active ad and a featured slot', async () => {
    const { rows } = await t.pool.query(
      `SELECT
         (SELECT count(*)::int FROM events WHERE starts_at <= now() AND ends_at > now()) AS active_events,
         (SELECT count(*)::int FROM event_tasks) AS tasks,
         (SELECT count(*)::int FROM user_badges) AS user_badges,
         (SELECT count(*)::int FROM ads WHERE status = 'active') AS active_ads,
         (SELECT count(*)::int FROM featured_slots WHERE starts_at <= now() AND (ends_at IS NULL OR ends_at > now())) AS slots`,
    );
    expect(rows[0]).toMatchObject({ active_events: 1, tasks: 3, active_ads: 1, slots: 2 });
    expect(rows[0].user_badges).toBeGreaterThan(0);
  });

  it('makes the first 3 episodes of each series free and prices every season', async () => {
    const { rows } = await t.pool.query<{ slug: string; free: number[]; prices: number[] }>(
      `SELECT sr.slug,
              array_agg(e.number ORDER BY e.number) FILTER (WHERE e.is_free AND se.number = 1) AS free,
              array_agg(DISTINCT se.price_cents) AS prices
         FROM series sr JOIN seasons se ON se.series_id = sr.id JOIN episodes e ON e.season_id = se.id
        GROUP BY sr.slug`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.free, row.slug).toEqual([1, 2, 3]);
      expect(row.prices.every((p) => p > 0)).toBe(true);
    }
    const { rows: freeLater } = await t.pool.query(
      `SELECT 1 FROM episodes e JOIN seasons se ON se.id = e.season_id WHERE e.is_free AND (se.number > 1 OR e.number > 3)`,
    );
    expect(freeLater).toEqual([]);
  });

  it('records purchases with a consistent revenue split and access', async () => {
    const { rows } = await t.pool.query<{ ok: boolean }>(
      `SELECT bool_and(fee_cents + creator_share_cents + platform_share_cents = amount_cents) AS ok
         FROM transactions WHERE status = 'succeeded'`,
    );
    expect(rows[0]!.ok).toBe(true);
    const { rows: access } = await t.pool.query(
      `SELECT 1 FROM season_access sa JOIN users u ON u.id = sa.user_id WHERE u.username = 'demo'`,
    );
    expect(access).toHaveLength(1);
  });

  it('has reactions and timestamped comments on episodes', async () => {
    const { rows } = await t.pool.query(
      `SELECT (SELECT count(*)::int FROM reactions) AS reactions,
              (SELECT count(*)::int FROM comments WHERE timestamp_ms > 0) AS comments,
              (SELECT count(*)::int FROM comments WHERE parent_id IS NOT NULL) AS replies`,
    );
    expect(rows[0].reactions).toBeGreaterThan(10);
    expect(rows[0].comments).toBeGreaterThan(3);
    expect(rows[0].replies).toBeGreaterThan(0);
  });
});
