import type { LeaderboardView } from '@wt/schemas';
import { cx } from '@wt/ui';
import { boardTitle, watchTimeText } from '@/leaderboard/board';
import { EntryIdentity, RankBadge } from './entry-identity';

/** The top 100 of a board; the viewer's row (or their guild's) is highlighted. */
export function BoardTable({ view, viewerId }: { view: LeaderboardView; viewerId: string | null }) {
  const individual = view.type === 'individual';
  return (
    <div className="overflow-x-auto rounded-3xl border border-line bg-surface">
      <table className="w-full min-w-[22rem] text-left text-sm">
        <caption className="sr-only">
          Top {view.entries.length}: {boardTitle(view)}
        </caption>
        <thead className="border-b border-line text-xs font-semibold tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className="w-16 px-4 py-3">
              Rank
            </th>
            <th scope="col" className="px-2 py-3">
              {individual ? 'Player' : 'Guild'}
            </th>
            {individual ? (
              <th scope="col" className="hidden px-2 py-3 sm:table-cell">
                Level
              </th>
            ) : null}
            <th scope="col" className="px-4 py-3 text-right">
              Watched
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {view.entries.map((entry) => {
            const isViewer = entry.id === viewerId;
            return (
              <tr
                key={entry.id}
                aria-current={isViewer ? 'true' : undefined}
                className={cx(isViewer && 'bg-brand-50 dark:bg-brand-950/40')}
              >
                <td className="px-4 py-2.5">
                  <RankBadge rank={entry.rank} />
                </td>
                <td className="max-w-0 px-2 py-2.5">
                  <EntryIdentity entry={entry} type={view.type} isViewer={isViewer} />
                </td>
                {individual ? (
                  <td className="hidden px-2 py-2.5 text-ink-muted sm:table-cell">{entry.level ?? '–'}</td>
                ) : null}
                <td className="px-4 py-2.5 text-right font-medium whitespace-nowrap text-ink tabular-nums">
                  {watchTimeText(entry.watchSeconds)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
