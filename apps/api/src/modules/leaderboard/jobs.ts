import { z } from 'zod';
import { defineJob, type JobContext } from '../../infra/queue';
import type { JobDeps } from '../../jobs';
import { notify, type NotifyInput } from '../notifications/notify';
import { RESET_PERIODS, resetFinishedPeriods, resetLeaderboardPeriod, type ResetDeps } from './reset';

/** Resets one finished week or month (snapshot, rewards, live rows removed); a re-run does nothing. */
export const LEADERBOARD_RESET_JOB = 'leaderboard.reset';
/** Resets every finished period of the last weeks / months not reset yet: the crons and the start-up catch-up. */
export const LEADERBOARD_RESET_DUE_JOB = 'leaderboard.reset-due';

/** Mondays 00:00 UTC and the 1st of each month 00:00 UTC. */
export const LEADERBOARD_RESET_CRONS = { weekly: '0 0 * * 1', monthly: '0 0 1 * *' } as const;

const periodSchema = z.enum(RESET_PERIODS);

export function leaderboardJobs(deps: JobDeps) {
  const resetDeps = (ctx: JobContext): ResetDeps => ({
    db: deps.db,
    now: deps.now,
    log: ctx.log,
    notify: async (input: NotifyInput) => {
      const services = deps.notifier?.();
      if (!services) {
        ctx.log.warn(
          { userId: input.userId, type: input.type },
          'no notifier in this process; leaderboard notice not sent',
        );
        return null;
      }
      return notify(services, input);
    },
    forgetBoard: (board) => deps.leaderboards.forget(board),
  });
  // A busy database or a deadlock with the accrual job is worth retrying; the marker keeps retries harmless.
  const retry = { attempts: 5, backoff: { type: 'exponential', delayMs: 60_000 } } as const;
  return [
    defineJob({
      name: LEADERBOARD_RESET_JOB,
      schema: z.object({
        period: periodSchema,
        periodStart: z.string().datetime({ offset: true, message: 'periodStart is an ISO instant.' }),
      }),
      retry,
      timeoutMs: 10 * 60_000,
      async process({ period, periodStart }, ctx) {
        const outcome = await resetLeaderboardPeriod(resetDeps(ctx), period, new Date(periodStart));
        ctx.log.info({ period, periodStart, status: outcome.status }, 'leaderboard reset job done');
      },
    }),
    defineJob({
      name: LEADERBOARD_RESET_DUE_JOB,
      schema: z.object({ period: periodSchema }),
      retry,
      timeoutMs: 30 * 60_000,
      async process({ period }, ctx) {
        const outcomes = await resetFinishedPeriods(resetDeps(ctx), period);
        ctx.log.info(
          { period, reset: outcomes.filter((o) => o.status === 'reset').length },
          'due leaderboard resets done',
        );
      },
    }),
  ] as const;
}
