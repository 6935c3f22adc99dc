import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../src/schema/index';
import { buildDemoRows, DEMO_ACCOUNT, isDatabaseEmpty, seedDemoData } from '../src/seed/index';
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
      guildMemberships: 'guild_memberships',
      guildInvites: 'guild_invites',
      guildJoinRequests: 'guild_join_requests',
      guildMessages: 'guild_messages',
      guildEvents: 'guild_events',
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
        // Filled as viewers watch Shorts.
        'episode_progress',
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

  it('gives every guild member one open membership from the moment they joined, and keeps past ones apart', async () => {
    const { rows } = await t.pool.query<{ members: number; open: number; past: number; unmatched: number }>(
      `SELECT
         (SELECT count(*)::int FROM guild_members) AS members,
         (SELECT count(*)::int FROM guild_memberships WHERE left_at IS NULL) AS open,
         (SELECT count(*)::int FROM guild_memberships WHERE left_at IS NOT NULL) AS past,
         (SELECT count(*)::int FROM guild_members gm
            FULL JOIN (SELECT * FROM guild_memberships WHERE left_at IS NULL) ms
              ON ms.guild_id = gm.guild_id AND ms.user_id = gm.user_id AND ms.joined_at = gm.joined_at
           WHERE gm.user_id IS NULL OR ms.id IS NULL) AS unmatched`,
    );
    expect(rows[0]).toEqual({ members: 9, open: 9, past: 2, unmatched: 0 });
    // Nobody is in two guilds at once, joins before their account or the guild existed, or leaves before joining.
    const { rows: impossible } = await t.pool.query(
      `SELECT a.id FROM guild_memberships a JOIN guild_memberships b ON b.user_id = a.user_id AND b.id <> a.id
         AND tstzrange(a.joined_at, COALESCE(a.left_at, 'infinity')) && tstzrange(b.joined_at, COALESCE(b.left_at, 'infinity'))
       UNION ALL
       SELECT m.id FROM guild_memberships m JOIN users u ON u.id = m.user_id JOIN guilds g ON g.id = m.guild_id
        WHERE m.joined_at < u.created_at OR m.joined_at < g.created_at OR m.left_at > now()`,
    );
    expect(impossible).toEqual([]);
  });

  it("counts a guild's watch hours only while its people were members", async () => {
    // The rule matters here: some members watched before they joined their guild.
    const { rows: before } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM guild_memberships m JOIN watch_sessions w ON w.user_id = m.user_id
        WHERE w.started_at < m.joined_at`,
    );
    expect(before[0]!.n).toBeGreaterThan(0);
    const clippedHours = (from: string, to: string) => `
      (sum(extract(epoch FROM
        LEAST(w.ended_at, COALESCE(m.left_at, 'infinity'), ${to}) - GREATEST(w.started_at, m.joined_at, ${from}))))::float8 / 3600`;
    const overlaps = (from: string, to: string) => `
      w.user_id = m.user_id AND w.ended_at > GREATEST(m.joined_at, ${from})
        AND w.started_at < LEAST(COALESCE(m.left_at, 'infinity'), ${to})`;
    const { rows: totals } = await t.pool.query<{ name: string; stored: number; counted: number }>(
      `SELECT g.name, g.total_watch_hours AS stored, ${clippedHours("'-infinity'", "'infinity'")} AS counted
         FROM guilds g JOIN guild_memberships m ON m.guild_id = g.id
         JOIN watch_sessions w ON ${overlaps("'-infinity'", "'infinity'")}
        GROUP BY g.id`,
    );
    expect(totals).toHaveLength(2);
    for (const row of totals) {
      expect(row.counted, row.name).toBeGreaterThan(0);
      expect(row.stored, row.name).toBeCloseTo(row.counted, 2);
    }
    // Past weeks' guild boards follow the same rule, inside each week.
    const { rows: boards } = await t.pool.query<{ week: string; stored: number; counted: number }>(
      `SELECT s.snapshot_at::text AS week, s.watch_hours AS stored,
              ${clippedHours('s.snapshot_at', "s.snapshot_at + interval '7 days'")} AS counted
         FROM leaderboard_snapshots s JOIN guild_memberships m ON m.guild_id = s.entity_id
         JOIN watch_sessions w ON ${overlaps('s.snapshot_at', "s.snapshot_at + interval '7 days'")}
        WHERE s.type = 'guild'
        GROUP BY s.id`,
    );
    // Both guilds watched in each of the four finished weeks the seed keeps boards for.
    expect(boards).toHaveLength(8);
    for (const row of boards) expect(row.stored, row.week).toBeCloseTo(row.counted, 2);
  });

  it('has guild chat from people who were members when they wrote, in order', async () => {
    const { rows } = await t.pool.query<{
      name: string;
      messages: number;
      authors: number;
      out_of_order: number;
    }>(
      `SELECT g.name, count(gm.id)::int AS messages, count(DISTINCT gm.user_id)::int AS authors,
              count(*) FILTER (WHERE gm.created_at < gm.previous)::int AS out_of_order
         FROM guilds g LEFT JOIN (
           SELECT *, lag(created_at) OVER (PARTITION BY guild_id ORDER BY seq) AS previous FROM guild_messages) gm
           ON gm.guild_id = g.id
        GROUP BY g.id`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.messages, row.name).toBeGreaterThanOrEqual(8);
      expect(row.messages, row.name).toBeLessThanOrEqual(20);
      expect(row.authors, row.name).toBeGreaterThanOrEqual(3);
      expect(row.out_of_order, row.name).toBe(0);
    }
    const { rows: strangers } = await t.pool.query(
      `SELECT gm.content FROM guild_messages gm
        WHERE gm.created_at > now() OR NOT EXISTS (
          SELECT 1 FROM guild_memberships m WHERE m.guild_id = gm.guild_id AND m.user_id = gm.user_id
            AND m.joined_at <= gm.created_at AND (m.left_at IS NULL OR m.left_at > gm.created_at))`,
    );
    expect(strangers).toEqual([]);
  });

  it('runs a challenge in every guild, set by its leader or an officer, with one guild showing past and upcoming ones', async () => {
    const { rows } = await t.pool.query<{
      name: string;
      running: number;
      ended: number;
      upcoming: number;
      by_members: number;
      total: number;
    }>(
      `SELECT g.name,
              count(*) FILTER (WHERE e.starts_at <= now() AND e.ends_at > now())::int AS running,
              count(*) FILTER (WHERE e.ends_at <= now())::int AS ended,
              count(*) FILTER (WHERE e.starts_at > now())::int AS upcoming,
              count(*) FILTER (WHERE m.role IN ('leader', 'officer'))::int AS by_members,
              count(e.id)::int AS total
         FROM guilds g LEFT JOIN guild_events e ON e.guild_id = g.id
         LEFT JOIN guild_members m ON m.guild_id = g.id AND m.user_id = e.created_by
        WHERE g.disbanded_at IS NULL
        GROUP BY g.id ORDER BY g.name`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.running, row.name).toBe(1);
      expect(row.by_members, row.name).toBe(row.total);
    }
    expect(rows.some((r) => r.ended > 0 && r.upcoming > 0)).toBe(true);
  });

  it('has a private guild with a pending join request and an invite, both for people in no guild', async () => {
    const pending = (table: string) =>
      t.pool.query<{ username: string; is_public: boolean; in_guild: boolean }>(
        `SELECT u.username, g.is_public, EXISTS (SELECT 1 FROM guild_members m WHERE m.user_id = p.user_id) AS in_guild
           FROM ${table} p JOIN guilds g ON g.id = p.guild_id JOIN users u ON u.id = p.user_id`,
      );
    const { rows: requests } = await pending('guild_join_requests');
    const { rows: invites } = await pending('guild_invites');
    expect(requests.some((r) => !r.is_public)).toBe(true);
    expect(invites.some((r) => !r.is_public)).toBe(true);
    for (const row of [...requests, ...invites]) expect(row.in_guild, row.username).toBe(false);
    // The invite came from the guild's leader or an officer, and the invitee was told.
    const { rows: told } = await t.pool.query(
      `SELECT i.user_id FROM guild_invites i
         JOIN guild_members m ON m.guild_id = i.guild_id AND m.user_id = i.invited_by AND m.role IN ('leader', 'officer')
         JOIN notifications n ON n.user_id = i.user_id AND n.type = 'guild_invite' AND n.payload->>'guildId' = i.guild_id::text`,
    );
    expect(told).toHaveLength(invites.length);
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

  it('makes the first 3 episodes of each series free (by the series rule) and prices every season', async () => {
    const { rows } = await t.pool.query<{ slug: string; free_episodes: number; overrides: number; prices: number[] }>(
      `SELECT sr.slug, sr.free_episodes, count(e.free_override)::int AS overrides,
              array_agg(DISTINCT se.price_cents) AS prices
         FROM series sr JOIN seasons se ON se.series_id = sr.id JOIN episodes e ON e.season_id = se.id
        GROUP BY sr.slug, sr.free_episodes`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.free_episodes, row.slug).toBe(3);
      expect(row.overrides, row.slug).toBe(0);
      expect(row.prices.every((p) => p > 0)).toBe(true);
    }
  });

  it('points every uploaded demo episode at a progressive MP4 the API fills with a demo clip', async () => {
    const { rows } = await t.pool.query<{ bad: number; total: number }>(
      `SELECT count(*) FILTER (WHERE NOT (a.progressive AND a.status = 'ready' AND a.storage_key = 'videos/' || a.id || '/original.mp4'))::int AS bad,
              count(*)::int AS total
         FROM episodes e JOIN video_assets a ON a.id = e.video_asset_id`,
    );
    expect(rows[0]!.total).toBeGreaterThan(0);
    expect(rows[0]!.bad).toBe(0);
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
