import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Database } from '@wt/db';
import { boardKey, LEADERBOARD_PERIODS, LEADERBOARD_TYPES } from '@wt/schemas';

/**
 * Reading a board (issue 7). PostgreSQL's `leaderboard_entries` is the truth, written by the accrual
 * job; without Redis the board is read there (ranks from `leaderboard_buckets`), with Redis from a
 * sorted set per board that is rebuilt from PostgreSQL on demand. Both order by watch seconds, then
 * entity id, both descending, and pass the same contract suite (store.contract.ts).
 */

export interface RankedEntity {
  rank: number;
  entityId: string;
  seconds: number;
}

export interface Standing {
  rank: number;
  seconds: number;
  /** The entity itself and up to `around` entities either side, best first. */
  neighbours: RankedEntity[];
}

export interface BoardRead {
  total: number;
  top: RankedEntity[];
  /** Null when the entity is not on the board (or none was asked for). */
  me: Standing | null;
}

export interface LeaderboardStore {
  readonly kind: 'postgres' | 'redis';
  /** The top `limit` of `board` and, when `entityId` is given, its rank with `around` neighbours. */
  read(
    board: string,
    options: { limit: number; entityId?: string | null; around?: number },
  ): Promise<BoardRead>;
  /**
   * Called after the accrual committed new absolute values to PostgreSQL; a no-op for PostgreSQL.
   * `expireAt` bounds a finished period's copy in Redis.
   */
  changed(
    board: string,
    entries: readonly { entityId: string; seconds: number }[],
    expireAt: Date | null,
  ): Promise<void>;
  /**
   * Drops any copy of `board` (after a reset deleted its rows, and at start: a copy from before may
   * have missed changes while this process was down); the next read rebuilds it.
   */
  forget(board: string): Promise<void>;
}

/**
 * At start, with Redis: the copies of the current boards are dropped, so the first read rebuilds each
 * from PostgreSQL (a copy from before may have missed changes while this process was down).
 */
export async function forgetCurrentBoards(store: LeaderboardStore, now: Date): Promise<void> {
  for (const type of LEADERBOARD_TYPES) {
    for (const period of LEADERBOARD_PERIODS) await store.forget(boardKey(type, period, now));
  }
}

type EntryRow = {
  entity_id: string;
  seconds: number;
};

const ranked = (rows: EntryRow[], firstRank: number): RankedEntity[] =>
  rows.map((r, i) => ({ rank: firstRank + i, entityId: r.entity_id, seconds: Number(r.seconds) }));

export function createPgLeaderboardStore(db: Database): LeaderboardStore {
  return {
    kind: 'postgres',
    async read(board, { limit, entityId, around = 2 }) {
      const [total, top, me] = await Promise.all([
        db.execute<{ total: number }>(
          sql`SELECT COALESCE(sum(entries), 0)::int AS total FROM leaderboard_buckets WHERE board = ${board}`,
        ),
        db.execute<EntryRow>(sql`
          SELECT entity_id, seconds FROM leaderboard_entries WHERE board = ${board}
          ORDER BY seconds DESC, entity_id DESC LIMIT ${limit}`),
        entityId ? pgStanding(db, board, entityId, around) : null,
      ]);
      return { total: total.rows[0]?.total ?? 0, top: ranked(top.rows, 1), me };
    },
    async changed() {},
    async forget() {},
  };
}

/**
 * Rank = entries in higher buckets (10 s each: a sum over at most 14,400 rows for a week) + entries ahead
 * of it in its own bucket + 1, about the same cost for the first and the millionth. The bucket width
 * lives in SQL (`leaderboard_bucket`, migration 0006), beside the trigger that keeps the counts.
 */
