import { Card } from '@wt/ui';
import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { ShieldIcon, TrophyIcon } from '@/components/icons';
import { SignInPrompt } from '@/components/sign-in-prompt';

export const metadata: Metadata = { title: 'Leaderboard' };

export default function LeaderboardPage() {
  return (
    <>
      <AreaPageHeader title="Leaderboard">
        <p>
          Hours watched together decide the weekly rankings, for players and for guilds. The board closes
          every Monday at 00:00 UTC, winners are rewarded and a new week begins. All-time totals never reset.
        </p>
      </AreaPageHeader>
      <div className="grid gap-4 md:grid-cols-2">
        <Card className="flex gap-4">
          <TrophyIcon className="size-7 shrink-0 text-amber-600 dark:text-amber-300" />
          <div>
            <h2 className="font-semibold text-ink">Players</h2>
            <p className="mt-1 text-sm leading-6 text-ink-muted">
              The top three each week win three months of Premium.
            </p>
          </div>
        </Card>
        <Card className="flex gap-4">
          <ShieldIcon className="size-7 shrink-0 text-brand-600 dark:text-brand-300" />
          <div>
            <h2 className="font-semibold text-ink">Guilds</h2>
            <p className="mt-1 text-sm leading-6 text-ink-muted">
              Every member of the top three guilds wins thirty days of Premium.
            </p>
          </div>
        </Card>
      </div>
      <div className="mt-8">
        <SignInPrompt title="Sign in to climb the board">
          Rankings appear here once people are watching. Sign up to be on the very first board.
        </SignInPrompt>
      </div>
    </>
  );
}
