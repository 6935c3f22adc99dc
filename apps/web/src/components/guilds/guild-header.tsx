import type { GuildDetail } from '@wt/schemas';
import { Pill } from '@wt/ui';
import { membersText, visibilityText } from '@/guilds/directory';
import { ROLE_LABELS } from '@/guilds/members';
import { formatJoined } from '@/profile/format';
import { LockIcon, UsersIcon } from '../icons';
import { Avatar } from '../profile/avatar';

/** The top of a guild's page: its picture, name, who can join, size and description. */
export function GuildHeader({ guild }: { guild: GuildDetail }) {
  return (
    <header className="flex flex-col gap-5 sm:flex-row sm:items-center">
      <Avatar url={guild.avatarUrl} name={guild.name} size="lg" />
      <div className="min-w-0 flex-1">
        <h1 className="text-3xl font-bold tracking-tight break-words text-ink sm:text-4xl">{guild.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <Pill tone={guild.isPublic ? 'success' : 'neutral'}>
            {guild.isPublic ? null : <LockIcon className="size-3.5" />}
            {visibilityText(guild.isPublic)}
          </Pill>
          <span className="inline-flex items-center gap-1.5">
            <UsersIcon className="size-4" />
            {membersText(guild)}
          </span>
          <span>· Founded {formatJoined(guild.createdAt)}</span>
          {guild.myRole ? <Pill tone="brand">You: {ROLE_LABELS[guild.myRole].toLowerCase()}</Pill> : null}
        </div>
        {guild.description ? (
          <p
            className="mt-3 max-w-2xl text-base leading-7 whitespace-pre-line text-ink-muted"
            data-testid="guild-description"
          >
            {guild.description}
          </p>
        ) : null}
      </div>
    </header>
  );
}
