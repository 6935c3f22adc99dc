import { sql } from 'drizzle-orm';
import {
  boardKey,
  firstSessionKey,
  LEADERBOARD_PERIODS,
  periodBounds,
  watchHourKey,
  watchPartyHourKey,
  type LeaderboardPeriod,
  type LeaderboardServerToClientEvents,
  type LeaderboardType,
  type XpRuleName,
} from '@wt/schemas';
import { textArray, uuidArray } from '../../infra/sql-arrays';
import { lockPeriod } from '../leaderboard/reset';
import type { LeaderboardStore } from '../leaderboard/store';
import type { Queryable } from '../rooms/views';
import { partyIntervals, secondsPerDay, type Interval } from './watch-time';
import { awardXpLogged, type XpServices } from './xp';

/**
 * Watch time becomes XP and leaderboard standing (issue 7). The only input is `watch_sessions`, which
 * the server opens and closes (rooms/watch-sessions.ts); no client ever reports time. Every figure is
 * recomputed from the sessions as an absolute value and written idempotently (XP by dedupe key, boards
 * by upsert), so a run that crashed halfway, a duplicate run, or a run after hours of downtime all end
 * in the same state: nothing watched is lost and nothing is counted twice.
 *
 * - Watch hours (+100, 5 a day) and party hours (+20) count whole hours per UTC day; a session across
 *   midnight counts on both days. Time in two rooms at once counts once.
 * - First session of the day (+25): a session that started on that UTC day.
 * - Boards: each user's seconds per week / month / all time (`individual:*`), and each guild's: the sum of
 *   what members watched while they were members (`guild_watch_contributions`, one row per membership).
 */

export interface AccrualDeps extends XpServices {
  leaderboards: LeaderboardStore;
}

export interface AccrualResult {
  users: number;
  awards: number;
  /** Board rows whose seconds changed. */
  boardChanges: number;
}

type SessionRow = {
  user_id: string;
  room_id: string | null;
  started_at: Date | string;
  ended_at: Date | string;
};

const ms = (at: Date | string) => new Date(at).getTime();
const DAY_MS = 86_400_000;
const CHUNK = 200;

/**
 * Re-evaluates `userIds` for every UTC day from `since`'s day to now: XP for the whole hours watched,
 * party hours and first sessions, then their board entries for each period those days touch.
 */
export async function accrueWatchTime(deps: AccrualDeps, userIds: readonly string[], since: Date): Promise<AccrualResult> {
  const result: AccrualResult = { users: 0, awards: 0, boardChanges: 0 };
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const chunk = await accrueChunk(deps, userIds.slice(i, i + CHUNK), since);
    result.users += chunk.users;
    result.awards += chunk.awards;
    result.boardChanges += chunk.boardChanges;
  }
  return result;
}

async function accrueChunk(deps: AccrualDeps, userIds: readonly string[], since: Date): Promise<AccrualResult> {
  const now = deps.now();
  const from = new Date(Math.floor(since.getTime() / DAY_MS) * DAY_MS);
  const users = uuidArray(userIds);
  const { rows: sessions } = await deps.db.execute<SessionRow>(sql`
    SELECT w.user_id, w.room_id, w.started_at, LEAST(COALESCE(w.ended_at, ${now}::timestamptz), ${now}::timestamptz) AS ended_at
    FROM watch_sessions w JOIN users u ON u.id = w.user_id AND u.deleted_at IS NULL AND u.deactivated_at IS NULL
    WHERE w.user_id = ANY(${users}) AND w.started_at < ${now}
      AND COALESCE(w.ended_at, 'infinity'::timestamptz) > ${from}`);
  const byUser = groupBy(sessions, (s) => s.user_id);
  const awards = await awardWatchXp(deps, byUser, await friendSessions(deps, sessions, from, now), from);
  const boardChanges = await writeBoards(deps, [...byUser.keys()], periodsTouched(sessions, now), now);
  return { users: byUser.size, awards, boardChanges };
}

