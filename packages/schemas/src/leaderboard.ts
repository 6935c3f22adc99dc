import { z } from 'zod';

/**
 * Leaderboards (issue 7): individuals and guilds ranked by server-measured watch time, per ISO week
 * (Monday 00:00 UTC), calendar month (UTC) and all time. Each period of each type is one board with a
 * stable key; a new week is a new board, so the weekly reset never touches the all-time one.
 */
export const LEADERBOARD_TYPES = ['individual', 'guild'] as const;
export type LeaderboardType = (typeof LEADERBOARD_TYPES)[number];
export const LEADERBOARD_PERIODS = ['weekly', 'monthly', 'alltime'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

/** Entries shown at the top of a board. */
export const LEADERBOARD_TOP = 100;
/** Winners per finished week (and month) who get rewards and are listed as past winners. */
export const LEADERBOARD_WINNERS = 3;
/** Premium days for each member of a top-3 guild of the week, and for a top-3 individual. */
export const GUILD_WINNER_PREMIUM_DAYS = 30;
export const INDIVIDUAL_WINNER_PREMIUM_DAYS = 90;

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of `at`'s ISO week. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The first of `at`'s month, 00:00 UTC. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

export interface PeriodBounds {
  /** Inclusive; null for all time. */
  start: Date | null;
  /** Exclusive; null for all time. */
  end: Date | null;
}

/** The week / month containing `at`, or all time. */
export function periodBounds(period: LeaderboardPeriod, at: Date): PeriodBounds {
  if (period === 'alltime') return { start: null, end: null };
  if (period === 'weekly') {
    const start = weekStart(at);
    return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
  }
  const start = monthStart(at);
  return { start, end: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) };
}

/** The period before the one containing `at` (the one a reset at `at` closes). */
export function previousPeriodStart(period: 'weekly' | 'monthly', at: Date): Date {
  const { start } = periodBounds(period, at);
  return period === 'weekly'
    ? new Date(start!.getTime() - 7 * DAY_MS)
    : new Date(Date.UTC(start!.getUTCFullYear(), start!.getUTCMonth() - 1, 1));
}

/**
 * The board's key: `individual:weekly:2026-11-23` (its Monday), `guild:monthly:2026-11-01`,
 * `individual:alltime`. PostgreSQL rows and Redis sorted sets use the same key.
 */
export function boardKey(type: LeaderboardType, period: LeaderboardPeriod, at: Date): string {
  const { start } = periodBounds(period, at);
  return start ? `${type}:${period}:${start.toISOString().slice(0, 10)}` : `${type}:${period}`;
}

/** Whole hours, one decimal, for display: 5,400 s is 1.5 h. */
export function watchHoursOf(seconds: number): number {
  return Math.floor(seconds / 360) / 10;
}

export const leaderboardInput = z.object({
  type: z.enum(LEADERBOARD_TYPES, { message: 'Choose individual or guild.' }).default('individual'),
  period: z.enum(LEADERBOARD_PERIODS, { message: 'Choose weekly, monthly or all time.' }).default('weekly'),
});
export type LeaderboardInput = z.input<typeof leaderboardInput>;

export const leaderboardWinnersInput = z.object({
  type: z.enum(LEADERBOARD_TYPES, { message: 'Choose individual or guild.' }).default('individual'),
  period: z.enum(['weekly', 'monthly'], { message: 'Choose weekly or monthly.' }).default('weekly'),
  /** How many finished periods, newest first. */
  limit: z.number().int().min(1).max(12).default(4),
});
export type LeaderboardWinnersInput = z.input<typeof leaderboardWinnersInput>;

export interface LeaderboardEntry {
  rank: number;
  /** A user id or a guild id, by the board's type. */
  id: string;
  /** Username (individual) or guild name. */
  name: string;
  /** Display name (individual); null for guilds. */
  displayName: string | null;
  avatarUrl: string | null;
  /** Level (individual); null for guilds. */
  level: number | null;
  watchSeconds: number;
}

export interface LeaderboardView {
  type: LeaderboardType;
  period: LeaderboardPeriod;
  /** ISO instants of the period; null for all time. */
  periodStart: string | null;
  periodEnd: string | null;
  /** Ranked entities on the board. */
  total: number;
  /** The top 100. */
  entries: LeaderboardEntry[];
  /**
   * The viewer (individual) or the viewer's guild (guild) with up to two neighbours either side; null
   * when signed out, not ranked yet (no watch time in the period), or, for guild boards, in no guild.
   */
  me: { rank: number; neighbours: LeaderboardEntry[] } | null;
}

export interface LeaderboardWinnersPeriod {
  periodStart: string;
  snapshotAt: string;
  winners: LeaderboardEntry[];
}

export interface LeaderboardWinners {
  type: LeaderboardType;
  period: 'weekly' | 'monthly';
  periods: LeaderboardWinnersPeriod[];
}

/** /global events of leaderboards (to `user:<id>`), at most once per accrual run per person. */
export interface LeaderboardServerToClientEvents {
  'leaderboard:rank': (payload: { period: LeaderboardPeriod; rank: number; watchSeconds: number }) => void;
}
