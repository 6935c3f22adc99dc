'use client';

import type { LeaderboardView } from '@wt/schemas';
import { Card, cx } from '@wt/ui';
import { notRankedMessage, rankedCountText, watchTimeText, type Board } from '@/leaderboard/board';
import { useLeaderboardLive } from '@/leaderboard/use-leaderboard';
import { EntryIdentity, RankBadge } from './entry-identity';

/**
 * The signed-in viewer's place on the board (their guild's, on guild boards) with the neighbours
 * either side, or what to do to get on it. Its being mounted keeps the board live.
 */
export function YourRank({
  board,
  view,
  viewerId,
}: {
  board: Board;
  view: LeaderboardView | undefined;
  viewerId: string | null;
}) {
  useLeaderboardLive();
  const title = board.type === 'guild' ? 'Your guild' : 'Your rank';
  return (
    <Card as="section" aria-labelledby="your-rank-heading" className="p-5">
      <h2 id="your-rank-heading" className="text-base font-semibold text-ink">
        {title}
      </h2>
      {!view ? (
        <div className="mt-3 h-16 animate-pulse rounded-2xl bg-surface-2" aria-hidden="true" />
      ) : !view.me ? (
        <p className="mt-2 text-sm leading-6 text-ink-muted">{notRankedMessage(board)}</p>
      ) : (
        <>
          <p className="mt-2 flex items-baseline gap-2">
            <span className="text-3xl font-bold tracking-tight text-ink" data-testid="your-rank">
              #{view.me.rank.toLocaleString('en-US')}
            </span>
            <span className="text-sm text-ink-muted">of {rankedCountText(view.type, view.total)}</span>
          </p>
          <ol aria-label="Around you" className="mt-4 grid gap-1">
            {view.me.neighbours.map((entry) => {
              const isViewer = entry.id === viewerId;
              return (
                <li
                  key={entry.id}
                  aria-current={isViewer ? 'true' : undefined}
                  className={cx(
                    'grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-2 rounded-xl px-2 py-1.5 text-sm',
                    isViewer && 'bg-brand-50 dark:bg-brand-950/40',
                  )}
                >
                  <RankBadge rank={entry.rank} />
                  <EntryIdentity entry={entry} type={view.type} isViewer={isViewer} />
                  <span className="text-xs whitespace-nowrap text-ink-muted tabular-nums">
                    {watchTimeText(entry.watchSeconds)}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Card>
  );
}