/** For each watcher, their friends' sessions in the rooms they watched, keyed by room then friend. */
async function friendSessions(
  deps: AccrualDeps,
  sessions: readonly SessionRow[],
  from: Date,
  now: Date,
): Promise<Map<string, Map<string, Map<string, Interval[]>>>> {
  const out = new Map<string, Map<string, Map<string, Interval[]>>>();
  const rooms = [...new Set(sessions.flatMap((s) => (s.room_id ? [s.room_id] : [])))];
  if (rooms.length === 0) return out;
  const watchers = [...new Set(sessions.map((s) => s.user_id))];
  const { rows } = await deps.db.execute<{ watcher: string; friend: string; room_id: string; started_at: Date; ended_at: Date }>(sql`
    WITH pairs AS (
      SELECT from_user_id AS watcher, to_user_id AS friend FROM friend_requests
        WHERE status = 'accepted' AND from_user_id = ANY(${uuidArray(watchers)})
      UNION
      SELECT to_user_id, from_user_id FROM friend_requests
        WHERE status = 'accepted' AND to_user_id = ANY(${uuidArray(watchers)}))
    SELECT p.watcher, p.friend, w.room_id, w.started_at,
      LEAST(COALESCE(w.ended_at, ${now}::timestamptz), ${now}::timestamptz) AS ended_at
    FROM pairs p JOIN watch_sessions w ON w.user_id = p.friend
    WHERE w.room_id = ANY(${uuidArray(rooms)}) AND w.started_at < ${now}
      AND COALESCE(w.ended_at, 'infinity'::timestamptz) > ${from}`);
  for (const r of rows) {
    const rooms = getOrSet(out, r.watcher, () => new Map<string, Map<string, Interval[]>>());
    const friends = getOrSet(rooms, r.room_id, () => new Map<string, Interval[]>());
    getOrSet(friends, r.friend, () => []).push({ start: ms(r.started_at), end: ms(r.ended_at) });
  }
  return out;
}

/** The XP keys the sessions earn, minus those already in xp_log, each awarded exactly once. */
async function awardWatchXp(
  deps: AccrualDeps,
  byUser: ReadonlyMap<string, SessionRow[]>,
  friends: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Interval[]>>>,
  from: Date,
): Promise<number> {
  const earned: { userId: string; rule: XpRuleName; key: string }[] = [];
  for (const [userId, sessions] of byUser) {
    const intervals = sessions.map((s) => ({ start: ms(s.started_at), end: ms(s.ended_at) }));
    for (const [day, seconds] of secondsPerDay(intervals)) {
      for (let hour = 1; hour <= Math.floor(seconds / 3600); hour++) {
        const key = watchHourKey(new Date(`${day}T00:00:00Z`), hour);
        if (key) earned.push({ userId, rule: 'watch_hour', key });
      }
    }
    const party = sessions.flatMap((s) => {
      const inRoom = s.room_id ? friends.get(userId)?.get(s.room_id) : undefined;
      return inRoom ? partyIntervals({ start: ms(s.started_at), end: ms(s.ended_at) }, inRoom) : [];
    });
    for (const [day, seconds] of secondsPerDay(party)) {
      for (let hour = 1; hour <= Math.floor(seconds / 3600); hour++) {
        const key = watchPartyHourKey(new Date(`${day}T00:00:00Z`), hour);
        if (key) earned.push({ userId, rule: 'watch_party_hour', key });
      }
    }
    for (const s of sessions) {
      const start = new Date(s.started_at);
      if (start >= from) earned.push({ userId, rule: 'first_session', key: firstSessionKey(start) });
    }
  }
  if (earned.length === 0) return 0;
  const { rows: landed } = await deps.db.execute<{ user_id: string; dedupe_key: string }>(sql`
    SELECT user_id, dedupe_key FROM xp_log
    WHERE user_id = ANY(${uuidArray([...byUser.keys()])}) AND created_at >= ${from}
      AND dedupe_key = ANY(${textArray([...new Set(earned.map((e) => e.key))])})`);
  const have = new Set(landed.map((r) => `${r.user_id} ${r.dedupe_key}`));
  const missing = uniqueBy(earned, (e) => `${e.userId} ${e.key}`).filter((e) => !have.has(`${e.userId} ${e.key}`));
  let awards = 0;
  for (const award of missing) {
    const done = await awardXpLogged(deps, award);
    if (done?.awarded) awards++;
  }
  return awards;
}

