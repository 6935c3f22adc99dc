'use client';

import Link from 'next/link';
import { useAuth } from '@/auth/auth-provider';
import { badgeXpText, progressPercent, standingLabel, xpGainText } from '@/xp/labels';
import { useXpLive } from '@/xp/use-xp';
import { LevelUpToast } from './level-up-toast';

/**
 * The header's level and XP bar for signed-in people, linking to their XP history; it moves live on
 * every award and raises the level-up toast. Below `sm` the bar is hidden (the account menu shows it)
 * but stays mounted, so the toast still appears.
 */
export function XpBadge() {
  const { status } = useAuth();
  if (status !== 'signed-in') return null;
  return <SignedInXpBadge />;
}

function SignedInXpBadge() {
  const { standing, gain, levelUp, dismissLevelUp } = useXpLive();
  return (
    <>
      {standing ? (
        <Link
          href="/xp"
          aria-label={standingLabel(standing)}
          title="Your XP history"
          data-testid="xp-badge"
          className="relative hidden items-center gap-2 rounded-full py-1 pr-3 pl-1 transition hover:bg-surface-2 sm:flex"
        >
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-full bg-gradient-to-br from-brand-500 to-fuchsia-500 text-xs font-bold text-white"
          >
            {standing.level}
          </span>
          <span aria-hidden="true" className="flex flex-col gap-1">
            <span className="text-[0.6875rem] leading-none font-semibold whitespace-nowrap text-ink-muted">
              {badgeXpText(standing)}
            </span>
            <span className="block h-1.5 w-20 overflow-hidden rounded-full bg-surface-2 ring-1 ring-line ring-inset">
              <span
                className="block h-full rounded-full bg-gradient-to-r from-brand-500 to-fuchsia-500 transition-[width] duration-700"
                style={{ width: `${progressPercent(standing)}%` }}
              />
            </span>
          </span>
          {gain ? (
            <span
              aria-hidden="true"
              className="absolute top-full left-1/2 mt-1 -translate-x-1/2 rounded-full bg-emerald-100 px-2 py-0.5 text-[0.6875rem] font-semibold whitespace-nowrap text-emerald-800 shadow-sm dark:bg-emerald-900/60 dark:text-emerald-100"
            >
              {xpGainText(gain.amount)}
            </span>
          ) : null}
        </Link>
      ) : (
        <span
          className="hidden h-9 w-28 animate-pulse rounded-full bg-surface-2 sm:block"
          aria-hidden="true"
        />
      )}
      <LevelUpToast level={levelUp} onClose={dismissLevelUp} />
    </>
  );
}
