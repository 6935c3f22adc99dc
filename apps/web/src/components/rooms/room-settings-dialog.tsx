'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { LIMITS, SLOW_MODE_SECONDS, type RoomDetail, type SyncSettings } from '@wt/schemas';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CHAT_MODE_OPTIONS, PLAYBACK_OPTIONS, VISIBILITY_OPTIONS } from '@/rooms/room-options';
import {
  changedSettings,
  changedSyncSettings,
  settingsFormSchema,
  settingsValues,
  syncSettingsValues,
} from '@/rooms/room-settings';
import type { RoomActions } from '@/rooms/use-room';
import { Dialog } from '../dialog';
import { CheckboxField, RadioCards } from '../forms/choice-fields';
import { Field } from '../forms/field';
import { FormActions } from '../forms/form-actions';
import { FormAlert } from '../forms/form-alert';

type SettingsValues = z.input<typeof settingsFormSchema>;

/** The leader's room settings; only what changed is sent, and everyone sees the new settings at once. */
export function RoomSettingsDialog({
  open,
  onClose,
  room,
  syncSettings,
  update,
  updateSync,
}: {
  open: boolean;
  onClose: () => void;
  room: RoomDetail;
  syncSettings: SyncSettings;
  update: RoomActions['update'];
  updateSync: RoomActions['syncSettings'];
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Room settings" size="lg">
      <SettingsForm
        room={room}
        syncSettings={syncSettings}
        update={update}
        updateSync={updateSync}
        onDone={onClose}
      />
    </Dialog>
  );
}

function SettingsForm({
  room,
  syncSettings,
  update,
  updateSync,
  onDone,
}: {
  room: RoomDetail;
  syncSettings: SyncSettings;
  update: RoomActions['update'];
  updateSync: RoomActions['syncSettings'];
  onDone: () => void;
}) {
  const form = useForm<SettingsValues, unknown, z.output<typeof settingsFormSchema>>({
    resolver: zodResolver(settingsFormSchema),
    defaultValues: { ...settingsValues(room), ...syncSettingsValues(syncSettings) },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ waitForEveryone: wait, maxWaitSec, ...values }) => {
    const patch = changedSettings(room, values);
    const syncChange = changedSyncSettings(syncSettings, { waitForEveryone: wait, maxWaitSec });
    if (patch) {
      const result = await update(patch);
      if (!result.ok) return form.setError('root.server', { type: 'server', message: result.error.message });
    }
    if (syncChange) {
      const result = await updateSync(syncChange);
      if (!result.ok) return form.setError('root.server', { type: 'server', message: result.error.message });
    }
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <Field
        label="Room name"
        autoComplete="off"
        maxLength={60}
        autoFocus
        error={errors.name?.message}
        {...form.register('name')}
      />
      <RadioCards legend="Who can join" options={VISIBILITY_OPTIONS} field={form.register('visibility')} />
      <Field
        label="Seats"
        type="number"
        inputMode="numeric"
        min={LIMITS.roomMembersMin}
        max={LIMITS.roomMembersMax}
        hint={`From ${LIMITS.roomMembersMin} to ${LIMITS.roomMembersMax} people. People already in stay.`}
        error={errors.maxMembers?.message}
        className="max-w-xs"
        {...form.register('maxMembers')}
      />
      <RadioCards
        legend="Who controls playback"
        options={PLAYBACK_OPTIONS}
        columns={2}
        field={form.register('playbackControl')}
      />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1.5 text-sm font-medium text-ink">When someone&apos;s video stalls</legend>
        <CheckboxField
          label="Wait for everyone"
          hint="The room pauses until everyone has caught up, for at most the longest wait."
          {...form.register('waitForEveryone')}
        />
        <Field
          label="Longest wait (seconds)"
          type="number"
          inputMode="numeric"
          min={0}
          max={30}
          hint="From 0 to 30. After it, the room goes on and the slow viewer catches up."
          error={errors.maxWaitSec?.message}
          className="max-w-xs"
          {...form.register('maxWaitSec')}
        />
      </fieldset>
      <RadioCards legend="Who can chat" options={CHAT_MODE_OPTIONS} field={form.register('chatMode')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <CheckboxField
          label="Lock the room"
          hint="Nobody new can join; people inside stay."
          {...form.register('isLocked')}
        />
        <CheckboxField
          label="Slow chat"
          hint={`One message per person every ${SLOW_MODE_SECONDS} seconds.`}
          {...form.register('slowMode')}
        />
      </div>
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <FormActions onCancel={onDone} busy={isSubmitting} busyLabel="Saving…" submitLabel="Save settings" />
    </form>
  );
}
