import { buttonClasses, Card, Container, Pill } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { FeatureList, type Feature } from '@/components/feature-list';
import {
  ChartIcon,
  ChatIcon,
  FilmIcon,
  LockIcon,
  PlayIcon,
  ReactionIcon,
  WalletIcon,
} from '@/components/icons';
import { PageIntro } from '@/components/page-intro';

export const metadata: Metadata = {
  title: 'Shorts',
  description:
    'Vertical micro-drama series from independent creators. First episodes free, reactions that replay.',
};

const FOR_VIEWERS: readonly Feature[] = [
  {
    icon: PlayIcon,
    title: 'Start free',
    body: 'The first episodes of every series are free to watch, no account needed to get hooked.',
  },
  {
    icon: LockIcon,
    title: 'Unlock by the season',
    body: 'Keep going by unlocking a season or a bundle. What you unlock stays unlocked on every device.',
  },
  {
    icon: ReactionIcon,
    title: 'Reactions that replay',
    body: 'Emoji from earlier viewers float up at the exact second they were sent, so you never watch alone.',
  },
  {
    icon: ChatIcon,
    title: 'Timestamped comments',
    body: 'Comments are pinned to their moment and scroll by as the episode plays. Tap one to jump there.',
  },
];

const FOR_CREATORS: readonly Feature[] = [
  {
    icon: FilmIcon,
    title: 'Series, seasons, episodes',
    body: 'Upload vertical episodes, organise them into seasons and choose which ones are free.',
  },
  {
    icon: ChartIcon,
    title: 'Funnel analytics',
    body: 'See views, watch time, sign-ups and unlocks per episode, and which campaign brought each viewer.',
  },
  {
    icon: WalletIcon,
    title: 'Paid for your work',
    body: 'Set your season prices and receive payouts with a transparent revenue split.',
  },
];

export default function ShortsPage() {
  return (
    <>
      <PageIntro
        eyebrow="Shorts"
        eyebrowTone="accent"
        title="Stories told in minutes, made for your phone"
        actions={
          <>
            <Link href="/sign-up" className={buttonClasses({ variant: 'accent', size: 'lg' })}>
              Get notified at launch
            </Link>
            <Link href="/studio" className={buttonClasses({ variant: 'outline', size: 'lg' })}>
              Creator studio
            </Link>
          </>
        }
      >
        <p>
          Shorts are vertical micro-drama series from independent creators: cliffhangers every couple of
          minutes, a community reacting alongside you, and any episode can be opened in a watch room with
          friends.
        </p>
      </PageIntro>

      <Container className="space-y-16 py-16">
        <Card className="flex flex-col gap-2 border-dashed">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-lg font-semibold text-ink">The first series are in production</h2>
            <Pill tone="warning">Coming soon</Pill>
          </div>
          <p className="text-sm leading-6 text-ink-muted">
            The catalogue appears here as creators publish. Nothing to show yet means nothing made up, either.
          </p>
        </Card>

        <section aria-labelledby="viewers-heading">
          <h2 id="viewers-heading" className="text-2xl font-bold tracking-tight text-ink">
            For viewers
          </h2>
          <div className="mt-6">
            <FeatureList features={FOR_VIEWERS} columns={4} />
          </div>
        </section>

        <section aria-labelledby="creators-heading">
          <h2 id="creators-heading" className="text-2xl font-bold tracking-tight text-ink">
            For creators
          </h2>
          <div className="mt-6">
            <FeatureList features={FOR_CREATORS} />
          </div>
        </section>
      </Container>
    </>
  );
}
