import { LIMITS } from '@wt/schemas';
import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { FeatureList } from '@/components/feature-list';
import { GuildsView } from '@/components/guilds/guilds-view';
import { ChatIcon, ShieldIcon, TrophyIcon } from '@/components/icons';
import { directoryQuery } from '@/guilds/directory';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Guilds' };

export default async function GuildsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = directoryQuery(firstParam(await searchParams, 'q'));
  return (
    <>
      <AreaPageHeader title="Guilds">
        <p>
          A guild is your crew: up to {LIMITS.guildMembersMax} people with a leader, officers, a shared chat
          and guild rooms. Every hour members watch counts toward the guild’s total.
        </p>
      </AreaPageHeader>
      <GuildsView
        initialQuery={query}
        about={
          <FeatureList
            features={[
              {
                icon: ShieldIcon,
                title: 'Roles',
                body: 'Leaders manage everything, officers invite and run guild rooms, members watch and chat.',
              },
              {
                icon: ChatIcon,
                title: 'Guild chat & rooms',
                body: 'A chat that is always there, and rooms only your guild can see.',
              },
              {
                icon: TrophyIcon,
                title: 'Guild leaderboard',
                body: 'Compete on watch hours every week; the top three guilds win Premium.',
              },
            ]}
          />
        }
      />
    </>
  );
}
