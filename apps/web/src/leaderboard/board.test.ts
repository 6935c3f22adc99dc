import type { LeaderboardEntry } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import {
  boardFrom,
  boardSearch,
  boardTitle,
  emptyBoardMessage,
  entryName,
  notRankedMessage,
  periodDates,
  rankedCountText,
  viewerEntryId,
  watchTimeText,
  winnersPeriodLabel,
  winnersPeriodOf,
} from './board';

const entry = (rank: number, id: string, extra: Partial<LeaderboardEntry> = {}): LeaderboardEntry => ({
  rank,
  id,
  name: `name_${id}`,
  displayName: null,
  avatarUrl: null,
  level: null,
  watchSeconds: 3600,
  ...extra,
});

describe('boardFrom', () => {
  it.each([
    [{}, { type: 'individual', period: 'weekly' }],
    [{ type: 'guild' }, { type: 'guild', period: 'weekly' }],
    [
      { type: 'guild', period: 'monthly' },
      { type: 'guild', period: 'monthly' },
    ],
    [{ period: 'alltime' }, { type: 'individual', period: 'alltime' }],
    [
      { type: 'clan', period: 'daily' },
      { type: 'individual', period: 'weekly' },
    ],
  ])('reads %o', (params, board) => {
    expect(boardFrom(params)).toEqual(board);
  });
});

describe('boardSearch', () => {
  it.each([
    [{ type: 'individual', period: 'weekly' }, ''],
    [{ type: 'guild', period: 'weekly' }, '?type=guild'],
    [{ type: 'individual', period: 'alltime' }, '?period=alltime'],
    [{ type: 'guild', period: 'monthly' }, '?type=guild&period=monthly'],
  ] as const)('writes %o', (board, search) => {
    expect(boardSearch(board)).toBe(search);
    expect(boardFrom(Object.fromEntries(new URLSearchParams(search)))).toEqual(board);
  });
});

describe('boardTitle', () => {
  it('names who and when', () => {
    expect(boardTitle({ type: 'individual', period: 'weekly' })).toBe('Players, this week');
    expect(boardTitle({ type: 'guild', period: 'alltime' })).toBe('Guilds, all time');
  });
});

describe('periods', () => {
  it('gives a week as its Monday to its Sunday, in UTC', () => {
    expect(
      periodDates({
        period: 'weekly',
        periodStart: '2026-11-23T00:00:00.000Z',
        periodEnd: '2026-11-30T00:00:00.000Z',
      }),
    ).toBe('Nov 23 – Nov 29, 2026');
  });

  it('gives a month by name', () => {
    expect(
      periodDates({
        period: 'monthly',
        periodStart: '2026-11-01T00:00:00.000Z',
        periodEnd: '2026-12-01T00:00:00.000Z',
      }),
    ).toBe('November 2026');
  });

  it('has no dates for all time', () => {
    expect(periodDates({ period: 'alltime', periodStart: null, periodEnd: null })).toBe('Since the start');
  });

  it('names finished periods', () => {
    expect(winnersPeriodLabel('weekly', '2026-11-23T00:00:00.000Z')).toBe('Week of Nov 23, 2026');
    expect(winnersPeriodLabel('monthly', '2026-10-01T00:00:00.000Z')).toBe('October 2026');
  });

  it('shows weekly winners on the all-time board', () => {
    expect(winnersPeriodOf('weekly')).toBe('weekly');
    expect(winnersPeriodOf('monthly')).toBe('monthly');
    expect(winnersPeriodOf('alltime')).toBe('weekly');
  });
});

describe('messages', () => {
  it('says who is missing from an empty board, and when', () => {
    expect(emptyBoardMessage({ type: 'individual', period: 'weekly' })).toMatch(
      /^Nobody has watched together this week\./,
    );
    expect(emptyBoardMessage({ type: 'guild', period: 'monthly' })).toMatch(
      /^No guild has watched together this month\./,
    );
    expect(emptyBoardMessage({ type: 'individual', period: 'alltime' })).toMatch(
      /^Nobody has watched together yet\./,
    );
  });

  it('tells an unranked viewer what to do', () => {
    expect(notRankedMessage({ type: 'individual', period: 'monthly' })).toBe(
      'You have not watched this month. Watch in a room to get ranked.',
    );
    expect(notRankedMessage({ type: 'guild', period: 'weekly' })).toMatch(/or join one, to rank it\.$/);
  });
});

describe('rows', () => {
  it('names a person by display name, else by username, and a guild by its name', () => {
    expect(entryName({ name: 'maya', displayName: 'Maya Chen' })).toBe('Maya Chen');
    expect(entryName({ name: 'maya', displayName: '  ' })).toBe('maya');
    expect(entryName({ name: 'Night Owls', displayName: null })).toBe('Night Owls');
  });

  it.each([
    [0, '0 hours'],
    [3599, '0.9 hours'],
    [3600, '1 hour'],
    [5400, '1.5 hours'],
    [45_000, '12.5 hours'],
  ])('%i s watched reads %s', (seconds, text) => {
    expect(watchTimeText(seconds)).toBe(text);
  });
});

describe('rankedCountText', () => {
  it.each([
    ['individual', 1, '1 player ranked'],
    ['individual', 1200, '1,200 players ranked'],
    ['guild', 0, '0 guilds ranked'],
  ] as const)('%s, %i', (type, total, text) => {
    expect(rankedCountText(type, total)).toBe(text);
  });
});

describe('viewerEntryId', () => {
  const neighbours = [entry(3, 'g3'), entry(4, 'g4'), entry(5, 'g5')];

  it('is the viewer on a players board', () => {
    expect(viewerEntryId({ type: 'individual', me: { rank: 4, neighbours } }, 'u1')).toBe('u1');
  });

  it('is the neighbour at the viewer’s rank on a guild board', () => {
    expect(viewerEntryId({ type: 'guild', me: { rank: 4, neighbours } }, 'u1')).toBe('g4');
  });

  it('is nobody when the viewer is not ranked', () => {
    expect(viewerEntryId({ type: 'individual', me: null }, 'u1')).toBeNull();
  });
});
