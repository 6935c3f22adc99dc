import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AreaPageHeader } from '@/components/area-shell';
import { LeaderboardView } from '@/components/leaderboard/leaderboard-view';

export const metadata: Metadata = { title: 'Leaderboard' };

export default function LeaderboardPage() {
  return (
    <>
      <AreaPageHeader title="Leaderboard">
        <p>
          Hours watched together rank players and guilds. Weeks close every Monday at 00:00 UTC: the top three
          players win three months of Premium, every member of the top three guilds wins thirty days. All-time
          totals never reset.
        </p>
      </AreaPageHeader>
      {/* The board comes from the address, known in the browser only: the page itself stays static. */}
      <Suspense fallback={<div className="h-72 animate-pulse rounded-3xl bg-surface-2" aria-hidden="true" />}>
        <LeaderboardView />
      </Suspense>
    </>
  );
}
