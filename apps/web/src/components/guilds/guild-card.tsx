import type { GuildCard as GuildCardData } from '@wt/schemas';
import { Card, Pill } from '@wt/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { membersText, visibilityText } from '@/guilds/directory';
import { formatHours } from '@/profile/format';
import { personName } from '@/rooms/people';
import { LockIcon, UsersIcon } from '../icons';
import { Avatar } from '../profile/avatar';

/**
 * A guild in the browser: avatar (or initials), name linking to its page, public or private, members
 * against the cap, watch hours and leader. `children` adds a line of buttons (invites, requests).
 */
export function GuildCard({
  guild,
  badge,
  children,
}: {
  guild: GuildCardData;
  badge?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card as="li" className="flex min-w-0 flex-col gap-4 p-5" aria-label={guild.name}>
      <div className="flex min-w-0 items-start gap-3">
        <Avatar url={guild.avatarUrl} name={guild.name} size="sm" />
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-base font-semibold text-ink">
            <Link href={`/guilds/${guild.id}`} className="hover:underline">
              {guild.name}
            </Link>
          </h3>
          <div className="mt-1 flex flex-wrap items-center gap-1.5">
            <Pill tone={guild.isPublic ? 'success' : 'neutral'}>
              {guild.isPublic ? null : <LockIcon className="size-3.5" />}
              {visibilityText(guild.isPublic)}
            </Pill>
            {badge}
          </div>
        </div>
      </div>
      {guild.description ? (
        <p className="line-clamp-2 text-sm leading-6 text-ink-muted">{guild.description}</p>
      ) : null}
      <dl className="mt-auto grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="sr-only">Members</dt>
          <dd className="flex items-center gap-1.5 text-ink">
            <UsersIcon className="size-4 text-ink-muted" />
            {membersText(guild)}
          </dd>
        </div>
        <div>
          <dt className="sr-only">Watch hours</dt>
          <dd className="text-ink">{formatHours(guild.totalWatchHours)} watched</dd>
        </div>
        <div className="col-span-2 min-w-0">
          <dt className="sr-only">Leader</dt>
          <dd className="truncate text-ink-muted">
            Led by{' '}
            <Link href={`/u/${guild.leader.username}`} className="font-medium text-ink hover:underline">
              {personName(guild.leader)}
            </Link>
          </dd>
        </div>
      </dl>
      {children ? <div className="flex flex-wrap gap-2">{children}</div> : null}
    </Card>
  );
}