interface PeriodOf {
  period: LeaderboardPeriod;
  start: Date | null;
  end: Date | null;
  /** Any instant inside the period (boardKey's argument). */
  at: Date;
}

/** All time, plus every week and month that any of the sessions overlaps. */
function periodsTouched(sessions: readonly SessionRow[], now: Date): PeriodOf[] {
  const out = new Map<string, PeriodOf>();
  out.set('alltime', { period: 'alltime', start: null, end: null, at: now });
  for (const period of LEADERBOARD_PERIODS) {
    if (period === 'alltime') continue;
    for (const s of sessions) {
      // The period the session starts in, and each one it runs into.
      let at = new Date(s.started_at);
      do {
        const bounds = periodBounds(period, at);
        out.set(`${period}:${bounds.start!.toISOString()}`, { period, ...bounds, at });
        at = bounds.end!;
      } while (at.getTime() < ms(s.ended_at));
    }
  }
  return [...out.values()];
}

/** Upserts the users' (and their guilds') entries on each board; returns how many changed. */
async function writeBoards(deps: AccrualDeps, userIds: string[], periods: PeriodOf[], now: Date): Promise<number> {
  if (userIds.length === 0) return 0;
  let changes = 0;
  for (const p of periods) {
    const finished = p.end !== null && p.end <= now;
    // A finished period is written under its reset's lock, and not at all once its reset ran
    // (snapshot taken, counters cleared): a reset and a late accrual never interleave.
    // In one transaction per period, after locking the people's rows: an account purged meanwhile
    // (the purge holds its row) is skipped rather than written back.
    const written = await deps.db.transaction(async (tx) => {
      if (finished) {
        await lockPeriod(tx, p.period as 'weekly' | 'monthly', p.start!);
        if (await alreadyReset(tx, p)) return null;
      }
      const { rows: live } = await tx.execute<{ id: string }>(sql`
        SELECT id FROM users WHERE id = ANY(${uuidArray(userIds)}) AND deleted_at IS NULL AND deactivated_at IS NULL
        ORDER BY id FOR SHARE`);
      return live.length > 0 ? writePeriod(tx, live.map((r) => r.id), p, now) : null;
    });
    if (!written) continue;
    await announce(deps, 'individual', p, written.individual.board, written.individual.rows);
    await announce(deps, 'guild', p, written.guild.board, written.guild.rows);
    changes += written.individual.rows.length + written.guild.rows.length;
  }
  return changes;
}

interface BoardRows {
  board: string;
  rows: { entity_id: string; seconds: number }[];
}

