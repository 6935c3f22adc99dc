import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { FeatureList } from '@/components/feature-list';
import { TrophyIcon, UsersIcon, PlayIcon } from '@/components/icons';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { WelcomeCard } from '@/components/welcome-card';

export const metadata: Metadata = { title: 'Home' };

export default function HomePage() {
  return (
    <>
      <AreaPageHeader title="Home">
        <p>Your starting point: rooms you are in, friends who are online and how your week is going.</p>
      </AreaPageHeader>
      <SignInPrompt title="Sign in to see your home" signedIn={<WelcomeCard />}>
        Once you are signed in, this page shows your rooms, your friends and your XP for the week.
      </SignInPrompt>
      <div className="mt-10">
        <FeatureList
          features={[
            {
              icon: PlayIcon,
              title: 'Jump back in',
              body: 'Rooms you host or joined recently, with what is playing.',
            },
            {
              icon: UsersIcon,
              title: 'Friends online',
              body: 'See who is around and which room they are watching in.',
            },
            {
              icon: TrophyIcon,
              title: 'Your week',
              body: 'XP earned, your level progress and your leaderboard rank.',
            },
          ]}
        />
      </div>
    </>
  );
}
