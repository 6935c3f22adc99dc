import { sql } from 'drizzle-orm';
import { chatKeys, utcDay } from '@wt/schemas';
import { z } from 'zod';
import { defineJob } from '../../infra/queue';
import { uuidArray } from '../../infra/sql-arrays';
import type { JobDeps } from '../../jobs';
import { accrueWatchTime, usersWatchingSince, type AccrualDeps } from './accrual';
import { awardXpLogged } from './xp';

/** Watch time to XP and boards: every minute for everyone watching, and for one person when a session ends. */
export const WATCH_ACCRUAL_JOB = 'gamification.watch-accrual';
/** Chat XP for the people who sent messages in the last couple of seconds. */
export const CHAT_XP_JOB = 'gamification.chat-xp';

const CURSOR = 'watch-accrual';
/** A session that ended in a transaction still running when the last run read is picked up by the next. */
const COMMIT_MARGIN_MS = 2 * 60_000;
const DAY_MS = 86_400_000;

const userIds = z.array(z.string().uuid()).max(1000);

export function gamificationJobs(deps: JobDeps) {
  const accrualDeps = (): AccrualDeps => {
    const services = deps.notifier?.();
    // XP announces level-ups on /global: a process without Socket.io cannot run these jobs.
    if (!services) throw new Error('XP jobs need the notifier (Socket.io and the queue) of this process');
    return { ...services, leaderboards: deps.leaderboards };
  };
  return [
    defineJob({
      name: WATCH_ACCRUAL_JOB,
      schema: z.object({ userIds: userIds.optional() }),
      // Idempotent and re-derived from watch_sessions: a failed run is simply the next minute's work.
      retry: { attempts: 2, backoff: { type: 'fixed', delayMs: 5_000 } },
      timeoutMs: 10 * 60_000,
      async process(data, ctx) {
        const now = deps.now();
        if (data.userIds) {
          // A session just ended: its last hours count now rather than at the next minute.
          await accrueWatchTime(accrualDeps(), data.userIds, new Date(now.getTime() - DAY_MS));
          return;
        }
        const since = new Date((await readCursor(deps, now)).getTime() - COMMIT_MARGIN_MS);
        const users = await usersWatchingSince(deps, since);
        const result = await accrueWatchTime(accrualDeps(), users, since);
        await deps.db.execute(sql`
          INSERT INTO job_cursors (name, at, created_at, updated_at) VALUES (${CURSOR}, ${now}, ${now}, ${now})
          ON CONFLICT (name) DO UPDATE SET at = GREATEST(job_cursors.at, EXCLUDED.at), updated_at = EXCLUDED.updated_at`);
        if (result.awards > 0 || result.boardChanges > 0) ctx.log.info({ ...result, since }, 'watch time accrued');
      },
    }),
    defineJob({
      name: CHAT_XP_JOB,
      schema: z.object({ userIds }),
      retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 2_000 } },
      async process(data) {
        await awardChatXp(accrualDeps(), data.userIds);
      },
    }),
  ];
}

/**
 * The last run's start; on the very first run, the first session ever (so a new platform, or one
 * restored from a backup, counts everything once).
 */
async function readCursor(deps: JobDeps, now: Date): Promise<Date> {
  const { rows } = await deps.db.execute<{ at: Date | string | null }>(sql`
    SELECT COALESCE((SELECT at FROM job_cursors WHERE name = ${CURSOR}),
                    (SELECT min(started_at) FROM watch_sessions)) AS at`);
  const at = rows[0]?.at;
  return at ? new Date(at) : now;
}

/**
 * +15 XP per 10 messages a person sent today (UTC), at most 3 times: counted from room_messages, so a
 * message the room never stored earns nothing, and a re-run awards nothing twice.
 */
export async function awardChatXp(deps: AccrualDeps, people: readonly string[]): Promise<number> {
  if (people.length === 0) return 0;
  const now = deps.now();
  const day = utcDay(now);
  const { rows } = await deps.db.execute<{ user_id: string; sent: number; awarded: string[] }>(sql`
    SELECT m.user_id, count(*)::int AS sent,
      ARRAY(SELECT x.dedupe_key FROM xp_log x WHERE x.user_id = m.user_id AND x.dedupe_key LIKE ${`chat:${day}:%`}) AS awarded
    FROM room_messages m
    WHERE m.user_id = ANY(${uuidArray(people)}) AND m.kind = 'user' AND m.created_at >= ${new Date(`${day}T00:00:00Z`)}
    GROUP BY m.user_id`);
  let awards = 0;
  for (const row of rows) {
    for (const key of chatKeys(now, row.sent).filter((k) => !row.awarded.includes(k))) {
      const done = await awardXpLogged(deps, { userId: row.user_id, rule: 'chat_messages', key });
      if (done?.awarded) awards++;
    }
  }
  return awards;
}