async function writePeriod(
  db: Queryable,
  userIds: string[],
  p: PeriodOf,
  now: Date,
): Promise<{ individual: BoardRows; guild: BoardRows }> {
  const users = uuidArray(userIds);
  const start = p.start ?? new Date(0);
  const end = p.end ?? new Date('9999-12-31T00:00:00Z');
  const individual = boardKey('individual', p.period, p.at);
  const { rows: mine } = await db.execute<{ entity_id: string; seconds: number }>(sql`
    WITH watched AS (
      SELECT w.user_id, range_agg(tstzrange(GREATEST(w.started_at, ${start}::timestamptz),
        LEAST(COALESCE(w.ended_at, ${now}::timestamptz), ${now}::timestamptz, ${end}::timestamptz))) AS ranges
      FROM watch_sessions w
      WHERE w.user_id = ANY(${users}) AND w.started_at < LEAST(${end}::timestamptz, ${now}::timestamptz)
        AND COALESCE(w.ended_at, 'infinity'::timestamptz) > ${start}
      GROUP BY w.user_id),
    totals AS (
      SELECT user_id, (SELECT COALESCE(sum(extract(epoch FROM upper(r) - lower(r))), 0) FROM unnest(ranges) AS r)::int AS seconds
      FROM watched)
    INSERT INTO leaderboard_entries (board, entity_id, seconds, created_at, updated_at)
    SELECT ${individual}, user_id, seconds, ${now}, ${now} FROM totals WHERE seconds > 0
    ON CONFLICT (board, entity_id) DO UPDATE SET seconds = EXCLUDED.seconds, updated_at = EXCLUDED.updated_at
      WHERE leaderboard_entries.seconds <> EXCLUDED.seconds
    RETURNING entity_id, seconds`);

  const guild = boardKey('guild', p.period, p.at);
  const { rows: theirs } = await db.execute<{ entity_id: string; seconds: number }>(sql`
    WITH watched AS (
      -- Each membership counts what was watched between joining and leaving (issue 8); a disbanded
      -- guild counts nothing more.
      SELECT m.guild_id, m.user_id, m.joined_at,
        range_agg(tstzrange(GREATEST(w.started_at, ${start}::timestamptz, m.joined_at),
          LEAST(COALESCE(w.ended_at, ${now}::timestamptz), ${now}::timestamptz, ${end}::timestamptz,
            COALESCE(m.left_at, 'infinity'::timestamptz)))) AS ranges
      FROM guild_memberships m JOIN guilds g ON g.id = m.guild_id AND g.disbanded_at IS NULL
        JOIN watch_sessions w ON w.user_id = m.user_id
        AND w.started_at < LEAST(${end}::timestamptz, ${now}::timestamptz, COALESCE(m.left_at, 'infinity'::timestamptz))
        AND COALESCE(w.ended_at, 'infinity'::timestamptz) > GREATEST(${start}::timestamptz, m.joined_at)
      WHERE m.user_id = ANY(${users}) AND COALESCE(m.left_at, 'infinity'::timestamptz) > ${start}::timestamptz
      GROUP BY m.guild_id, m.user_id, m.joined_at),
    shares AS (
      INSERT INTO guild_watch_contributions (guild_id, user_id, joined_at, board, seconds, created_at, updated_at)
      SELECT guild_id, user_id, joined_at, ${guild},
        (SELECT COALESCE(sum(extract(epoch FROM upper(r) - lower(r))), 0) FROM unnest(ranges) AS r)::int, ${now}, ${now}
      FROM watched
      ON CONFLICT (guild_id, user_id, joined_at, board) DO UPDATE
        SET seconds = EXCLUDED.seconds, updated_at = EXCLUDED.updated_at
        WHERE guild_watch_contributions.seconds <> EXCLUDED.seconds
      RETURNING guild_id, user_id, joined_at, seconds),
    totals AS (
      -- The statement's own upserts are not visible to its other parts: the stored shares of other
      -- memberships plus the new values of the ones just written.
      SELECT guild_id, sum(seconds)::int AS seconds FROM (
        SELECT c.guild_id, c.seconds FROM guild_watch_contributions c
        WHERE c.board = ${guild} AND c.guild_id IN (SELECT guild_id FROM shares)
          AND NOT EXISTS (SELECT 1 FROM shares s WHERE s.guild_id = c.guild_id AND s.user_id = c.user_id AND s.joined_at = c.joined_at)
        UNION ALL SELECT guild_id, seconds FROM shares) all_shares
      GROUP BY guild_id)
    INSERT INTO leaderboard_entries (board, entity_id, seconds, created_at, updated_at)
    SELECT ${guild}, guild_id, seconds, ${now}, ${now} FROM totals WHERE seconds > 0
    ON CONFLICT (board, entity_id) DO UPDATE SET seconds = EXCLUDED.seconds, updated_at = EXCLUDED.updated_at
      WHERE leaderboard_entries.seconds <> EXCLUDED.seconds
    RETURNING entity_id, seconds`);
  // Seed 000's guilds.total_watch_hours is the all-time figure, kept with it.
  if (p.period === 'alltime' && theirs.length > 0) await refreshGuildHours(db, theirs.map((r) => r.entity_id), now);
  return { individual: { board: individual, rows: mine }, guild: { board: guild, rows: theirs } };
}

