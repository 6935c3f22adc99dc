import { sql } from 'drizzle-orm';
import { boardKey, LEADERBOARD_PERIODS, periodBounds } from '@wt/schemas';
import { z } from 'zod';
import { defineJob } from '../../infra/queue';
import type { JobDeps } from '../../jobs';
import { refreshGuildHours } from '../gamification/accrual';

/**
 * Seed 000's hourly guild job: the accrual already moves a guild's figures whenever a member's watch
 * time moves (every minute, and when a session ends); this hourly pass re-derives every guild's entry on
 * the current boards and `guilds.total_watch_hours` from the stored contributions, so what the accrual
 * cannot see (a purged member's share removed, a guild disbanded) is reflected within the hour.
 */
export const GUILD_HOURS_JOB = 'guilds.watch-hours';

const DAY_MS = 86_400_000;

export function guildJobs(deps: JobDeps) {
  return [
    defineJob({
      name: GUILD_HOURS_JOB,
      schema: z.object({}),
      retry: { attempts: 2, backoff: { type: 'fixed', delayMs: 30_000 } },
      async process(_data, ctx) {
        const result = await reconcileGuildBoards(deps);
        if (result.changed > 0 || result.hours > 0) ctx.log.info(result, 'guild watch hours reconciled');
      },
    }),
  ];
}

export async function reconcileGuildBoards(deps: Pick<JobDeps, 'db' | 'now' | 'leaderboards'>): Promise<{ changed: number; hours: number }> {
  const now = deps.now();
  let changed = 0;
  for (const period of LEADERBOARD_PERIODS) {
    const board = boardKey('guild', period, now);
    const { rows: upserted } = await deps.db.execute<{ entity_id: string; seconds: number }>(sql`
      INSERT INTO leaderboard_entries (board, entity_id, seconds, created_at, updated_at)
      SELECT ${board}, c.guild_id, sum(c.seconds)::int, ${now}, ${now}
      FROM guild_watch_contributions c JOIN guilds g ON g.id = c.guild_id AND g.disbanded_at IS NULL
      WHERE c.board = ${board}
      GROUP BY c.guild_id HAVING sum(c.seconds) > 0
      ON CONFLICT (board, entity_id) DO UPDATE SET seconds = EXCLUDED.seconds, updated_at = EXCLUDED.updated_at
        WHERE leaderboard_entries.seconds <> EXCLUDED.seconds
      RETURNING entity_id, seconds`);
    const { rows: dropped } = await deps.db.execute(sql`
      DELETE FROM leaderboard_entries e WHERE e.board = ${board} AND NOT EXISTS (
        SELECT 1 FROM guild_watch_contributions c JOIN guilds g ON g.id = c.guild_id AND g.disbanded_at IS NULL
        WHERE c.board = ${board} AND c.guild_id = e.entity_id GROUP BY c.guild_id HAVING sum(c.seconds) > 0)
      RETURNING e.entity_id`);
    if (dropped.length > 0) await deps.leaderboards.forget(board);
    else if (upserted.length > 0) {
      const { end } = periodBounds(period, now);
      const expireAt = end ? new Date(end.getTime() + 40 * DAY_MS) : null;
      await deps.leaderboards.changed(board, upserted.map((r) => ({ entityId: r.entity_id, seconds: Number(r.seconds) })), expireAt);
    }
    changed += upserted.length + dropped.length;
  }
  return { changed, hours: await refreshGuildHours(deps.db, null, now) };
}
