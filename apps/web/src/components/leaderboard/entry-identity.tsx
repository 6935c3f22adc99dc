import type { LeaderboardEntry, LeaderboardType } from '@wt/schemas';
import { cx } from '@wt/ui';
import Link from 'next/link';
import { entryName } from '@/leaderboard/board';
import { Avatar } from '../account-menu';

const MEDALS: Record<number, string> = {
  1: 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-900/50 dark:text-amber-100 dark:ring-amber-700/60',
  2: 'bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800/60 dark:text-slate-100 dark:ring-slate-600/60',
  3: 'bg-orange-100 text-orange-900 ring-orange-300 dark:bg-orange-900/40 dark:text-orange-100 dark:ring-orange-700/60',
};

/** A rank, with a medal tint for the top three. */
export function RankBadge({ rank }: { rank: number }) {
  return (
    <span
      className={cx(
        'inline-grid h-7 min-w-7 place-items-center rounded-full px-1.5 text-xs font-bold tabular-nums',
        MEDALS[rank] ? `ring-1 ring-inset ${MEDALS[rank]}` : 'text-ink-muted',
      )}
    >
      {rank}
    </span>
  );
}

/**
 * Avatar and name of a board entry: a person links to their profile (with "You" beside the viewer),
 * a guild to its page.
 */
export function EntryIdentity({
  entry,
  type,
  isViewer = false,
}: {
  entry: LeaderboardEntry;
  type: LeaderboardType;
  isViewer?: boolean;
}) {
  const name = entryName(entry);
  return (
    <span className="flex min-w-0 items-center gap-3">
      <Avatar user={{ avatarUrl: entry.avatarUrl, displayName: entry.displayName, username: entry.name }} />
      <Link
        href={type === 'individual' ? `/u/${entry.name}` : `/guilds/${entry.id}`}
        className="truncate font-medium text-ink hover:underline"
      >
        {name}
      </Link>
      {isViewer ? (
        <span className="shrink-0 rounded-full bg-brand-600 px-2 py-0.5 text-[0.6875rem] font-semibold text-white dark:bg-brand-500">
          {type === 'guild' ? 'Your guild' : 'You'}
        </span>
      ) : null}
    </span>
  );
}
