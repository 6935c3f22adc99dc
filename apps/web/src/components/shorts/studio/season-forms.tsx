'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { StudioSeries } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { applyGuildError } from '@/components/guilds/apply-guild-error';
import { grantAccessForm, priceCentsOf, renameFields, seasonDefaults, seasonForm } from '@/studio/forms';
import type { StudioActions } from '@/studio/use-studio-actions';

type Season = StudioSeries['seasons'][number];
type SeasonValues = z.input<typeof seasonForm>;

const PRICE_HINT = 'In dollars, like 4.99. Unlocking is not open yet: payments come later.';

/** Title and price share one row; the API's `priceCents` errors belong under "Price". */
function SeasonFields({
  form,
}: {
  form: ReturnType<typeof useForm<SeasonValues, unknown, z.output<typeof seasonForm>>>;
}) {
  const { errors } = form.formState;
  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
      <Field
        label="Season title"
        autoComplete="off"
        maxLength={80}
        hint="Optional, like “The first summer”."
        error={errors.title?.message}
        {...form.register('title')}
      />
      <Field
        label="Price (dollars)"
        inputMode="decimal"
        autoComplete="off"
        hint={PRICE_HINT}
        error={errors.price?.message}
        {...form.register('price')}
      />
    </div>
  );
}

/** Adds the next season to the series. */
export function AddSeasonForm({
  seriesId,
  nextNumber,
  actions,
}: {
  seriesId: string;
  nextNumber: number;
  actions: StudioActions;
}) {
  const form = useForm<SeasonValues, unknown, z.output<typeof seasonForm>>({
    resolver: zodResolver(seasonForm),
    defaultValues: seasonDefaults(),
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run('season:create', (client) =>
      client.studio.createSeason.mutate({
        seriesId,
        title: values.title,
        priceCents: priceCentsOf(values.price),
      }),
    );
    if (result.ok) form.reset(seasonDefaults());
    else
      applyGuildError(form, {
        ...result.error,
        fields: renameFields(result.error.fields, { priceCents: 'price' }),
      });
  });
  return (
    <Card as="section" aria-labelledby="add-season-heading" className="border-dashed">
      <h3 id="add-season-heading" className="font-semibold text-ink">
        Add season {nextNumber}
      </h3>
      <form onSubmit={onSubmit} noValidate className="mt-4 grid gap-4">
        <SeasonFields form={form} />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            {isSubmitting ? 'Adding…' : 'Add season'}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Renames a season or changes its price. */
export function SeasonSettingsForm({
  season,
  actions,
  onDone,
}: {
  season: Season;
  actions: StudioActions;
  onDone: () => void;
}) {
  const form = useForm<SeasonValues, unknown, z.output<typeof seasonForm>>({
    resolver: zodResolver(seasonForm),
    defaultValues: seasonDefaults(season),
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run(`season:${season.id}:update`, (client) =>
      client.studio.updateSeason.mutate({
        seasonId: season.id,
        title: values.title,
        priceCents: priceCentsOf(values.price),
      }),
    );
    if (result.ok) onDone();
    else
      applyGuildError(form, {
        ...result.error,
        fields: renameFields(result.error.fields, { priceCents: 'price' }),
      });
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4"
      aria-label={`Season ${season.number} settings`}
    >
      <SeasonFields form={form} />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save season'}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The series' creator (or an admin) gives someone the season's locked episodes, by username. */
export function GrantAccessForm({ season, actions }: { season: Season; actions: StudioActions }) {
  const [granted, setGranted] = useState<string | null>(null);
  const form = useForm<z.input<typeof grantAccessForm>, unknown, z.output<typeof grantAccessForm>>({
    resolver: zodResolver(grantAccessForm),
    defaultValues: { username: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ username }) => {
    setGranted(null);
    const result = await actions.run(`season:${season.id}:grant`, (client) =>
      client.studio.grantAccess.mutate({ seasonId: season.id, username }),
    );
    if (!result.ok) {
      const { error } = result;
      // "There is nobody called …" is about the one field this form has.
      const unplaced = error.code === 'VALIDATION_FAILED' && Object.keys(error.fields).length === 0;
      return applyGuildError(form, unplaced ? { ...error, fields: { username: error.message } } : error);
    }
    setGranted(`${username} can now watch every episode of season ${season.number}.`);
    form.reset({ username: '' });
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3"
      aria-label={`Grant access to season ${season.number}`}
    >
      <div className="flex flex-wrap items-start gap-2">
        <Field
          label="Grant access"
          autoComplete="off"
          spellCheck={false}
          placeholder="username"
          hint="Gives this member the season’s locked episodes, free of charge."
          error={errors.username?.message}
          className="min-w-0 flex-1"
          {...form.register('username')}
        />
        <Button type="submit" variant="outline" disabled={isSubmitting} className="mt-7">
          {isSubmitting ? 'Granting…' : 'Grant'}
        </Button>
      </div>
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      {granted ? <FormAlert tone="success">{granted}</FormAlert> : null}
    </form>
  );
}
