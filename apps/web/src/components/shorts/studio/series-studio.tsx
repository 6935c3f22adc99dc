'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { StudioSeries } from '@wt/schemas';
import { Button } from '@wt/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { AreaPageHeader } from '@/components/area-shell';
import { FormAlert } from '@/components/forms/form-alert';
import { ErrorLine } from '@/components/guilds/error-line';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { shortsErrorOf } from '@/studio/shorts-errors';
import { anyProcessing, seriesStatusLabel } from '@/studio/status-labels';
import { useStudioActions } from '@/studio/use-studio-actions';
import { useTRPC } from '@/trpc/react';
import { CoverUpload } from './cover-upload';
import { SeasonPanel } from './season-panel';
import { AddSeasonForm } from './season-forms';
import { SeriesDetailsForm } from './series-details-form';
import { StatusPill } from './status-pill';

/** While an episode is processing the studio asks again this often. */
export const PROCESSING_POLL_MS = 3_000;

const linkClass = 'font-semibold text-brand-700 underline-offset-4 hover:underline dark:text-brand-300';

export function SeriesStudio({ seriesId }: { seriesId: string }) {
  const { status } = useAuth();
  return (
    <>
      {status === 'signed-in' ? null : <AreaPageHeader title="Edit series" />}
      <SignInPrompt title="Sign in to edit this series" signedIn={<SeriesStudioBody seriesId={seriesId} />}>
        Only the series&rsquo; creator can edit it.
      </SignInPrompt>
    </>
  );
}

function SeriesStudioBody({ seriesId }: { seriesId: string }) {
  const trpc = useTRPC();
  const series = useQuery(
    trpc.studio.series.queryOptions(
      { seriesId },
      {
        // Processing happens on the server: poll until every episode has left it.
        refetchInterval: (query) =>
          anyProcessing(query.state.data?.seasons ?? []) ? PROCESSING_POLL_MS : false,
      },
    ),
  );

  if (series.isPending) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        Loading the series…
      </p>
    );
  }
  if (series.isError) {
    return (
      <>
        <AreaPageHeader title="Series">
          <p>
            <Link href="/studio" className={linkClass}>
              Back to your studio
            </Link>
          </p>
        </AreaPageHeader>
        <FormAlert>{shortsErrorOf(series.error).message}</FormAlert>
      </>
    );
  }
  return <SeriesEditor series={series.data} />;
}

function SeriesEditor({ series }: { series: StudioSeries }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const actions = useStudioActions();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const episodes = series.seasons.reduce((sum, season) => sum + season.episodes.length, 0);

  const deleteSeries = async () => {
    const result = await actions.run('series:delete', (client) =>
      client.studio.deleteSeries.mutate({ seriesId: series.id }),
    );
    if (result.ok) {
      queryClient.setQueryData(trpc.studio.overview.queryKey(), result.data);
      router.push('/studio');
    }
  };

  return (
    <>
      <AreaPageHeader title={series.title}>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <StatusPill status={seriesStatusLabel(series.status)} />
          <Link href="/studio" className={linkClass}>
            All your series
          </Link>
          {series.status === 'published' ? (
            <Link href={`/series/${series.slug}`} className={linkClass}>
              Public page
            </Link>
          ) : null}
        </div>
      </AreaPageHeader>

      <div className="grid gap-10">
        <section
          aria-labelledby="series-details-heading"
          className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_12rem]"
        >
          <div>
            <h2 id="series-details-heading" className="text-xl font-bold text-ink">
              Details
            </h2>
            <div className="mt-4">
              <SeriesDetailsForm series={series} />
            </div>
          </div>
          <CoverUpload
            seriesId={series.id}
            title={series.title}
            url={series.coverUrl}
            onSaved={(coverUrl) => {
              queryClient.setQueryData(trpc.studio.series.queryKey({ seriesId: series.id }), (current) =>
                current ? { ...current, coverUrl } : current,
              );
              void queryClient.invalidateQueries({ queryKey: trpc.studio.overview.queryKey() });
            }}
          />
        </section>

        <section aria-labelledby="seasons-heading">
          <h2 id="seasons-heading" className="text-xl font-bold text-ink">
            Seasons and episodes
          </h2>
          <p className="mt-1 text-sm leading-6 text-ink-muted">
            Episodes are numbered across the series; the first {series.freeEpisodes} are free unless an
            episode says otherwise. Upload a vertical video to each, then publish it once it is ready.
          </p>
          <div className="mt-5 grid gap-6">
            {series.seasons.map((season) => (
              <SeasonPanel key={season.id} season={season} actions={actions} />
            ))}
            <AddSeasonForm seriesId={series.id} nextNumber={series.seasons.length + 1} actions={actions} />
          </div>
        </section>

        {series.status === 'draft' ? (
          <section
            aria-labelledby="danger-heading"
            className="rounded-3xl border border-red-200 p-5 dark:border-red-900/60"
          >
            <h2 id="danger-heading" className="text-lg font-semibold text-ink">
              Delete this series
            </h2>
            <p className="mt-1 text-sm leading-6 text-ink-muted">
              Only a draft can be deleted, with its {series.seasons.length} season(s) and {episodes}{' '}
              episode(s). This cannot be undone.
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              {confirmDelete ? (
                <>
                  <Button
                    variant="danger"
                    size="sm"
                    disabled={actions.pending !== null}
                    onClick={() => void deleteSeries()}
                  >
                    {actions.isPending('series:delete') ? 'Deleting…' : 'Yes, delete the series'}
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setConfirmDelete(false)}>
                    Keep it
                  </Button>
                </>
              ) : (
                <Button variant="outline" size="sm" onClick={() => setConfirmDelete(true)}>
                  Delete series
                </Button>
              )}
              <ErrorLine>{actions.error('series:delete')}</ErrorLine>
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
