'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { StudioSeries } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { RadioCards } from '@/components/forms/choice-fields';
import { FormAlert } from '@/components/forms/form-alert';
import { applyGuildError } from '@/components/guilds/apply-guild-error';
import { seriesEditDefaults, seriesForm } from '@/studio/forms';
import { SERIES_STATUS_OPTIONS } from '@/studio/status-labels';
import { useStudioActions } from '@/studio/use-studio-actions';
import { SeriesFields, type SeriesFormApi } from './series-fields';

/** Edits a series' details and who can see it; the API decides (a taken address, nothing to publish). */
export function SeriesDetailsForm({ series }: { series: StudioSeries }) {
  const actions = useStudioActions();
  const [saved, setSaved] = useState(false);
  const form: SeriesFormApi = useForm<z.input<typeof seriesForm>, unknown, z.output<typeof seriesForm>>({
    resolver: zodResolver(seriesForm),
    defaultValues: seriesEditDefaults(series),
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await actions.run('series:update', (client) =>
      client.studio.updateSeries.mutate({ seriesId: series.id, ...values }),
    );
    if (!result.ok) return applyGuildError(form, result.error);
    form.reset(seriesEditDefaults(result.data));
    setSaved(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <SeriesFields form={form} />
      <RadioCards
        legend="Status"
        options={SERIES_STATUS_OPTIONS}
        field={form.register('status')}
        error={errors.status?.message}
      />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      {saved && !form.formState.isDirty ? <FormAlert tone="success">Series saved.</FormAlert> : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save series'}
        </Button>
      </div>
    </form>
  );
}
