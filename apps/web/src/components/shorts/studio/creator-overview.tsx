'use client';

import { useQuery } from '@tanstack/react-query';
import { Button, Card } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { genreLabel } from '@/studio/forms';
import { shortsErrorOf } from '@/studio/shorts-errors';
import { episodeCount, pipelineNote, seriesStatusLabel } from '@/studio/status-labels';
import { useTRPC } from '@/trpc/react';
import { NewSeriesDialog } from './new-series-dialog';
import { StatusPill } from './status-pill';

const linkClass = 'font-semibold text-brand-700 underline-offset-4 hover:underline dark:text-brand-300';

/** An approved creator's studio: how uploads are processed here, and their series. */
export function CreatorOverview() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.studio.overview.queryOptions());
  const [creating, setCreating] = useState(false);

  if (overview.isPending) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        Loading your series…
      </p>
    );
  }
  if (overview.isError) return <FormAlert>{shortsErrorOf(overview.error).message}</FormAlert>;

  const { creator, series, pipeline } = overview.data;
  return (
    <div className="grid gap-8">
      <FormAlert tone={pipeline === 'mp4' ? 'warning' : 'info'} title="How uploads are processed here">
        {pipelineNote(pipeline)}
      </FormAlert>

      <section aria-labelledby="studio-series-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 id="studio-series-heading" className="text-xl font-bold text-ink">
              Your series
            </h2>
            {creator ? (
              <p className="mt-1 text-sm text-ink-muted">
                Your creator page:{' '}
                <Link href={`/creators/${creator.slug}`} className={linkClass}>
                  /creators/{creator.slug}
                </Link>
              </p>
            ) : null}
          </div>
          <Button onClick={() => setCreating(true)}>New series</Button>
        </div>

        {series.length === 0 ? (
          <Card className="mt-5 border-dashed">
            <p className="text-sm leading-6 text-ink-muted">
              No series yet. Create one, add a season and its episodes, upload a vertical video to each, then
              publish.
            </p>
          </Card>
        ) : (
          <ul className="mt-5 grid gap-4 sm:grid-cols-2" aria-label="Your series">
            {series.map((item) => (
              <Card as="li" key={item.id} className="flex flex-col gap-3">
                <div className="flex items-start justify-between gap-3">
                  <h3 className="text-lg font-semibold text-ink">
                    <Link href={`/studio/series/${item.id}`} className="hover:underline">
                      {item.title}
                    </Link>
                  </h3>
                  <StatusPill status={seriesStatusLabel(item.status)} />
                </div>
                <p className="text-sm text-ink-muted">
                  {genreLabel(item.genre)} · {episodeCount(item.episodeCount)} · first {item.freeEpisodes}{' '}
                  free
                </p>
                <div className="mt-auto flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  <Link href={`/studio/series/${item.id}`} className={linkClass}>
                    Edit<span className="sr-only"> {item.title}</span>
                  </Link>
                  {item.status === 'published' ? (
                    <Link href={`/series/${item.slug}`} className={linkClass}>
                      Public page<span className="sr-only"> of {item.title}</span>
                    </Link>
                  ) : (
                    <span className="text-ink-muted">Public page once published</span>
                  )}
                </div>
              </Card>
            ))}
          </ul>
        )}
      </section>
      <NewSeriesDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
