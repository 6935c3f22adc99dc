'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { avatarResponseSchema, guildDisbandInput, guildRoleMay, LIMITS, type GuildDetail } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { NETWORK_ERROR_MESSAGE, readApiResponse, type ApiResult } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { guildFormDefaults, guildFormSchema, toGuildInput, type GuildFormValues } from '@/guilds/forms';
import type { GuildActions } from '@/guilds/use-guild-actions';
import { useTRPC } from '@/trpc/react';
import { Dialog } from '../dialog';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { Avatar } from '../profile/avatar';
import { applyGuildError } from './apply-guild-error';
import { GuildFields } from './create-guild-dialog';
import { GuildSection } from './guild-section';

/** The leader's settings: name, description, who can join, the picture, and disbanding. */
export function GuildSettings({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  return (
    <GuildSection id="settings-heading" title="Guild settings">
      <div className="grid gap-8">
        {guildRoleMay(guild.myRole, 'edit') ? <GuildAvatarEditor guild={guild} /> : null}
        {guildRoleMay(guild.myRole, 'edit') ? <EditGuildForm guild={guild} actions={actions} /> : null}
        {guildRoleMay(guild.myRole, 'disband') ? <DisbandGuild guild={guild} actions={actions} /> : null}
      </div>
    </GuildSection>
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

type Notice = { tone: 'success' | 'error'; text: string } | null;

/** Same as the profile avatar: the API checks the bytes, crops to a square and answers the new URL. */
function GuildAvatarEditor({ guild }: { guild: GuildDetail }) {
  const { client } = useAuth();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const path = `/api/guilds/${guild.id}/avatar`;

  const send = async (init: RequestInit, success: string) => {
    setBusy(true);
    let result: ApiResult<z.infer<typeof avatarResponseSchema>>;
    try {
      result = await readApiResponse(await client.authFetch(path, init), avatarResponseSchema);
    } catch {
      result = { ok: false, error: { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE, status: 0 } };
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    if (!result.ok) return setNotice({ tone: 'error', text: result.error.message });
    setNotice({ tone: 'success', text: success });
    void queryClient.invalidateQueries({ queryKey: trpc.guilds.pathKey() });
  };

  const upload = (file: File) => {
    setNotice(null);
    // The API checks too; this saves uploading 20 MB to hear "too large".
    if (file.size > LIMITS.avatarMaxBytes) {
      return setNotice({
        tone: 'error',
        text: `Guild pictures can be at most ${LIMITS.avatarMaxBytes / (1024 * 1024)} MB. Choose a smaller image.`,
      });
    }
    const body = new FormData();
    body.append('avatar', file);
    void send({ method: 'POST', body }, 'The new guild picture is saved.');
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-4">
        <Avatar url={guild.avatarUrl} name={guild.name} size="md" />
        <div className="flex flex-wrap gap-2">
          <label
            className={buttonClasses({
              variant: 'secondary',
              size: 'sm',
              className: busy ? 'pointer-events-none opacity-50' : 'cursor-pointer',
            })}
          >
            {busy ? 'Saving…' : guild.avatarUrl ? 'Change picture' : 'Upload a picture'}
            <input
              ref={input}
              type="file"
              name="avatar"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              className="sr-only"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload(file);
              }}
            />
          </label>
          {guild.avatarUrl ? (
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => void send({ method: 'DELETE' }, 'The guild picture is removed.')}
            >
              Remove picture
            </Button>
          ) : null}
        </div>
      </div>
      <p className="text-xs text-ink-muted">
        JPEG, PNG, WebP, GIF or AVIF, up to 2 MB. We crop it to a square.
      </p>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
    </div>
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
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Keep the guild
        </Button>
        <Button type="submit" variant="danger" disabled={isSubmitting}>
          {isSubmitting ? 'Disbanding…' : 'Disband for good'}
        </Button>
      </div>
    </form>
  );
}
