import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  boardKey,
  GUILD_WINNER_PREMIUM_DAYS,
  INDIVIDUAL_WINNER_PREMIUM_DAYS,
  LEADERBOARD_TOP,
  LEADERBOARD_WINNERS,
  periodBounds,
  previousPeriodStart,
  type LeaderboardType,
} from '@wt/schemas';
import type { QueueLogger } from '../../infra/queue';
import type { NotifyInput } from '../notifications/notify';
import { grantPremium } from '../premium/premium';

/**
 * The weekly and monthly leaderboard reset (seed 000 "Leaderboard Reset & Rewards"). A finished
 * period's boards are snapshotted (top 100, into leaderboard_snapshots), its winners rewarded
 * (weekly only: Premium), and its rows removed from the live boards, all in one transaction keyed by
 * a leaderboard_resets row: a second run of the same period finds the row and does nothing. All-time
 * boards are never touched. Winners hear about it after the commit.
 */

export type ResetPeriod = 'weekly' | 'monthly';
export const RESET_PERIODS = ['weekly', 'monthly'] as const satisfies readonly ResetPeriod[];

/** How many finished periods a catch-up looks back over: a platform down longer loses those resets. */
export const RESET_LOOKBACK: Record<ResetPeriod, number> = { weekly: 8, monthly: 3 };

/** Premium days for a top-3 finish: weekly boards only (individual 90, each guild member 30). */
export function winnerPremiumDays(type: LeaderboardType, period: ResetPeriod): number {
  if (period !== 'weekly') return 0;
  return type === 'individual' ? INDIVIDUAL_WINNER_PREMIUM_DAYS : GUILD_WINNER_PREMIUM_DAYS;
}

/** The last `count` finished periods before the one containing `now`, oldest first. */
export function finishedPeriodStarts(period: ResetPeriod, now: Date, count = RESET_LOOKBACK[period]): Date[] {
  const starts: Date[] = [];
  let start = previousPeriodStart(period, now);
  for (let i = 0; i < count; i += 1) {
    starts.unshift(start);
    start = previousPeriodStart(period, start);
  }
  return starts;
}

/** Why a period cannot be reset: not the first instant of a week / month, or not over yet at `now`. */
export function resetRefusal(period: ResetPeriod, periodStart: Date, now: Date): string | null {
  const { start, end } = periodBounds(period, periodStart);
  if (start!.getTime() !== periodStart.getTime()) {
    return `${periodStart.toISOString()} is not the start of a ${period === 'weekly' ? 'week (Monday 00:00 UTC)' : 'month (the 1st, 00:00 UTC)'}`;
  }
  if (end!.getTime() > now.getTime())
    return `the period starting ${periodStart.toISOString()} is not over yet`;
  return null;
}

export class ResetRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResetRefusedError';
  }
}

/** One person told about a finish: a top-3 individual, or a member of a top-3 guild. */
export interface LeaderboardWinner {
  userId: string;
  type: LeaderboardType;
  rank: number;
  /** 0 when the finish carries no Premium (monthly). */
  premiumDays: number;
  guildId: string | null;
  guildName: string | null;
}

export type ResetOutcome =
  | { status: 'already-reset'; period: ResetPeriod; periodStart: Date }
  | {
      status: 'reset';
      period: ResetPeriod;
      periodStart: Date;
      /** Rows written to leaderboard_snapshots per board type. */
      snapshotted: Record<LeaderboardType, number>;
      winners: LeaderboardWinner[];
    };

