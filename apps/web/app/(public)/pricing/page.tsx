import { buttonClasses, Card, Container, cx, Pill } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CheckIcon, TrophyIcon } from '@/components/icons';
import { PageIntro } from '@/components/page-intro';

export const metadata: Metadata = {
  title: 'Pricing',
  description:
    'WatchTogether is free with ads. Premium removes them. Shorts seasons are priced by their creators.',
};

interface Plan {
  name: string;
  price: string;
  note: string;
  points: readonly string[];
  cta: { href: string; label: string };
  featured?: boolean;
}

const PLANS: readonly Plan[] = [
  {
    name: 'Free',
    price: '$0',
    note: 'forever',
    points: [
      'Create and join watch rooms with chat and voice',
      'Earn XP, level up, join a guild and collect badges',
      'The free episodes of every Shorts series',
      'A short ad before and after rooms, and the option to earn XP by watching one',
    ],
    cta: { href: '/sign-up', label: 'Start free' },
  },
  {
    name: 'Premium',
    price: 'At launch',
    note: 'price announced when payments open',
    points: ['Everything in Free', 'No ads before or after rooms', 'A Premium mark on your profile'],
    cta: { href: '/sign-up', label: 'Create an account' },
    featured: true,
  },
];

export default function PricingPage() {
  return (
    <>
      <PageIntro eyebrow="Pricing" title="Free to watch together. Premium when you want it quieter.">
        <p>
          Everything that makes a watch party work is free. Premium removes the ads, and the most active
          players and guilds win it every week.
        </p>
      </PageIntro>

      <Container className="space-y-16 py-16">
        <div className="grid gap-6 md:grid-cols-2">
          {PLANS.map((plan) => (
            <Card
              as="article"
              key={plan.name}
              aria-labelledby={`plan-${plan.name}`}
              className={cx(
                'flex flex-col p-8',
                plan.featured && 'border-brand-400 ring-2 ring-brand-500/30 dark:border-brand-600',
              )}
            >
              <div className="flex items-center justify-between">
                <h2 id={`plan-${plan.name}`} className="text-xl font-bold text-ink">
                  {plan.name}
                </h2>
                {plan.featured ? <Pill>No ads</Pill> : null}
              </div>
              <p className="mt-4">
                <span className="text-4xl font-extrabold tracking-tight text-ink">{plan.price}</span>{' '}
                <span className="text-sm text-ink-muted">{plan.note}</span>
              </p>
              <ul className="mt-6 flex-1 space-y-3">
                {plan.points.map((point) => (
                  <li key={point} className="flex gap-3 text-sm leading-6 text-ink">
                    <CheckIcon className="mt-0.5 size-5 shrink-0 text-brand-600 dark:text-brand-300" />
                    {point}
                  </li>
                ))}
              </ul>
              <Link
                href={plan.cta.href}
                className={buttonClasses({
                  variant: plan.featured ? 'primary' : 'outline',
                  className: 'mt-8',
                })}
              >
                {plan.cta.label}
              </Link>
            </Card>
          ))}
        </div>

        <section aria-labelledby="earn-heading">
          <Card className="flex flex-col gap-5 bg-linear-to-br from-brand-50 to-surface sm:flex-row sm:items-center dark:from-brand-950">
            <span className="grid size-14 shrink-0 place-items-center rounded-2xl bg-xp/20 text-amber-700 dark:text-amber-300">
              <TrophyIcon className="size-7" />
            </span>
            <div>
              <h2 id="earn-heading" className="text-xl font-bold text-ink">
                Or win Premium
              </h2>
              <p className="mt-2 text-sm leading-6 text-ink-muted">
                Every Monday the weekly leaderboards close. The top three players win three months of Premium,
                and every member of the top three guilds gets thirty days.
              </p>
            </div>
          </Card>
        </section>

        <section aria-labelledby="shorts-pricing-heading" className="grid gap-6 md:grid-cols-2">
          <Card>
            <h2 id="shorts-pricing-heading" className="text-xl font-bold text-ink">
              Shorts
            </h2>
            <p className="mt-2 text-sm leading-6 text-ink-muted">
              The first episodes of every series are free. After that, you unlock a season (or a bundle of
              seasons) at the price its creator sets, and creators receive their share of every unlock.
            </p>
          </Card>
          <Card>
            <h2 className="text-xl font-bold text-ink">For businesses</h2>
            <p className="mt-2 text-sm leading-6 text-ink-muted">
              Reach viewers with short pre-room and post-room video ads, or sponsor an event with its own
              badge. Ad packages are sold by impressions, with a dashboard showing how each one performs.
            </p>
          </Card>
        </section>

        <p className="text-center text-sm text-ink-muted">
          Payments are not switched on yet. Nothing on WatchTogether charges you until checkout opens.
        </p>
      </Container>
    </>
  );
}
