import { buttonClasses, Card, Container, Pill } from '@wt/ui';
import type { ShortsHome } from '@wt/schemas';
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
import { SeriesGrid, SeriesRow } from '@/components/shorts/series-card';
import { genreLabel } from '@/shorts/format';
import { loadShortsHome } from '@/shorts/server';

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

export default async function ShortsPage() {
  const home = await loadShortsHome();
  const catalogue = home.kind === 'found' ? home.data : null;
  const hasSeries =
    catalogue !== null &&
    (catalogue.featured.length > 0 || catalogue.latest.length > 0 || catalogue.genres.some((row) => row.series.length > 0));
  return (
    <>
      <PageIntro
        eyebrow="Shorts"
        eyebrowTone="accent"
        title="Stories told in minutes, made for your phone"
        actions={
          <>
            {hasSeries ? (
              <a href="#catalogue" className={buttonClasses({ variant: 'accent', size: 'lg' })}>
                Start watching
              </a>
            ) : (
              <Link href="/sign-up" className={buttonClasses({ variant: 'accent', size: 'lg' })}>
                Get notified at launch
              </Link>
            )}
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
        {catalogue && hasSeries ? (
          <Catalogue home={catalogue} />
        ) : home.kind === 'unavailable' ? (
          <Card className="flex flex-col gap-2 border-dashed">
            <h2 className="text-lg font-semibold text-ink">The catalogue could not be loaded</h2>
            <p className="text-sm leading-6 text-ink-muted">WatchTogether isn&apos;t answering right now. Reload the page in a moment.</p>
          </Card>
        ) : (
          <Card className="flex flex-col gap-2 border-dashed">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="text-lg font-semibold text-ink">The first series are in production</h2>
              <Pill tone="warning">Coming soon</Pill>
            </div>
            <p className="text-sm leading-6 text-ink-muted">
              The catalogue appears here as creators publish. Nothing to show yet means nothing made up, either.
            </p>
          </Card>
        )}

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

/** Featured first (the admins' order), then a row per genre, then the latest releases. */
function Catalogue({ home }: { home: ShortsHome }) {
  return (
    <div id="catalogue" className="scroll-mt-24 space-y-12" data-testid="shorts-catalogue">
      {home.featured.length > 0 ? (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading" className="text-2xl font-bold tracking-tight text-ink">
            Featured
          </h2>
          <div className="mt-6">
            <SeriesGrid series={home.featured} priorityCount={6} />
          </div>
        </section>
      ) : null}
      {home.genres
        .filter((row) => row.series.length > 0)
        .map((row) => (
          <section key={row.genre} aria-labelledby={`genre-${row.genre}`}>
            <h2 id={`genre-${row.genre}`} className="text-xl font-semibold tracking-tight text-ink">
              {genreLabel(row.genre)}
            </h2>
            <div className="mt-4">
              <SeriesRow series={row.series} />
            </div>
          </section>
        ))}
      {home.latest.length > 0 ? (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="text-xl font-semibold tracking-tight text-ink">
            Latest
          </h2>
          <div className="mt-4">
            <SeriesRow series={home.latest} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
