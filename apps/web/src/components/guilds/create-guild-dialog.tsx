'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { GUILD_DESCRIPTION_MAX, GUILD_NAME_MAX } from '@wt/schemas';
import { useRouter } from 'next/navigation';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import {
  GUILD_VISIBILITY_OPTIONS,
  guildFormDefaults,
  guildFormSchema,
  toGuildInput,
  type GuildFormValues,
} from '@/guilds/forms';
import { useGuildActions } from '@/guilds/use-guild-actions';
import { Dialog } from '../dialog';
import { RadioCards } from '../forms/choice-fields';
import { Field } from '../forms/field';
import { FormActions } from '../forms/form-actions';
import { FormAlert } from '../forms/form-alert';
import { TextareaField } from '../forms/textarea-field';
import { applyGuildError } from './apply-guild-error';

export function CreateGuildDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create a guild"
      description="You lead it: invite friends, name officers and post challenges. You can change all of this later."
    >
      <CreateGuildForm onCancel={onClose} />
    </Dialog>
  );
}

function CreateGuildForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const actions = useGuildActions();
  const form = useForm<GuildFormValues, unknown, z.output<typeof guildFormSchema>>({
    resolver: zodResolver(guildFormSchema),
    defaultValues: guildFormDefaults(),
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run('create', (client) => client.guilds.create.mutate(toGuildInput(values)));
    if (result.ok) router.push(`/guilds/${result.data.id}`);
    else applyGuildError(form, result.error);
  });

  const busy = isSubmitting || (isSubmitSuccessful && !errors.root);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <GuildFields form={form} autoFocus />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <FormActions onCancel={onCancel} busy={busy} busyLabel="Creating…" submitLabel="Create guild" />
    </form>
  );
}

/** Name, description and who can join: the create dialog and the leader's settings share them. */
export function GuildFields({
  form,
  autoFocus = false,
}: {
  form: UseFormReturn<GuildFormValues, unknown, z.output<typeof guildFormSchema>>;
  autoFocus?: boolean;
}) {
  const { errors } = form.formState;
  const descriptionLength = form.watch('description')?.length ?? 0;
  return (
    <>
      <Field
        label="Guild name"
        autoComplete="off"
        maxLength={GUILD_NAME_MAX}
        autoFocus={autoFocus}
        hint="Letters, digits and spaces; it must not be taken."
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextareaField
        label="Description"
        maxLength={GUILD_DESCRIPTION_MAX}
        hint={`What your guild watches, when you meet. ${descriptionLength}/${GUILD_DESCRIPTION_MAX} characters.`}
        error={errors.description?.message}
        {...form.register('description')}
      />
      <RadioCards
        legend="Who can join"
        options={GUILD_VISIBILITY_OPTIONS}
        columns={2}
        field={form.register('visibility')}
        error={errors.visibility?.message}
      />
    </>
  );
}
