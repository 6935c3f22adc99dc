import type { Person } from '@wt/schemas';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { personName } from '@/rooms/people';
import { Avatar } from '../account-menu';

/**
 * One person in a friends list: avatar (with a presence dot when given), name linking to their
 * profile, a line under it (or the refusal sentence), and the row's buttons.
 */
export function PersonRow({
  person,
  detail,
  dot,
  error,
  children,
}: {
  person: Person;
  detail?: ReactNode;
  dot?: ReactNode;
  error?: string | null;
  children?: ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-2xl px-2 py-2 hover:bg-surface-2/60">
      <span className="relative shrink-0">
        <Avatar user={person} />
        {dot}
      </span>
      <div className="min-w-0 flex-1">
        <Link href={`/u/${person.username}`} className="block truncate text-sm font-medium text-ink hover:underline">
          {personName(person)}
        </Link>
        {error ? (
          <p role="alert" className="text-xs text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : (
          <p className="truncate text-xs text-ink-muted">{detail ?? `@${person.username}`}</p>
        )}
      </div>
      {children ? <div className="flex shrink-0 flex-wrap gap-2">{children}</div> : null}
    </li>
  );
}