export interface ResetDeps {
  db: Database;
  now: () => Date;
  log: Pick<QueueLogger, 'info' | 'warn' | 'error'>;
  /** notify() bound to the app's services; a failure for one person is logged and the rest go on. */
  notify: (input: NotifyInput) => Promise<unknown>;
  /** Drops a cached copy of a board whose rows the reset deleted (LeaderboardStore.forget), if any. */
  forgetBoard?: (board: string) => Promise<void>;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The lock a period's reset holds for its transaction, and the accrual takes before it writes to a
 * finished period: a late accrual either lands before the snapshot or sees the reset's marker.
 */
export async function lockPeriod(tx: Pick<Tx, 'execute'>, period: 'weekly' | 'monthly', periodStart: Date): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`leaderboard-reset:${period}:${periodStart.toISOString()}`}))`);
}

/**
 * Top `LEADERBOARD_TOP` of a board into leaderboard_snapshots, ranks 1..n. Only entities that still
 * count are ranked: individuals whose account is neither deleted nor deactivated, guilds that still
 * exist; the ranks close up over the others, so the snapshot's top 3 are exactly who was rewarded.
 */
async function snapshotBoard(
  tx: Tx,
  type: LeaderboardType,
  period: ResetPeriod,
  periodStart: Date,
  now: Date,
): Promise<Array<{ rank: number; entityId: string }>> {
  const board = boardKey(type, period, periodStart);
  const eligible =
    type === 'individual'
      ? sql`JOIN users u ON u.id = e.entity_id AND u.deleted_at IS NULL AND u.deactivated_at IS NULL`
      : sql`JOIN guilds g ON g.id = e.entity_id`;
  const { rows } = await tx.execute<{ rank: number; entity_id: string }>(sql`
    INSERT INTO leaderboard_snapshots (type, period, rank, entity_id, watch_hours, snapshot_at, created_at, updated_at)
    SELECT ${type}::leaderboard_type, ${period}::leaderboard_period, ranked.rank, ranked.entity_id,
           ranked.seconds / 3600.0, ${periodStart}, ${now}, ${now}
    FROM (
      SELECT e.entity_id, e.seconds,
             row_number() OVER (ORDER BY e.seconds DESC, e.entity_id DESC)::int AS rank
      FROM leaderboard_entries e ${eligible}
      WHERE e.board = ${board}
      ORDER BY e.seconds DESC, e.entity_id DESC
      LIMIT ${LEADERBOARD_TOP}
    ) ranked
    ON CONFLICT DO NOTHING
    RETURNING rank, entity_id`);
  return rows.map((r) => ({ rank: r.rank, entityId: r.entity_id })).sort((a, b) => a.rank - b.rank);
}

/** Every current member (active account) of a guild that finished in the top 3. */
async function guildWinners(
  tx: Tx,
  guildId: string,
  rank: number,
  premiumDays: number,
): Promise<LeaderboardWinner[]> {
  const { rows } = await tx.execute<{ user_id: string; name: string }>(sql`
    SELECT gm.user_id, g.name FROM guild_members gm
    JOIN guilds g ON g.id = gm.guild_id
    JOIN users u ON u.id = gm.user_id AND u.deleted_at IS NULL AND u.deactivated_at IS NULL
    WHERE gm.guild_id = ${guildId}
    ORDER BY gm.user_id`);
  return rows.map((r) => ({
    userId: r.user_id,
    type: 'guild',
    rank,
    premiumDays,
    guildId,
    guildName: r.name,
  }));
}

/**
 * Resets one finished period in ONE transaction: the leaderboard_resets marker first (already there:
 * nothing at all happens), the snapshots of both boards, Premium for the weekly winners (added to what
 * they have: `grantPremium`), then the period's live rows (leaderboard_entries and
 * guild_watch_contributions of `individual:<period>:<date>` and `guild:<period>:<date>`) are deleted.
 * After the commit, every winner is notified (at most once: a crash between the commit and the
 * notices loses the notices, never doubles the rewards). Refuses a period that is not over.
 */
export async function resetLeaderboardPeriod(
  deps: ResetDeps,
  period: ResetPeriod,
  periodStart: Date,
): Promise<ResetOutcome> {
  const now = deps.now();
  const refusal = resetRefusal(period, periodStart, now);
  if (refusal) throw new ResetRefusedError(`The ${period} leaderboard cannot be reset: ${refusal}.`);

  const outcome = await deps.db.transaction(async (tx): Promise<ResetOutcome> => {
    await lockPeriod(tx, period, periodStart);
    const { rows: marked } = await tx.execute(sql`
      INSERT INTO leaderboard_resets (period, period_start, created_at, updated_at)
      VALUES (${period}::leaderboard_period, ${periodStart}, ${now}, ${now})
      ON CONFLICT DO NOTHING
      RETURNING period`);
    if (marked.length === 0) return { status: 'already-reset', period, periodStart };

    const individuals = await snapshotBoard(tx, 'individual', period, periodStart, now);
    const guilds = await snapshotBoard(tx, 'guild', period, periodStart, now);

    const winners: LeaderboardWinner[] = individuals
      .filter((r) => r.rank <= LEADERBOARD_WINNERS)
      .map((r) => ({
        userId: r.entityId,
        type: 'individual',
        rank: r.rank,
        premiumDays: winnerPremiumDays('individual', period),
        guildId: null,
        guildName: null,
      }));
    // A guild's finish concerns its members only when it wins them something: weekly boards only.
    if (period === 'weekly') {
      for (const guild of guilds.filter((r) => r.rank <= LEADERBOARD_WINNERS)) {
        winners.push(
          ...(await guildWinners(tx, guild.entityId, guild.rank, winnerPremiumDays('guild', period))),
        );
      }
    }
    // Only the weekly boards carry Premium; the monthly top 3 are told where they finished.
    for (const winner of winners) {
      if (winner.premiumDays > 0) await grantPremium(tx, winner.userId, winner.premiumDays, now);
    }

    const boards = [boardKey('individual', period, periodStart), boardKey('guild', period, periodStart)];
    for (const board of boards) {
      await tx.execute(sql`DELETE FROM leaderboard_entries WHERE board = ${board}`);
      await tx.execute(sql`DELETE FROM guild_watch_contributions WHERE board = ${board}`);
    }
    return {
      status: 'reset',
      period,
      periodStart,
      snapshotted: { individual: individuals.length, guild: guilds.length },
      winners,
    };
  });

  if (outcome.status === 'reset') {
    await forgetBoards(deps, period, periodStart);
    await notifyWinners(deps, outcome);
  }
  return outcome;
}

async function forgetBoards(deps: ResetDeps, period: ResetPeriod, periodStart: Date): Promise<void> {
  if (!deps.forgetBoard) return;
  for (const type of ['individual', 'guild'] as const) {
    const board = boardKey(type, period, periodStart);
    try {
      await deps.forgetBoard(board);
    } catch (err) {
      // A stale copy is rebuilt from PostgreSQL (where the rows are gone) when it expires.
      deps.log.warn({ err, board }, 'cached leaderboard copy not dropped after the reset');
    }
  }
}

async function notifyWinners(
  deps: ResetDeps,
  outcome: Extract<ResetOutcome, { status: 'reset' }>,
): Promise<void> {
  const periodStart = outcome.periodStart.toISOString().slice(0, 10);
  for (const winner of outcome.winners) {
    const payload = {
      board: boardKey(winner.type, outcome.period, outcome.periodStart),
      type: winner.type,
      period: outcome.period,
      periodStart,
      rank: winner.rank,
      ...(winner.premiumDays > 0 ? { premiumDays: winner.premiumDays } : {}),
      ...(winner.guildId ? { guildId: winner.guildId, guildName: winner.guildName } : {}),
    };
    try {
      await deps.notify({ userId: winner.userId, type: 'leaderboard_result', payload });
    } catch (err) {
      deps.log.error(
        { err, userId: winner.userId, period: outcome.period, periodStart },
        'leaderboard result notice failed',
      );
    }
  }
}

/**
 * Resets every finished period of the last `RESET_LOOKBACK` that has no marker yet, oldest first, each
 * in its own transaction: what the Monday (weekly) and 1st-of-month (monthly) crons and the start-up
 * catch-up run, so a platform that was down at the turn of the week still closes it.
 */
export async function resetFinishedPeriods(deps: ResetDeps, period: ResetPeriod): Promise<ResetOutcome[]> {
  const outcomes: ResetOutcome[] = [];
  for (const start of finishedPeriodStarts(period, deps.now())) {
    const outcome = await resetLeaderboardPeriod(deps, period, start);
    if (outcome.status === 'reset') {
      deps.log.info(
        {
          period,
          periodStart: start.toISOString(),
          snapshotted: outcome.snapshotted,
          winners: outcome.winners.length,
        },
        'leaderboard period reset',
      );
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
