'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { guildDisbandInput, guildRoleMay, type GuildDetail } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { guildFormDefaults, guildFormSchema, toGuildInput, type GuildFormValues } from '@/guilds/forms';
import type { GuildActions } from '@/guilds/use-guild-actions';
import { useTRPC } from '@/trpc/react';
import { Dialog } from '../dialog';
import { Field } from '../forms/field';
import { FormActions } from '../forms/form-actions';
import { FormAlert } from '../forms/form-alert';
import { PanelSection } from '../panel-section';
import { AvatarUpload, type AvatarUploadText } from '../profile/avatar-upload';
import { applyGuildError } from './apply-guild-error';
import { GuildFields } from './create-guild-dialog';

/** The leader's settings: name, description, who can join, the picture, and disbanding. */
export function GuildSettings({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  return (
    <PanelSection id="settings-heading" title="Guild settings">
      <div className="grid gap-8">
        {guildRoleMay(guild.myRole, 'edit') ? <GuildAvatarEditor guild={guild} /> : null}
        {guildRoleMay(guild.myRole, 'edit') ? <EditGuildForm guild={guild} actions={actions} /> : null}
        {guildRoleMay(guild.myRole, 'disband') ? <DisbandGuild guild={guild} actions={actions} /> : null}
      </div>
    </PanelSection>
  );
}

function EditGuildForm({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<GuildFormValues, unknown, z.output<typeof guildFormSchema>>({
    resolver: zodResolver(guildFormSchema),
    defaultValues: guildFormDefaults(guild),
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await actions.run('update', (c) =>
      c.guilds.update.mutate({ guildId: guild.id, ...toGuildInput(values) }),
    );
    if (!result.ok) return applyGuildError(form, result.error);
    form.reset(guildFormDefaults(result.data));
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label="Edit the guild">
      <GuildFields form={form} />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      {saved ? <FormAlert tone="success">The guild is saved.</FormAlert> : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}

const GUILD_PICTURE_TEXT: AvatarUploadText = {
  upload: 'Upload a picture',
  change: 'Change picture',
  remove: 'Remove picture',
  tooLargeSubject: 'Guild pictures',
  saved: 'The new guild picture is saved.',
  removed: 'The guild picture is removed.',
};

function GuildAvatarEditor({ guild }: { guild: GuildDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <AvatarUpload
      path={`/api/guilds/${guild.id}/avatar`}
      url={guild.avatarUrl}
      name={guild.name}
      text={GUILD_PICTURE_TEXT}
      onSaved={() => void queryClient.invalidateQueries({ queryKey: trpc.guilds.pathKey() })}
    />
  );
}

function DisbandGuild({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="grid gap-2 rounded-2xl border border-red-200 p-4 dark:border-red-900/60">
      <h3 className="text-sm font-semibold text-ink">Disband the guild</h3>
      <p className="text-sm text-ink-muted">
        Everyone leaves, the chat and challenges are deleted and the name is free again. This cannot be
        undone.
      </p>
      <div>
        <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
          Disband guild
        </Button>
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Disband ${guild.name}?`}
        description="This cannot be undone. Type the guild’s name to confirm."
      >
        <DisbandForm guild={guild} actions={actions} onCancel={() => setOpen(false)} />
      </Dialog>
    </div>
  );
}

function DisbandForm({
  guild,
  actions,
  onCancel,
}: {
  guild: GuildDetail;
  actions: GuildActions;
  onCancel: () => void;
}) {
  const router = useRouter();
  const form = useForm<z.input<typeof guildDisbandInput>, unknown, z.output<typeof guildDisbandInput>>({
    resolver: zodResolver(guildDisbandInput),
    defaultValues: { guildId: guild.id, confirmName: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run('disband', (c) => c.guilds.disband.mutate(values));
    if (result.ok) router.push('/guilds');
    else applyGuildError(form, result.error);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <Field
        label="Guild name"
        autoComplete="off"
        autoFocus
        placeholder={guild.name}
        error={errors.confirmName?.message}
        {...form.register('confirmName')}
      />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <FormActions
        onCancel={onCancel}
        cancelLabel="Keep the guild"
        variant="danger"
        busy={isSubmitting}
        busyLabel="Disbanding…"
        submitLabel="Disband for good"
      />
    </form>
  );
}
