'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { changeContentPayload } from '@wt/schemas';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { RoomActions } from '@/rooms/use-room';
import { Dialog } from '../dialog';
import { FormActions } from '../forms/form-actions';
import { FormAlert } from '../forms/form-alert';
import { ContentUrlField } from './content-url-field';

const changeContentForm = changeContentPayload.pick({ url: true });
type ChangeContentValues = z.input<typeof changeContentForm>;

/** A new link for the room to play; the room sees a "content changed" line. */
export function ChangeContentDialog({
  open,
  onClose,
  changeContent,
}: {
  open: boolean;
  onClose: () => void;
  changeContent: RoomActions['changeContent'];
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Change what plays"
      description="Everyone in the room switches to the new link."
    >
      <ChangeContentForm onDone={onClose} changeContent={changeContent} />
    </Dialog>
  );
}

function ChangeContentForm({
  onDone,
  changeContent,
}: {
  onDone: () => void;
  changeContent: RoomActions['changeContent'];
}) {
  const form = useForm<ChangeContentValues, unknown, z.output<typeof changeContentForm>>({
    resolver: zodResolver(changeContentForm),
    defaultValues: { url: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ url }) => {
    const result = await changeContent(url);
    if (!result.ok) return form.setError('root.server', { type: 'server', message: result.error.message });
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <ContentUrlField
        field={form.register('url')}
        value={form.watch('url')}
        error={errors.url?.message}
        autoFocus
      />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <FormActions onCancel={onDone} busy={isSubmitting} busyLabel="Changing…" submitLabel="Play this" />
    </form>
  );
}