async function pgStanding(
  db: Database,
  board: string,
  entityId: string,
  around: number,
): Promise<Standing | null> {
  const { rows } = await db.execute<{ seconds: number; ahead: number }>(sql`
    WITH me AS (SELECT seconds FROM leaderboard_entries WHERE board = ${board} AND entity_id = ${entityId})
    SELECT me.seconds,
      (SELECT COALESCE(sum(b.entries), 0) FROM leaderboard_buckets b
        WHERE b.board = ${board} AND b.bucket > leaderboard_bucket(me.seconds))
      + (SELECT count(*) FROM leaderboard_entries e
        WHERE e.board = ${board} AND e.seconds < leaderboard_bucket_end(me.seconds)
          AND (e.seconds, e.entity_id) > (me.seconds, ${entityId}::uuid)) AS ahead
    FROM me`);
  const mine = rows[0];
  if (!mine) return null;
  const rank = Number(mine.ahead) + 1;
  const [above, below] = await Promise.all([
    db.execute<EntryRow>(sql`
      SELECT entity_id, seconds FROM leaderboard_entries
      WHERE board = ${board} AND (seconds, entity_id) > (${mine.seconds}, ${entityId}::uuid)
      ORDER BY seconds ASC, entity_id ASC LIMIT ${around}`),
    db.execute<EntryRow>(sql`
      SELECT entity_id, seconds FROM leaderboard_entries
      WHERE board = ${board} AND (seconds, entity_id) < (${mine.seconds}, ${entityId}::uuid)
      ORDER BY seconds DESC, entity_id DESC LIMIT ${around}`),
  ]);
  const ahead = above.rows.reverse();
  return {
    rank,
    seconds: Number(mine.seconds),
    neighbours: [
      ...ranked(ahead, rank - ahead.length),
      { rank, entityId, seconds: Number(mine.seconds) },
      ...ranked(below.rows, rank + 1),
    ],
  };
}

export interface RedisLeaderboardOptions {
  redis: Redis;
  db: Database;
  /** Key prefix, `wt:lb:` by default. */
  prefix?: string;
  /** Rows per ZADD while rebuilding. */
  rebuildBatch?: number;
}

/**
 * One round trip per read: whether the copy is complete, the size, the top, and (when asked) the
 * entity's rank, score and neighbours. Returns 0 when the copy must be rebuilt first.
 */
const READ_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
local limit = tonumber(ARGV[1])
local around = tonumber(ARGV[3])
local top = {}
if limit > 0 then top = redis.call('ZREVRANGE', KEYS[1], 0, limit - 1, 'WITHSCORES') end
local rank = -1
local near = {}
if ARGV[2] ~= '' then
  local index = redis.call('ZREVRANK', KEYS[1], ARGV[2])
  if index then
    rank = index
    local from = index - around
    if from < 0 then from = 0 end
    near = redis.call('ZREVRANGE', KEYS[1], from, index + around, 'WITHSCORES')
  end
