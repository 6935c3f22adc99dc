'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { featureSeriesInput } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { SelectField } from '@/components/forms/choice-fields';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { ErrorLine } from '@/components/guilds/error-line';
import { genreLabel } from '@/studio/forms';
import { shortsErrorOf } from '@/studio/shorts-errors';
import { episodeCount } from '@/studio/status-labels';
import { useTRPC, useTRPCClient } from '@/trpc/react';

/** Admin: the ordered featured slots of the Shorts home page; add a published series at a position, remove one. */
export function FeaturedSlots() {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const featured = useQuery(trpc.adminShorts.featured.queryOptions(undefined, { enabled: isAdmin }));
  const published = useQuery(trpc.adminShorts.series.queryOptions(undefined, { enabled: isAdmin }));
  const [seriesId, setSeriesId] = useState('');
  const [position, setPosition] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ seriesId?: string; position?: string }>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);

  if (!isAdmin) {
    return (
      <FormAlert tone="warning">
        Only admins can choose featured series. This account is not an admin.
      </FormAlert>
    );
  }
  if (featured.isPending || published.isPending) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        Loading the featured series…
      </p>
    );
  }
  if (featured.isError || published.isError) {
    return <FormAlert>{shortsErrorOf(featured.error ?? published.error).message}</FormAlert>;
  }

  const slots = [...featured.data].sort((a, b) => a.position - b.position);
  const featuredIds = new Set(slots.map((slot) => slot.seriesId));
  const candidates = published.data.filter((series) => !featuredIds.has(series.id));
  const nextPosition = (slots.at(-1)?.position ?? 0) + 1;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.adminShorts.pathKey() });

  const run = async (key: string, call: () => Promise<unknown>) => {
    setBusy(key);
    setFailure(null);
    try {
      await call();
      refresh();
      return true;
    } catch (err) {
      const error = shortsErrorOf(err);
      if (key === 'feature' && Object.keys(error.fields).length > 0) setFieldErrors(error.fields);
      else setFailure({ key, message: error.message });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const onFeature = async () => {
    const parsed = featureSeriesInput.safeParse({
      seriesId,
      position: position.trim() === '' ? nextPosition : Number(position),
    });
    if (!parsed.success) {
      const errors: { seriesId?: string; position?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'seriesId') errors.seriesId ??= 'Choose a published series.';
        if (field === 'position') errors.position ??= 'A position is a whole number from 1 to 50.';
      }
      return setFieldErrors(errors);
    }
    setFieldErrors({});
    if (await run('feature', () => client.adminShorts.feature.mutate(parsed.data))) {
      setSeriesId('');
      setPosition('');
    }
  };

  return (
    <div className="grid gap-8">
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="text-xl font-bold text-ink">
          On the home page
        </h2>
        {slots.length === 0 ? (
          <Card className="mt-4 border-dashed">
            <p className="text-sm text-ink-muted">
              Nothing is featured: the home page shows the latest series instead.
            </p>
          </Card>
        ) : (
          <ol className="mt-4 grid gap-3" aria-label="Featured series">
            {slots.map((slot) => (
              <Card as="li" key={slot.seriesId} className="flex flex-wrap items-center gap-4 p-4">
                <span className="grid size-9 shrink-0 place-items-center rounded-full bg-accent-500 font-mono text-sm font-bold text-ink-on-accent">
                  {slot.position}
                </span>
                <div className="min-w-0 flex-1">
                  <Link
                    href={`/series/${slot.series.slug}`}
                    className="font-semibold text-ink hover:underline"
                  >
                    {slot.series.title}
                  </Link>
                  <p className="text-sm text-ink-muted">
                    {genreLabel(slot.series.genre)} · by {slot.series.creator.displayName} ·{' '}
                    {episodeCount(slot.series.episodeCount)}
                  </p>
                </div>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={busy !== null}
                  onClick={() =>
                    void run(`remove:${slot.seriesId}`, () =>
                      client.adminShorts.unfeature.mutate({ seriesId: slot.seriesId }),
                    )
                  }
                >
                  {busy === `remove:${slot.seriesId}` ? 'Removing…' : 'Remove'}
                  <span className="sr-only"> {slot.series.title}</span>
                </Button>
                {failure?.key === `remove:${slot.seriesId}` ? <ErrorLine>{failure.message}</ErrorLine> : null}
              </Card>
            ))}
          </ol>
        )}
      </section>

      <Card as="section" aria-labelledby="feature-heading" className="max-w-2xl">
        <h2 id="feature-heading" className="text-lg font-semibold text-ink">
          Feature a series
        </h2>
        {candidates.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">
            Every published series is featured already, or none is published yet.
          </p>
        ) : (
          <form
            noValidate
            className="mt-4 grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              void onFeature();
            }}
          >
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_9rem]">
              <SelectField
                label="Published series"
                name="seriesId"
                value={seriesId}
                onChange={(e) => setSeriesId(e.target.value)}
                error={fieldErrors.seriesId}
              >
                <option value="">Choose a series</option>
                {candidates.map((series) => (
                  <option key={series.id} value={series.id}>
                    {series.title} — {series.creator.displayName}
                  </option>
                ))}
              </SelectField>
              <Field
                label="Position"
                name="position"
                type="number"
                inputMode="numeric"
                min={1}
                max={50}
                placeholder={String(nextPosition)}
                value={position}
                onChange={(e) => setPosition(e.target.value)}
                hint="1 is first on the home page."
                error={fieldErrors.position}
              />
            </div>
            {failure?.key === 'feature' ? <FormAlert>{failure.message}</FormAlert> : null}
            <div>
              <Button type="submit" disabled={busy !== null}>
                {busy === 'feature' ? 'Featuring…' : 'Feature series'}
              </Button>
            </div>
          </form>
        )}
      </Card>
    </div>
  );
}
