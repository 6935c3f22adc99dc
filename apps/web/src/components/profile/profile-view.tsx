'use client';

import { useQuery } from '@tanstack/react-query';
import type { PublicProfile } from '@wt/schemas';
import { Card, Container } from '@wt/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { formatJoined, nameOf } from '@/profile/format';
import { useTRPC } from '@/trpc/react';
import { BadgeIcon } from '../icons';
import { Avatar } from './avatar';
import { LevelBar } from './level-bar';
import { ProfileActions } from './profile-actions';
import { WatchStats } from './watch-stats';

/**
 * /u/<username>. Rendered on the server with what everyone may see (`initial`); a signed-in viewer's
 * browser then asks for their own view (a friend or the owner may see more) and shows that instead.
 */
export function ProfileView({ initial }: { initial: PublicProfile }) {
  const { status } = useAuth();
  const trpc = useTRPC();
  const viewerView = useQuery({
    ...trpc.profile.get.queryOptions({ username: initial.username }),
    enabled: status === 'signed-in',
  });
  const profile = (status === 'signed-in' ? viewerView.data : undefined) ?? initial;
  const name = nameOf(profile);

  // Someone who blocked the viewer is not there for them (the server render cannot know who is looking).
  if (status === 'signed-in' && viewerView.error?.data?.code === 'NOT_FOUND') {
    return (
      <Container size="sm" className="py-16">
        <Card>
          <h1 className="text-xl font-semibold text-ink">Profile not found</h1>
          <p className="mt-2 text-sm text-ink-muted">There is nobody with that username. Check the spelling.</p>
        </Card>
      </Container>
    );
  }

  return (
    <Container size="md" className="py-10 sm:py-14">
      <Card className="flex flex-col gap-6 sm:flex-row sm:items-center">
        <Avatar url={profile.avatarUrl} name={name} size="lg" />
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <div>
            <h1 className="truncate text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{name}</h1>
            <p className="text-sm text-ink-muted">
              @{profile.username} · Joined <time dateTime={profile.joinedAt}>{formatJoined(profile.joinedAt)}</time>
              {profile.friendCount !== null ? (
                <>
                  {' '}
                  · <span data-testid="friend-count">{profile.friendCount === 1 ? '1 friend' : `${profile.friendCount} friends`}</span>
                </>
              ) : null}
            </p>
          </div>
          <LevelBar xp={profile.xp} />
          <ProfileActions username={profile.username} name={name} />
        </div>
      </Card>

      {profile.bio ? (
        <p className="mt-6 text-base leading-7 whitespace-pre-line text-ink" data-testid="profile-bio">
          {profile.bio}
        </p>
      ) : null}

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Panel title="Watch hours">
          {profile.stats ? <WatchStats stats={profile.stats} /> : <Hidden>{name} keeps their watch stats private.</Hidden>}
        </Panel>
        <Panel title="Badges">
          {profile.badges.length > 0 ? (
            <ul className="grid grid-cols-3 gap-3 sm:grid-cols-5">
              {profile.badges.map((badge) => (
                <li key={badge.id} className="flex flex-col items-center gap-1.5 text-center" title={badge.name}>
                  {badge.iconUrl ? (
                    <img src={badge.iconUrl} alt="" className="size-12 rounded-xl" />
                  ) : (
                    <span className="grid size-12 place-items-center rounded-xl bg-amber-100 text-amber-700 dark:bg-amber-900/40 dark:text-amber-200">
                      <BadgeIcon className="size-6" />
                    </span>
                  )}
                  <span className="text-xs leading-4 text-ink">{badge.name}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Hidden>No badges on show.</Hidden>
          )}
        </Panel>
        <Panel title="Guild">
          {profile.guild ? (
            <Link href={`/guilds/${profile.guild.id}`} className="flex items-center gap-3 rounded-xl p-1.5 hover:bg-surface-2">
              <Avatar url={profile.guild.avatarUrl} name={profile.guild.name} size="sm" />
              <span className="font-medium text-ink" data-testid="profile-guild">
                {profile.guild.name}
              </span>
            </Link>
          ) : (
            <Hidden>Not in a guild, or not showing it.</Hidden>
          )}
        </Panel>
        <Panel title="Friends">
          <FriendList username={profile.username} visible={profile.friendCount !== null} name={name} />
        </Panel>
      </div>
    </Container>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card as="section" aria-label={title}>
      <h2 className="mb-4 text-sm font-semibold tracking-wide text-ink-muted uppercase">{title}</h2>
      {children}
    </Card>
  );
}

function Hidden({ children }: { children: ReactNode }) {
  return <p className="text-sm text-ink-muted">{children}</p>;
}

function FriendList({ username, visible, name }: { username: string; visible: boolean; name: string }) {
  const { status } = useAuth();
  const trpc = useTRPC();
  const friends = useQuery({
    ...trpc.profile.friends.queryOptions({ username }),
    enabled: visible && status !== 'loading',
  });
  if (!visible || friends.data === null) return <Hidden>{name} keeps their friend list private.</Hidden>;
  if (!friends.data) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        Loading friends…
      </p>
    );
  }
  if (friends.data.length === 0) return <Hidden>No friends yet.</Hidden>;
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {friends.data.map((friend) => (
        <li key={friend.id}>
          <Link href={`/u/${friend.username}`} className="flex items-center gap-2.5 rounded-xl p-1.5 hover:bg-surface-2">
            <Avatar url={friend.avatarUrl} name={friend.displayName ?? friend.username} size="sm" />
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium text-ink">{friend.displayName ?? friend.username}</span>
              <span className="block truncate text-xs text-ink-muted">@{friend.username}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
