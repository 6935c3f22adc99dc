'use client';

import { LEADERBOARD_WINNERS } from '@wt/schemas';
import { Card } from '@wt/ui';
import {
  noWinnersMessage,
  watchTimeText,
  winnersPeriodLabel,
  winnersPeriodOf,
  type Board,
} from '@/leaderboard/board';
import { useLeaderboardWinners } from '@/leaderboard/use-leaderboard';
import { EntryIdentity, RankBadge } from './entry-identity';

/** The top three of each of the last finished weeks (months on the monthly board). */
export function PastWinners({ board }: { board: Board }) {
  const winners = useLeaderboardWinners(board);
  const period = winnersPeriodOf(board.period);
  return (
    <section aria-labelledby="past-winners-heading">
      <h2 id="past-winners-heading" className="text-xl font-semibold tracking-tight text-ink">
        Past winners
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        The top {LEADERBOARD_WINNERS} {board.type === 'guild' ? 'guilds' : 'players'} of each finished{' '}
        {period === 'monthly' ? 'month' : 'week'}, newest first.
      </p>
      <div className="mt-4">
        {!winners.data ? (
          winners.isError ? (
            <p className="text-sm text-ink-muted">
              Past winners could not be loaded. Please try again in a moment.
            </p>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2" aria-hidden="true">
              {[0, 1].map((i) => (
                <div key={i} className="h-40 animate-pulse rounded-3xl bg-surface-2" />
              ))}
            </div>
          )
        ) : winners.data.periods.length === 0 ? (
          <Card className="border-dashed p-5">
            <p className="text-sm leading-6 text-ink-muted">{noWinnersMessage(period)}</p>
          </Card>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {winners.data.periods.map((finished) => {
              const label = winnersPeriodLabel(period, finished.periodStart);
              return (
                <Card as="li" key={finished.periodStart} className="p-5">
                  <h3 className="text-sm font-semibold text-ink">{label}</h3>
                  <ol aria-label={`Winners, ${label}`} className="mt-3 grid gap-2">
                    {finished.winners.map((entry) => (
                      <li
                        key={entry.id}
                        className="grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-2 text-sm"
                      >
                        <RankBadge rank={entry.rank} />
                        <EntryIdentity entry={entry} type={board.type} />
                        <span className="text-xs whitespace-nowrap text-ink-muted tabular-nums">
                          {watchTimeText(entry.watchSeconds)}
                        </span>
                      </li>
                    ))}
                  </ol>
                </Card>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
