'use client';

import { Card, Pill } from '@wt/ui';
import { useAuth } from '@/auth/auth-provider';
import { useXpStanding } from '@/xp/use-xp';
import { Avatar } from './account-menu';

/** The signed-in greeting on Home: who you are and where your level stands. */
export function WelcomeCard() {
  const { user } = useAuth();
  // The live standing (the header keeps it current); the session's level is from sign-in time.
  const standing = useXpStanding(user !== null);
  if (!user) return null;
  return (
    <Card className="flex items-center gap-4">
      <Avatar user={user} size="lg" />
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-lg font-semibold text-ink">
          Welcome back, {user.displayName ?? user.username}
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          Signed in as <span className="font-medium text-ink">@{user.username}</span>
        </p>
      </div>
      <div className="hidden flex-wrap gap-2 sm:flex">
        <Pill tone="brand">Level {standing.data?.level ?? user.level}</Pill>
        {user.isPremium ? <Pill tone="accent">Premium</Pill> : null}
      </div>
    </Card>
  );
}