end
return {redis.call('ZCARD', KEYS[1]), top, rank, near}
`;

/** Deletes the lock only while it is still this rebuild's (it may have expired and been taken since). */
const UNLOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** How long a rebuild may hold its lock, and how long a reader waits for someone else's. */
const REBUILD_LOCK_MS = 120_000;

/**
 * Sorted set `<prefix><board>` (score = seconds, member = entity id) and a marker `<prefix><board>:built`
 * set once the set holds the whole board. A read that finds no marker rebuilds the set from PostgreSQL
 * into a scratch key of its own and renames it over the live one; one rebuild at a time per board (a
 * lock with a token), and readers on other instances wait for its marker. Equal scores are ordered by
 * member descending, which is PostgreSQL's `entity_id DESC` for lowercase uuid text.
 */
export function createRedisLeaderboardStore(options: RedisLeaderboardOptions): LeaderboardStore {
  const { redis, db } = options;
  const prefix = options.prefix ?? 'wt:lb:';
  const batch = options.rebuildBatch ?? 5000;
  const keyOf = (board: string) => `${prefix}${board}`;
  const builtKey = (board: string) => `${prefix}${board}:built`;
  const rebuilding = new Map<string, Promise<void>>();

  async function rebuild(board: string): Promise<void> {
    const lock = `${prefix}${board}:rebuilding`;
    const token = randomUUID();
    if (!(await redis.set(lock, token, 'PX', REBUILD_LOCK_MS, 'NX'))) {
      // Another instance is rebuilding: wait for its marker, as long as its lock can last.
      const deadline = Date.now() + REBUILD_LOCK_MS;
      while (Date.now() < deadline && !(await redis.exists(builtKey(board)))) await sleep(100);
      return;
    }
    const scratch = `${prefix}${board}:scratch:${token}`;
    try {
      let after: { seconds: number; entityId: string } | null = null;
      for (;;) {
        const page = after ? sql`AND (seconds, entity_id) < (${after.seconds}, ${after.entityId}::uuid)` : sql``;
        const { rows } = await db.execute<EntryRow>(sql`
          SELECT entity_id, seconds FROM leaderboard_entries WHERE board = ${board} ${page}
          ORDER BY seconds DESC, entity_id DESC LIMIT ${batch}`);
        if (rows.length === 0) break;
        await redis.zadd(scratch, ...rows.flatMap((r) => [Number(r.seconds), r.entity_id]));
        const last: EntryRow = rows.at(-1)!;
        after = { seconds: Number(last.seconds), entityId: last.entity_id };
        if (rows.length < batch) break;
      }
      const ttl = await redis.pttl(keyOf(board));
      const multi = redis.multi();
      if (after) multi.rename(scratch, keyOf(board));
      else multi.del(keyOf(board));
      if (after && ttl > 0) multi.pexpire(keyOf(board), ttl);
      multi.set(builtKey(board), '1');
      if (ttl > 0) multi.pexpire(builtKey(board), ttl);
      await multi.exec();
    } finally {
      await redis.del(scratch);
      await redis.eval(UNLOCK_SCRIPT, 1, lock, token);
    }
  }

  async function ensureBuilt(board: string): Promise<void> {
    let pending = rebuilding.get(board);
    if (!pending) {
      pending = rebuild(board).finally(() => rebuilding.delete(board));
      rebuilding.set(board, pending);
    }
    await pending;
  }

  async function readOnce(board: string, limit: number, entityId: string, around: number) {
    return (await redis.eval(READ_SCRIPT, 2, keyOf(board), builtKey(board), limit, entityId, around)) as
      | 0
      | [number, string[], number, string[]];
  }

  /**
   * Boards whose copy missed a change (Redis was away when the accrual wrote): their marker is dropped
   * as soon as Redis answers again, so the next read rebuilds them from PostgreSQL.
   */
  const missed = new Set<string>();
  async function dropMissed(): Promise<void> {
    if (missed.size === 0) return;
    const boards = [...missed];
    await redis.del(...boards.map(builtKey));
    for (const board of boards) missed.delete(board);
  }

  return {
    kind: 'redis',
    async read(board, { limit, entityId, around = 2 }) {
      await dropMissed();
      let answer = await readOnce(board, limit, entityId ?? '', around);
      if (answer === 0) {
        await ensureBuilt(board);
        answer = await readOnce(board, limit, entityId ?? '', around);
        if (answer === 0) throw new Error(`the leaderboard ${board} could not be copied to Redis`);
      }
      const [total, top, index, near] = answer;
      const ranks = { total, top: pairs(top, 1), me: null as Standing | null };
      if (index < 0) return ranks;
      const neighbours = pairs(near, Math.max(0, index - around) + 1);
      const self = neighbours.find((n) => n.entityId === entityId)!;
      return { ...ranks, me: { rank: index + 1, seconds: self.seconds, neighbours } };
    },
    async changed(board, entries, expireAt) {
      if (entries.length === 0) return;
      try {
        await dropMissed();
        if (!(await redis.exists(builtKey(board)))) return;
        const multi = redis.multi().zadd(keyOf(board), ...entries.flatMap((e) => [e.seconds, e.entityId]));
        if (expireAt) multi.pexpireat(keyOf(board), expireAt.getTime()).pexpireat(builtKey(board), expireAt.getTime());
        await multi.exec();
      } catch (err) {
        missed.add(board);
        throw err;
      }
    },
    async forget(board) {
      await redis.del(keyOf(board), builtKey(board));
    },
  };
}

function pairs(flat: string[], firstRank: number): RankedEntity[] {
  const out: RankedEntity[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    out.push({ rank: firstRank + i / 2, entityId: flat[i]!, seconds: Number(flat[i + 1]) });
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
