'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyGuildError } from '@/components/guilds/apply-guild-error';
import { Dialog } from '@/components/dialog';
import { FormActions } from '@/components/forms/form-actions';
import { FormAlert } from '@/components/forms/form-alert';
import { seriesDefaults, seriesForm } from '@/studio/forms';
import { useStudioActions } from '@/studio/use-studio-actions';
import { SeriesFields, type SeriesFormApi } from './series-fields';

export function NewSeriesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New series"
      description="It starts as a draft that only you see. Add seasons and episodes next."
      size="lg"
    >
      <NewSeriesForm onCancel={onClose} />
    </Dialog>
  );
}

/** A new series is always a draft: the create input has no status. */
function withoutStatus<T extends { status?: unknown }>({ status: _status, ...rest }: T): Omit<T, 'status'> {
  return rest;
}

function NewSeriesForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const actions = useStudioActions();
  const form: SeriesFormApi = useForm<z.input<typeof seriesForm>, unknown, z.output<typeof seriesForm>>({
    resolver: zodResolver(seriesForm),
    defaultValues: seriesDefaults(),
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run('series:create', (client) =>
      client.studio.createSeries.mutate(withoutStatus(values)),
    );
    if (result.ok) router.push(`/studio/series/${result.data.id}`);
    else applyGuildError(form, result.error);
  });

  const busy = isSubmitting || (isSubmitSuccessful && !errors.root && Object.keys(errors).length === 0);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <SeriesFields form={form} autoFocus />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <FormActions onCancel={onCancel} busy={busy} busyLabel="Creating…" submitLabel="Create series" />
    </form>
  );
}
