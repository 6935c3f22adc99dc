import { LIMITS } from '@wt/schemas';
import { buttonClasses, Container, cx, Pill } from '@wt/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ArrowRightIcon, CheckIcon, FilmIcon, PlayIcon } from '../icons';

export function Products() {
  return (
    <section aria-labelledby="products-heading" className="py-24">
      <Container>
        <div className="max-w-2xl">
          <h2
            id="products-heading"
            className="text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            Two ways to watch. One account.
          </h2>
          <p className="mt-4 text-lg leading-8 text-ink-muted">
            Your profile, level, badges and wallet are the same everywhere, whether you are hosting movie
            night or three episodes deep into a new series.
          </p>
        </div>
        <div className="mt-12 grid gap-6 lg:grid-cols-2">
          <ProductCard
            id="watch-rooms"
            name="Watch Rooms"
            tagline="Movie night with anyone, anywhere."
            icon={<PlayIcon className="size-6" />}
            accent="brand"
            cta={{ href: '/explore', label: 'Visit the rooms lobby' }}
            points={[
              'YouTube, Google Drive, Spotify, any web page or a video you upload',
              'Play, pause and seek land for everyone at the same moment',
              'Chat and voice, with leader controls for kicking, muting and slow mode',
              `Public, friends-only or private rooms for ${LIMITS.roomMembersMin} to ${LIMITS.roomMembersMax} people`,
            ]}
          />
          <ProductCard
            id="shorts"
            name="Shorts"
            tagline="Vertical micro-dramas made for your phone."
            icon={<FilmIcon className="size-6" />}
            accent="accent"
            cta={{ href: '/shorts', label: 'Discover Shorts' }}
            points={[
              'The first episodes of every series are free',
              'Unlock a season, or a bundle, when a story hooks you',
              'React with emoji and leave comments pinned to the exact second',
              'Earlier viewers’ reactions replay at their moment, so you never watch alone',
            ]}
          />
        </div>
      </Container>
    </section>
  );
}

interface ProductCardProps {
  id: string;
  name: string;
  tagline: string;
  icon: ReactNode;
  accent: 'brand' | 'accent';
  points: readonly string[];
  cta: { href: string; label: string };
}

function ProductCard({ id, name, tagline, icon, accent, points, cta }: ProductCardProps) {
  return (
    <article
      aria-labelledby={`${id}-heading`}
      className={cx(
        'relative overflow-hidden rounded-4xl border p-8 sm:p-10',
        accent === 'brand'
          ? 'border-brand-200 bg-linear-to-br from-brand-50 to-surface dark:border-brand-800/70 dark:from-brand-950 dark:to-surface'
          : 'border-accent-200 bg-linear-to-br from-accent-50 to-surface dark:border-accent-900/70 dark:from-accent-950/70 dark:to-surface',
      )}
    >
      <div className="flex items-center gap-3">
        <span
          className={cx(
            'grid size-12 place-items-center rounded-2xl text-white shadow-lg',
            accent === 'brand' ? 'bg-brand-600 shadow-brand-600/30' : 'bg-accent-500 shadow-accent-500/30',
          )}
        >
          {icon}
        </span>
        <Pill tone={accent === 'brand' ? 'brand' : 'accent'}>
          {accent === 'brand' ? 'Watch with friends' : 'Binge & react'}
        </Pill>
      </div>
      <h3 id={`${id}-heading`} className="mt-6 text-2xl font-bold tracking-tight text-ink sm:text-3xl">
        {name}
      </h3>
      <p className="mt-2 text-lg text-ink-muted">{tagline}</p>
      <ul className="mt-6 space-y-3">
        {points.map((point) => (
          <li key={point} className="flex gap-3 text-sm leading-6 text-ink sm:text-base">
            <CheckIcon
              className={cx(
                'mt-0.5 size-5 shrink-0',
                accent === 'brand'
                  ? 'text-brand-600 dark:text-brand-300'
                  : 'text-accent-600 dark:text-accent-400',
              )}
            />
            {point}
          </li>
        ))}
      </ul>
      <Link
        href={cta.href}
        className={buttonClasses({ variant: accent === 'brand' ? 'primary' : 'accent', className: 'mt-8' })}
      >
        {cta.label}
        <ArrowRightIcon className="size-4" />
      </Link>
    </article>
  );
}
