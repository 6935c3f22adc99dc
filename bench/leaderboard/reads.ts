import type { DbHandle } from '@wt/db';
import type { BoardRead, LeaderboardStore, RankedEntity } from '../../apps/api/src/modules/leaderboard/store';
import { LEADERBOARD_TOP } from '@wt/schemas';

/*
 * The read the leaderboard page makes (top 100 plus the viewer's rank with two neighbours either side),
 * and the checks of what a store returned against plain SQL over leaderboard_entries.
 */

type Pool = DbHandle['pool'];

export const AROUND = 2;

export function readBoard(store: LeaderboardStore, board: string, entityId: string): Promise<BoardRead> {
  return store.read(board, { limit: LEADERBOARD_TOP, entityId, around: AROUND });
}

/**
 * `count` readers for the measured reads, best first: the first- and last-ranked entries, then entries
 * drawn uniformly (one entry per user, so uniform over ranks).
 */
export async function pickReaders(pool: Pool, board: string, count: number): Promise<string[]> {
  const ends = await pool.query<{ entity_id: string }>(
    `(SELECT entity_id FROM leaderboard_entries WHERE board = $1 ORDER BY seconds DESC, entity_id DESC LIMIT 1)
     UNION ALL
     (SELECT entity_id FROM leaderboard_entries WHERE board = $1 ORDER BY seconds ASC, entity_id ASC LIMIT 1)`,
    [board],
  );
  const random = await pool.query<{ entity_id: string }>(
    'SELECT entity_id FROM leaderboard_entries WHERE board = $1 ORDER BY random() LIMIT $2',
    [board, Math.max(0, count - 2)],
  );
  return [...ends.rows, ...random.rows].map((r) => r.entity_id);
}

const sameEntries = (a: { rank: number; entityId: string; seconds: number }[], b: typeof a): boolean =>
  a.length === b.length &&
  a.every((e, i) => e.rank === b[i]!.rank && e.entityId === b[i]!.entityId && e.seconds === b[i]!.seconds);

/** The entries ranked 1..100 by plain SQL (ORDER BY seconds DESC, entity_id DESC LIMIT 100). */
export async function expectedTop(pool: Pool, board: string): Promise<RankedEntity[]> {
  const { rows } = await pool.query<{ entity_id: string; seconds: number }>(
    `SELECT entity_id, seconds FROM leaderboard_entries WHERE board = $1
     ORDER BY seconds DESC, entity_id DESC LIMIT $2`,
    [board, LEADERBOARD_TOP],
  );
  return rows.map((r, i) => ({ rank: i + 1, entityId: r.entity_id, seconds: r.seconds }));
}

/**
 * What a read returned, kept for the checks after the timing: the top 100 is compared at once (against
 * `expectedTop`), so that 2 x 2,000 reads of 100 entries do not stay on the heap and lengthen GC pauses.
 */
export interface ReadRecord {
  entityId: string;
  total: number;
  me: BoardRead['me'];
  topOk: boolean;
}

export function recordRead(entityId: string, read: BoardRead, top: RankedEntity[]): ReadRecord {
  return { entityId, total: read.total, me: read.me, topOk: sameEntries(read.top, top) };
}

export interface ReadChecks {
  reads_checked: number;
  /** Reads whose `me.rank` (or `me.seconds`) differs from PostgreSQL's row_number over seconds DESC, entity_id DESC. */
  rank_mismatches: number;
  /** Reads whose neighbours are not exactly the entries ranked rank-2..rank+2, with their ranks and seconds. */
  neighbour_mismatches: number;
  /** Reads whose top 100 differs from ORDER BY seconds DESC, entity_id DESC LIMIT 100. */
  top_mismatches: number;
  /** Reads whose total differs from count(*). */
  total_mismatches: number;
  /** Sampled reads whose rank also differs from 1 + count(*) of the entries ahead (a second, independent query). */
  count_query_mismatches: number;
  count_query_checked: number;
}

const EXPECTED_TABLE = 'bench_expected_ranks';

/** Every entry's rank by a window function, once (the bench database is dropped at the end). */
export async function buildExpectedRanks(pool: Pool, board: string): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${EXPECTED_TABLE}`);
  await pool.query(
    `CREATE TABLE ${EXPECTED_TABLE} AS
     SELECT entity_id, seconds, row_number() OVER (ORDER BY seconds DESC, entity_id DESC)::int AS rank
     FROM leaderboard_entries WHERE board = $1`,
    [board],
  );
  await pool.query(`CREATE UNIQUE INDEX ON ${EXPECTED_TABLE} (entity_id)`);
  await pool.query(`CREATE UNIQUE INDEX ON ${EXPECTED_TABLE} (rank)`);
}

/** Checks every recorded read; `countSample` of them (the first ones: the board's ends) also by count(*). */
export async function checkReads(
  pool: Pool,
  board: string,
  records: ReadRecord[],
  countSample: number,
): Promise<ReadChecks> {
  const { rows: totalRows } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM leaderboard_entries WHERE board = $1',
    [board],
  );
  const total = totalRows[0]!.n;

  // The expected neighbourhood of every reader: ranks rank-2..rank+2 from the window-function table.
  const readers = [...new Set(records.map((r) => r.entityId))];
  const { rows: near } = await pool.query<{
    reader: string;
    entity_id: string;
    seconds: number;
    rank: number;
  }>(
    `SELECT me.entity_id AS reader, n.entity_id, n.seconds, n.rank
     FROM ${EXPECTED_TABLE} me JOIN ${EXPECTED_TABLE} n ON n.rank BETWEEN me.rank - $2 AND me.rank + $2
     WHERE me.entity_id = ANY($1::uuid[])
     ORDER BY me.entity_id, n.rank`,
    [readers, AROUND],
  );
  const expectedNear = new Map<string, { rank: number; entityId: string; seconds: number }[]>();
  for (const r of near) {
    const list = expectedNear.get(r.reader) ?? [];
    list.push({ rank: r.rank, entityId: r.entity_id, seconds: r.seconds });
    expectedNear.set(r.reader, list);
  }

  const checks: ReadChecks = {
    reads_checked: records.length,
    rank_mismatches: 0,
    neighbour_mismatches: 0,
    top_mismatches: 0,
    total_mismatches: 0,
    count_query_mismatches: 0,
    count_query_checked: 0,
  };
  for (const read of records) {
    const { entityId } = read;
    const neighbours = expectedNear.get(entityId) ?? [];
    const mine = neighbours.find((n) => n.entityId === entityId);
    if (!read.me || !mine || read.me.rank !== mine.rank || read.me.seconds !== mine.seconds)
      checks.rank_mismatches++;
    if (!read.me || !sameEntries(read.me.neighbours, neighbours)) checks.neighbour_mismatches++;
    if (!read.topOk) checks.top_mismatches++;
    if (read.total !== total) checks.total_mismatches++;
  }

  for (const read of records.slice(0, countSample)) {
    const { entityId } = read;
    const { rows } = await pool.query<{ rank: number }>(
      `SELECT 1 + count(*)::int AS rank FROM leaderboard_entries e, leaderboard_entries me
       WHERE me.board = $1 AND me.entity_id = $2 AND e.board = $1
         AND (e.seconds > me.seconds OR (e.seconds = me.seconds AND e.entity_id > me.entity_id))`,
      [board, entityId],
    );
    checks.count_query_checked++;
    if (read.me?.rank !== rows[0]!.rank) checks.count_query_mismatches++;
  }
  return checks;
}
