import {
  leaderboardInput,
  watchHoursOf,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardType,
  type LeaderboardView,
} from '@wt/schemas';
import { formatHours } from '@/profile/format';

/** The leaderboard page's tabs, what its address says, and how boards and winners read. */

export interface Board {
  type: LeaderboardType;
  period: LeaderboardPeriod;
}

export const BOARD_TYPES: readonly { value: LeaderboardType; label: string }[] = [
  { value: 'individual', label: 'Players' },
  { value: 'guild', label: 'Guilds' },
];

export const BOARD_PERIODS: readonly { value: LeaderboardPeriod; label: string }[] = [
  { value: 'weekly', label: 'This week' },
  { value: 'monthly', label: 'This month' },
  { value: 'alltime', label: 'All time' },
];

const DEFAULT_BOARD: Board = leaderboardInput.parse({});

/** The board named in the address (`?type=guild&period=monthly`); a missing or unknown value is the default. */
export function boardFrom(params: { type?: string; period?: string }): Board {
  const type = leaderboardInput.shape.type.safeParse(params.type);
  const period = leaderboardInput.shape.period.safeParse(params.period);
  return {
    type: type.success ? type.data : DEFAULT_BOARD.type,
    period: period.success ? period.data : DEFAULT_BOARD.period,
  };
}

/** The query string of a board, leaving out defaults: "", "?type=guild", "?type=guild&period=monthly". */
export function boardSearch(board: Board): string {
  const params = new URLSearchParams();
  if (board.type !== DEFAULT_BOARD.type) params.set('type', board.type);
  if (board.period !== DEFAULT_BOARD.period) params.set('period', board.period);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** "Players, this week", "Guilds, all time". */
export function boardTitle({ type, period }: Board): string {
  const who = BOARD_TYPES.find((t) => t.value === type)!.label;
  const when = BOARD_PERIODS.find((p) => p.value === period)!.label.toLowerCase();
  return `${who}, ${when}`;
}

/** All time has no winners of its own: it lists the weekly ones, whose winners are rewarded. */
export function winnersPeriodOf(period: LeaderboardPeriod): 'weekly' | 'monthly' {
  return period === 'monthly' ? 'monthly' : 'weekly';
}

const DAY_MS = 86_400_000;

function utcDate(iso: string | Date, withYear: boolean): string {
  return new Date(iso).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

function utcMonth(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The board's dates in UTC: "Nov 23 – Nov 29, 2026", "November 2026", "Since the start". */
export function periodDates(view: Pick<LeaderboardView, 'period' | 'periodStart' | 'periodEnd'>): string {
  if (!view.periodStart || !view.periodEnd) return 'Since the start';
  if (view.period === 'monthly') return utcMonth(view.periodStart);
  // The end is exclusive (next Monday 00:00): the last day shown is the Sunday before.
  const lastDay = new Date(Date.parse(view.periodEnd) - DAY_MS);
  return `${utcDate(view.periodStart, false)} – ${utcDate(lastDay, true)}`;
}

/** A finished period in the past winners list: "Week of Nov 23, 2026", "November 2026". */
export function winnersPeriodLabel(period: 'weekly' | 'monthly', periodStart: string): string {
  return period === 'monthly' ? utcMonth(periodStart) : `Week of ${utcDate(periodStart, true)}`;
}

export function emptyBoardMessage({ type, period }: Board): string {
  const when = { weekly: 'this week', monthly: 'this month', alltime: 'yet' }[period];
  return type === 'guild'
    ? `No guild has watched together ${when}. Watch with your guild to put it on the board.`
    : `Nobody has watched together ${when}. Start a room and be the first on the board.`;
}

/** Signed in but not on the board (`me` is null). */
export function notRankedMessage({ type, period }: Board): string {
  if (type === 'guild') {
    return 'Your guild is not on this board yet. Watch together with your guild, or join one, to rank it.';
  }
  const when = { weekly: 'this week', monthly: 'this month', alltime: 'so far' }[period];
  return `You have not watched ${when}. Watch in a room to get ranked.`;
}

export function noWinnersMessage(period: 'weekly' | 'monthly'): string {
  return period === 'monthly'
    ? 'No month has finished yet. The first winners are listed after the monthly reset.'
    : 'No week has finished yet. The first winners are listed after Monday’s reset.';
}

/** "1 player ranked", "12 guilds ranked". */
export function rankedCountText(type: LeaderboardType, total: number): string {
  const noun = type === 'guild' ? 'guild' : 'player';
  return `${total.toLocaleString('en-US')} ${total === 1 ? noun : `${noun}s`} ranked`;
}

/** The name a row shows: a person's display name (else username), a guild's name. */
export function entryName(entry: Pick<LeaderboardEntry, 'name' | 'displayName'>): string {
  return entry.displayName?.trim() || entry.name;
}

/** "1.5 hours" from seconds, floored to a tenth as the board counts. */
export function watchTimeText(watchSeconds: number): string {
  return formatHours(watchHoursOf(watchSeconds));
}

/**
 * Which row is the viewer's: on a players board the viewer's own id; on a guild board the neighbour at
 * the viewer's rank (the viewer's guild). Null when the viewer is not ranked.
 */
export function viewerEntryId(
  view: Pick<LeaderboardView, 'type' | 'me'>,
  userId: string | null,
): string | null {
  const { me } = view;
  if (!me) return null;
  if (view.type === 'individual') return userId;
  return me.neighbours.find((entry) => entry.rank === me.rank)?.id ?? null;
}
