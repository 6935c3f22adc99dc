import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  boardKey,
  LEADERBOARD_TOP,
  LEADERBOARD_WINNERS,
  periodBounds,
  type LeaderboardEntry,
  type leaderboardInput,
  type LeaderboardType,
  type LeaderboardView,
  type LeaderboardWinners,
  type leaderboardWinnersInput,
} from '@wt/schemas';
import { uuidArray } from '../../infra/sql-arrays';
import type { AppServices } from '../../services';
import type { RankedEntity } from './store';

type Deps = Pick<AppServices, 'db' | 'now' | 'leaderboards'>;

/** Neighbours shown either side of the viewer's own rank. */
const AROUND = 2;

interface Named {
  name: string;
  displayName: string | null;
  avatarUrl: string | null;
  level: number | null;
}

/** Names, avatars and levels of the people or guilds on a board. */
async function namesOf(
  deps: Deps,
  type: LeaderboardType,
  ids: readonly string[],
): Promise<Map<string, Named>> {
  if (ids.length === 0) return new Map();
  const list = uuidArray([...new Set(ids)]);
  const { rows } =
    type === 'individual'
      ? await deps.db.execute<{
          id: string;
          name: string;
          display_name: string | null;
          avatar_url: string | null;
          level: number | null;
        }>(
          sql`SELECT id, username AS name, display_name, avatar_url, level FROM users WHERE id = ANY(${list})`,
        )
      : await deps.db.execute<{
          id: string;
          name: string;
          display_name: null;
          avatar_url: string | null;
          level: null;
        }>(
          sql`SELECT id, name, NULL AS display_name, avatar_url, NULL::int AS level FROM guilds WHERE id = ANY(${list})`,
        );
  return new Map(
    rows.map((r) => [
      r.id,
      { name: r.name, displayName: r.display_name, avatarUrl: r.avatar_url, level: r.level },
    ]),
  );
}

function entryOf(ranked: RankedEntity, names: ReadonlyMap<string, Named>): LeaderboardEntry {
  const named = names.get(ranked.entityId) ?? {
    name: 'Unknown',
    displayName: null,
    avatarUrl: null,
    level: null,
  };
  return { rank: ranked.rank, id: ranked.entityId, ...named, watchSeconds: ranked.seconds };
}

/** The board of `type` and `period` now: the top 100, and the viewer's (or the viewer's guild's) rank. */
export async function readBoard(
  deps: Deps,
  input: z.output<typeof leaderboardInput>,
  viewerId: string | null,
): Promise<LeaderboardView> {
  const now = deps.now();
  const key = boardKey(input.type, input.period, now);
  let entityId: string | null = viewerId;
  if (viewerId && input.type === 'guild') {
    const { rows } = await deps.db.execute<{ guild_id: string }>(
      sql`SELECT guild_id FROM guild_members WHERE user_id = ${viewerId}`,
    );
    entityId = rows[0]?.guild_id ?? null;
  }
  const read = await deps.leaderboards.read(key, { limit: LEADERBOARD_TOP, entityId, around: AROUND });
  const names = await namesOf(deps, input.type, [
    ...read.top.map((e) => e.entityId),
    ...(read.me?.neighbours.map((e) => e.entityId) ?? []),
  ]);
  const { start, end } = periodBounds(input.period, now);
  return {
    type: input.type,
    period: input.period,
    periodStart: start?.toISOString() ?? null,
    periodEnd: end?.toISOString() ?? null,
    total: read.total,
    entries: read.top.map((e) => entryOf(e, names)),
    me: read.me ? { rank: read.me.rank, neighbours: read.me.neighbours.map((e) => entryOf(e, names)) } : null,
  };
}

/** The top three of the last finished weeks or months, from the resets' snapshots. */
export async function readWinners(
  deps: Deps,
  input: z.output<typeof leaderboardWinnersInput>,
): Promise<LeaderboardWinners> {
  const { rows } = await deps.db.execute<{
    snapshot_at: Date | string;
    rank: number;
    entity_id: string;
    watch_hours: number;
  }>(sql`
    WITH periods AS (
      SELECT DISTINCT snapshot_at FROM leaderboard_snapshots
      WHERE type = ${input.type} AND period = ${input.period}
      ORDER BY snapshot_at DESC LIMIT ${input.limit})
    SELECT s.snapshot_at, s.rank, s.entity_id, s.watch_hours FROM leaderboard_snapshots s
    JOIN periods p ON p.snapshot_at = s.snapshot_at
    WHERE s.type = ${input.type} AND s.period = ${input.period} AND s.rank <= ${LEADERBOARD_WINNERS}
    ORDER BY s.snapshot_at DESC, s.rank`);
  const names = await namesOf(
    deps,
    input.type,
    rows.map((r) => r.entity_id),
  );
  const periods = new Map<string, LeaderboardWinners['periods'][number]>();
  for (const r of rows) {
    const at = new Date(r.snapshot_at).toISOString();
    let period = periods.get(at);
    if (!period) {
      period = { periodStart: at, snapshotAt: at, winners: [] };
      periods.set(at, period);
    }
    const seconds = Math.round(Number(r.watch_hours) * 3600);
    period.winners.push(entryOf({ rank: r.rank, entityId: r.entity_id, seconds }, names));
  }
  return { type: input.type, period: input.period, periods: [...periods.values()] };
}
