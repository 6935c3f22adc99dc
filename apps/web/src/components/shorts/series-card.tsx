import type { SeriesCard as SeriesCardData } from '@wt/schemas';
import Link from 'next/link';
import { freeEpisodesLabel, genreLabel } from '@/shorts/format';
import { seriesPath } from '@/shorts/paths';
import { SeriesCover } from './series-cover';

/** A series in a grid or row: cover, title, creator, how many episodes are free. The whole card links. */
export function SeriesCard({ series, priority = false }: { series: SeriesCardData; priority?: boolean }) {
  return (
    <article className="group relative flex flex-col gap-2" data-testid="series-card">
      <SeriesCover
        title={series.title}
        slug={series.slug}
        coverUrl={series.coverUrl}
        priority={priority}
        className="transition group-hover:-translate-y-0.5 group-hover:shadow-lg"
      />
      <div className="min-w-0">
        <h3 className="truncate text-sm font-semibold text-ink">
          <Link
            href={seriesPath(series.slug)}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-brand-500"
          >
            {series.title}
          </Link>
        </h3>
        <p className="truncate text-xs text-ink-muted">
          {series.creator.displayName} · {genreLabel(series.genre)}
        </p>
        <p className="mt-0.5 text-xs font-medium text-accent-700 dark:text-accent-300">{freeEpisodesLabel(series)}</p>
      </div>
    </article>
  );
}

/** A responsive grid of series cards. */
export function SeriesGrid({ series, priorityCount = 0 }: { series: readonly SeriesCardData[]; priorityCount?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {series.map((item, index) => (
        <li key={item.id}>
          <SeriesCard series={item} priority={index < priorityCount} />
        </li>
      ))}
    </ul>
  );
}

/** A horizontally scrolling row (genres, latest): cards keep their size on every screen. */
export function SeriesRow({ series }: { series: readonly SeriesCardData[] }) {
  return (
    <ul className="-mx-4 flex snap-x gap-4 overflow-x-auto px-4 pb-2 sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8">
      {series.map((item) => (
        <li key={item.id} className="w-36 shrink-0 snap-start sm:w-44">
          <SeriesCard series={item} />
        </li>
      ))}
    </ul>
  );
}