/** guilds.total_watch_hours from the guilds' all-time contributions (what members watched while members). */
export async function refreshGuildHours(db: Queryable, guildIds: readonly string[] | null, now: Date): Promise<number> {
  const which = guildIds ? sql`g.id = ANY(${uuidArray(guildIds)})` : sql`g.disbanded_at IS NULL`;
  const { rows } = await db.execute(sql`
    UPDATE guilds g SET total_watch_hours = t.hours, updated_at = ${now}
    FROM (
      SELECT g.id, COALESCE((SELECT sum(c.seconds) FROM guild_watch_contributions c
        WHERE c.guild_id = g.id AND c.board = 'guild:alltime'), 0) / 3600.0 AS hours
      FROM guilds g WHERE ${which}) t
    WHERE g.id = t.id AND g.total_watch_hours IS DISTINCT FROM t.hours
    RETURNING g.id`);
  return rows.length;
}

async function alreadyReset(db: Queryable, p: PeriodOf): Promise<boolean> {
  const { rows } = await db.execute(
    sql`SELECT 1 FROM leaderboard_resets WHERE period = ${p.period} AND period_start = ${p.start}`,
  );
  return rows.length > 0;
}

/**
 * Copies new values to the leaderboard store (Redis) and tells each person in an individual board of
 * the current period their new rank: at most once per run per person and board, a bounded rate.
 */
async function announce(
  deps: AccrualDeps,
  type: LeaderboardType,
  p: PeriodOf,
  board: string,
  rows: readonly { entity_id: string; seconds: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  const entries = rows.map((r) => ({ entityId: r.entity_id, seconds: Number(r.seconds) }));
  // PostgreSQL holds the new figures already: a store that cannot follow (Redis away) is logged, and
  // rebuilds that board from PostgreSQL once it can.
  try {
    await follow(deps, type, p, board, entries);
  } catch (err) {
    deps.log.warn({ err, board }, 'leaderboard copy or rank push failed; PostgreSQL has the figures');
  }
}

async function follow(
  deps: AccrualDeps,
  type: LeaderboardType,
  p: PeriodOf,
  board: string,
  entries: { entityId: string; seconds: number }[],
): Promise<void> {
  // A finished week's or month's copy in Redis outlives its reset by a little, then expires.
  const expireAt = p.end ? new Date(p.end.getTime() + 40 * DAY_MS) : null;
  await deps.leaderboards.changed(board, entries, expireAt);
  const now = deps.now();
  if (type !== 'individual' || (p.end && p.end <= now)) return;
  for (const entry of entries) {
    const read = await deps.leaderboards.read(board, { limit: 0, entityId: entry.entityId, around: 0 });
    if (!read.me) continue;
    const payload: Parameters<LeaderboardServerToClientEvents['leaderboard:rank']>[0] = {
      period: p.period,
      rank: read.me.rank,
      watchSeconds: read.me.seconds,
    };
    deps.io.of('/global').to(`user:${entry.entityId}`).emit('leaderboard:rank', payload);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) getOrSet(out, key(item), () => []).push(item);
  return out;
}

function getOrSet<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** The user ids whose sessions were open or ended since `since`, for the recurring run. */
export async function usersWatchingSince(deps: Pick<AccrualDeps, 'db'>, since: Date): Promise<string[]> {
  const { rows } = await deps.db.execute<{ user_id: string }>(sql`
    SELECT DISTINCT user_id FROM watch_sessions WHERE ended_at IS NULL OR ended_at >= ${since}`);
  return rows.map((r) => r.user_id);
}
