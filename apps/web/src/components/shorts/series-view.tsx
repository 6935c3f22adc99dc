'use client';

import { useQuery } from '@tanstack/react-query';
import type { EpisodeSummary, SeriesDetail } from '@wt/schemas';
import { buttonClasses, Container, Pill } from '@wt/ui';
import Link from 'next/link';
import { useAuth } from '@/auth/auth-provider';
import { clockDuration } from '@/shorts/duration';
import { episodeCountLabel, freeEpisodesLabel, genreLabel, progressPercent } from '@/shorts/format';
import { creatorPath, watchPath } from '@/shorts/paths';
import { useTRPC } from '@/trpc/react';
import { CheckIcon, LockIcon, PlayIcon } from '../icons';
import { SeriesCover } from './series-cover';

/**
 * /series/<slug>. `initial` is what the server rendered for everyone; a signed-in viewer's browser asks
 * for its own view (seasons they hold unlocked, where they stopped) and shows that instead.
 */
export function SeriesView({ initial }: { initial: SeriesDetail }) {
  const { status } = useAuth();
  const trpc = useTRPC();
  const viewerView = useQuery({
    ...trpc.shorts.series.queryOptions({ slug: initial.slug }),
    enabled: status === 'signed-in',
  });
  const series = (status === 'signed-in' ? viewerView.data : undefined) ?? initial;
  const episodes = series.seasons.flatMap((season) => season.episodes);
  const resume = episodes.find((e) => e.progressMs !== null && !e.locked && (e.durationMs === null || e.progressMs < e.durationMs - 2_000));
  const start = resume ?? episodes[0];

  return (
    <Container size="md" className="py-10 sm:py-14">
      <div className="flex flex-col gap-8 sm:flex-row">
        <div className="w-40 shrink-0 self-center sm:w-52 sm:self-start">
          <SeriesCover title={series.title} slug={series.slug} coverUrl={series.coverUrl} priority />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-4">
          <div className="flex flex-wrap items-center gap-2">
            <Pill tone="accent">{genreLabel(series.genre)}</Pill>
            <Pill tone="neutral">{episodeCountLabel(series.episodeCount)}</Pill>
            <Pill tone="success">{freeEpisodesLabel(series)}</Pill>
          </div>
          <h1 className="text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl">{series.title}</h1>
          <p className="text-sm text-ink-muted">
            By{' '}
            <Link href={creatorPath(series.creator.slug)} className="font-semibold text-brand-700 hover:underline dark:text-brand-300">
              {series.creator.displayName}
            </Link>
          </p>
          {series.description ? <p className="text-base leading-7 whitespace-pre-line text-ink">{series.description}</p> : null}
          {start ? (
            <div>
              <Link href={watchPath(start.id)} className={buttonClasses({ variant: 'accent', size: 'lg' })}>
                <PlayIcon className="size-5" />
                {resume ? `Continue episode ${resume.number}` : 'Watch episode 1'}
              </Link>
            </div>
          ) : null}
        </div>
      </div>

      {series.seasons.map((season) => (
        <section key={season.id} aria-labelledby={`season-${season.number}`} className="mt-12">
          <h2 id={`season-${season.number}`} className="text-xl font-semibold tracking-tight text-ink">
            Season {season.number}
            {season.title ? <span className="font-normal text-ink-muted">: {season.title}</span> : null}
          </h2>
          {season.episodes.length === 0 ? (
            <p className="mt-3 text-sm text-ink-muted">No episodes published yet.</p>
          ) : (
            <ol className="mt-4 divide-y divide-line overflow-hidden rounded-3xl border border-line bg-surface" data-testid="episode-list">
              {season.episodes.map((episode) => (
                <EpisodeRow key={episode.id} episode={episode} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </Container>
  );
}

function EpisodeRow({ episode }: { episode: EpisodeSummary }) {
  const percent = progressPercent(episode.progressMs, episode.durationMs);
  const watched = percent !== null && percent >= 95;
  return (
    <li className="relative flex items-center gap-4 px-4 py-3 hover:bg-surface-2 sm:px-5" data-testid="episode-row" data-locked={episode.locked}>
      <span className="w-8 shrink-0 text-center font-mono text-sm font-semibold text-ink-muted">{episode.number}</span>
      <div className="min-w-0 flex-1">
        <Link
          href={watchPath(episode.id)}
          className="block truncate font-semibold text-ink after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-brand-500"
        >
          {episode.title}
          {episode.locked ? <span className="sr-only"> (locked)</span> : null}
        </Link>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-ink-muted">
          {episode.durationMs !== null ? <span>{clockDuration(episode.durationMs)}</span> : null}
          {percent !== null ? <span>{watched ? 'Watched' : `${percent}% watched`}</span> : null}
        </p>
        {percent !== null ? (
          <div className="mt-1.5 h-1 w-full max-w-48 overflow-hidden rounded-full bg-line" aria-hidden>
            <div className="h-full rounded-full bg-accent-500" style={{ width: `${percent}%` }} />
          </div>
        ) : null}
      </div>
      {episode.locked ? (
        <Pill tone="neutral" data-testid="episode-locked">
          <LockIcon className="size-3.5" />
          Locked
        </Pill>
      ) : episode.free ? (
        <Pill tone="success" data-testid="episode-free">
          {watched ? <CheckIcon className="size-3.5" /> : null}
          Free
        </Pill>
      ) : (
        <Pill tone="brand">Unlocked</Pill>
      )}
    </li>
  );
}
