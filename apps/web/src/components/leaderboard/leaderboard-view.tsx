'use client';

import { Card, cx } from '@wt/ui';
import { usePathname, useSearchParams } from 'next/navigation';
import { useAuth } from '@/auth/auth-provider';
import {
  BOARD_PERIODS,
  BOARD_TYPES,
  boardFrom,
  boardSearch,
  boardTitle,
  emptyBoardMessage,
  periodDates,
  rankedCountText,
  viewerEntryId,
  type Board,
} from '@/leaderboard/board';
import { useLeaderboard } from '@/leaderboard/use-leaderboard';
import { FormAlert } from '../forms/form-alert';
import { SignInPrompt } from '../sign-in-prompt';
import { BoardTable } from './board-table';
import { PastWinners } from './past-winners';
import { YourRank } from './your-rank';

/**
 * /leaderboard: players or guilds by watch time, this week, this month or all time, the viewer's own
 * rank beside the top 100, and the past winners. The board is read from the address
 * (`?type=guild&period=monthly`), so a reload, a shared link or a nav link opens the board it names.
 */
export function LeaderboardView() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const board = boardFrom({
    type: searchParams.get('type') ?? undefined,
    period: searchParams.get('period') ?? undefined,
  });
  const { status, user } = useAuth();
  const view = useLeaderboard(board);
  const signedIn = status === 'signed-in';
  const viewerId = view.data ? viewerEntryId(view.data, user?.id ?? null) : null;

  // Next.js picks up history calls in useSearchParams: the board switches without a server round trip.
  const choose = (next: Board) => window.history.replaceState(null, '', `${pathname}${boardSearch(next)}`);

  return (
    <div className="space-y-10">
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
        <Choice
          label="Board"
          options={BOARD_TYPES}
          value={board.type}
          onChange={(type) => choose({ ...board, type })}
        />
        <Choice
          label="Period"
          options={BOARD_PERIODS}
          value={board.period}
          onChange={(period) => choose({ ...board, period })}
        />
      </div>

      <div className={cx('grid gap-6', signedIn && 'xl:grid-cols-[minmax(0,1fr)_18rem]')}>
        {signedIn ? (
          <aside className="xl:sticky xl:top-24 xl:col-start-2 xl:row-start-1 xl:self-start">
            <YourRank board={board} view={view.data} viewerId={viewerId} />
          </aside>
        ) : (
          <SignInPrompt title="Sign in to see your rank">
            Your place on the board and the people around you show here once you are signed in.
          </SignInPrompt>
        )}
        <section aria-labelledby="board-heading" className="min-w-0">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <h2 id="board-heading" className="text-xl font-semibold tracking-tight text-ink">
              {boardTitle(board)}
            </h2>
            {view.data ? (
              <p className="text-sm text-ink-muted" data-testid="board-period">
                {periodDates(view.data)} · {rankedCountText(view.data.type, view.data.total)}
              </p>
            ) : null}
          </div>
          {!view.data ? (
            view.isError ? (
              <FormAlert>
                The leaderboard could not be loaded. Please try again in a moment.{' '}
                <button type="button" onClick={() => void view.refetch()} className="font-semibold underline">
                  Try again
                </button>
              </FormAlert>
            ) : (
              <div
                aria-busy="true"
                aria-label="Loading the leaderboard"
                className="h-72 animate-pulse rounded-3xl bg-surface-2"
              />
            )
          ) : view.data.entries.length === 0 ? (
            <Card className="border-dashed p-5">
              <p className="text-sm leading-6 text-ink-muted">{emptyBoardMessage(board)}</p>
            </Card>
          ) : (
            <BoardTable view={view.data} viewerId={viewerId} />
          )}
        </section>
      </div>

      <PastWinners board={board} />
    </div>
  );
}

function Choice<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="-mx-1 flex gap-1 overflow-x-auto px-1 py-1 [scrollbar-width:none]"
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
          className={cx(
            'h-9 shrink-0 rounded-full px-4 text-sm font-semibold transition',
            option.value === value
              ? 'bg-brand-600 text-white shadow-sm dark:bg-brand-500'
              : 'bg-surface-2 text-ink hover:bg-line',
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
