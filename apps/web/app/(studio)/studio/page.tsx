import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { FeatureList } from '@/components/feature-list';
import { ChartIcon, FilmIcon, SparkIcon, WalletIcon } from '@/components/icons';
import { StudioHome } from '@/components/shorts/studio/studio-home';

export const metadata: Metadata = { title: 'Creator studio' };

const STEPS = [
  {
    title: 'Apply',
    body: 'Tell us about your work. Every creator is reviewed by a person before publishing.',
  },
  {
    title: 'Build your series',
    body: 'Create a series, add seasons and upload vertical episodes; choose which are free.',
  },
  {
    title: 'Publish and share',
    body: 'Share links carry campaign tags, so you see which post brought which viewer.',
  },
  { title: 'Get paid', body: 'Connect a payout account and receive your share of every season unlock.' },
] as const;

export default function StudioPage() {
  return (
    <>
      <AreaPageHeader title="Creator studio">
        <p>
          Where creators publish Shorts series, follow how each episode performs and get paid. Any member can
          apply to become a creator; a person reviews every application.
        </p>
      </AreaPageHeader>
      <StudioHome explanation={<StudioExplanation />} />
    </>
  );
}

/** What the studio is, for visitors who are not creators yet. */
function StudioExplanation() {
  return (
    <div>
      <section aria-labelledby="studio-steps" className="mt-4">
        <h2 id="studio-steps" className="text-xl font-bold text-ink">
          From idea to payout
        </h2>
        <ol className="mt-5 grid gap-4 sm:grid-cols-2">
          {STEPS.map((step, index) => (
            <li key={step.title} className="flex gap-4 rounded-3xl border border-line bg-surface p-5">
              <span className="grid size-9 shrink-0 place-items-center rounded-full bg-accent-500 font-mono text-sm font-bold text-ink-on-accent">
                {index + 1}
              </span>
              <div>
                <h3 className="font-semibold text-ink">{step.title}</h3>
                <p className="mt-1 text-sm leading-6 text-ink-muted">{step.body}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="studio-tools" className="mt-12">
        <h2 id="studio-tools" className="text-xl font-bold text-ink">
          Your tools
        </h2>
        <div className="mt-5">
          <FeatureList
            columns={2}
            features={[
              {
                icon: FilmIcon,
                title: 'Episodes',
                body: 'Uploads are processed for smooth streaming; you see each one’s status as it goes.',
              },
              {
                icon: SparkIcon,
                title: 'Subtitles',
                body: 'Subtitles are generated from the audio and can be edited before publishing.',
              },
              {
                icon: ChartIcon,
                title: 'Analytics',
                body: 'The funnel from view to watch to sign-up to unlock, per episode and per campaign.',
              },
              {
                icon: WalletIcon,
                title: 'Payouts',
                body: 'Earnings per season, fees and your share, and a history of every payout.',
              },
            ]}
          />
        </div>
      </section>
    </div>
  );
}
