'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { createRoomInput, guildRoleMay, LIMITS } from '@wt/schemas';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CHAT_MODE_OPTIONS, PLAYBACK_OPTIONS, VISIBILITY_OPTIONS } from '@/rooms/room-options';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useTRPC } from '@/trpc/react';
import { Dialog } from '../dialog';
import { CheckboxField, RadioCards } from '../forms/choice-fields';
import { Field } from '../forms/field';
import { FormActions } from '../forms/form-actions';
import { FormAlert } from '../forms/form-alert';
import { ContentUrlField } from './content-url-field';

type CreateRoomValues = z.input<typeof createRoomInput>;

const DEFAULTS: CreateRoomValues = {
  name: '',
  contentUrl: '',
  visibility: 'friends',
  maxMembers: LIMITS.roomMembersDefault,
  micEnabled: false,
  playbackControl: 'leader',
  chatMode: 'all',
  guildId: null,
};

/** `asGuildRoom`: opened from a guild's page, so "Guild room" starts ticked. */
export function CreateRoomDialog({
  open,
  onClose,
  asGuildRoom = false,
}: {
  open: boolean;
  onClose: () => void;
  asGuildRoom?: boolean;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create a room"
      description="Pick what to watch and who may join. You can change the settings later."
      size="lg"
    >
      <CreateRoomForm onCancel={onClose} asGuildRoom={asGuildRoom} />
    </Dialog>
  );
}

function CreateRoomForm({ onCancel, asGuildRoom }: { onCancel: () => void; asGuildRoom: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.rooms.create.mutationOptions());
  const form = useForm<CreateRoomValues, unknown, z.output<typeof createRoomInput>>({
    resolver: zodResolver(createRoomInput),
    defaultValues: DEFAULTS,
  });
  const { errors, isSubmitting } = form.formState;
  // Settings > Room defaults: the form takes them once they are known, unless the fields were changed.
  const roomDefaults = useQuery(trpc.settings.get.queryOptions()).data?.roomDefaults;
  useEffect(() => {
    if (!roomDefaults) return;
    if (form.getValues('visibility') === DEFAULTS.visibility) form.setValue('visibility', roomDefaults.visibility);
    if (form.getValues('micEnabled') === DEFAULTS.micEnabled) form.setValue('micEnabled', roomDefaults.micEnabled);
  }, [roomDefaults, form]);

  // Officers and the leader may link the room to their guild: its members see it in their lobby.
  const myGuild = useQuery(trpc.guilds.mine.queryOptions()).data?.guild;
  const guildForRooms = myGuild && guildRoleMay(myGuild.myRole, 'manageRooms') ? myGuild : null;
  useEffect(() => {
    if (asGuildRoom && guildForRooms && form.getValues('guildId') === null) form.setValue('guildId', guildForRooms.id);
  }, [asGuildRoom, guildForRooms, form]);
  const guildId = form.watch('guildId');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const room = await create.mutateAsync(values);
      router.push(`/rooms/${room.id}`);
    } catch (error) {
      form.setError('root.server', { type: 'server', message: roomErrorOf(error).message });
    }
  });

  const busy = isSubmitting || create.isSuccess;
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
      <ContentUrlField
        field={form.register('contentUrl')}
        value={form.watch('contentUrl')}
        error={errors.contentUrl?.message}
      />
      <RadioCards
        legend="Who can join"
        options={VISIBILITY_OPTIONS}
        field={form.register('visibility')}
        error={errors.visibility?.message}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          label="Seats"
          type="number"
          inputMode="numeric"
          min={LIMITS.roomMembersMin}
          max={LIMITS.roomMembersMax}
          hint={`From ${LIMITS.roomMembersMin} to ${LIMITS.roomMembersMax} people, you included.`}
          error={errors.maxMembers?.message}
          {...form.register('maxMembers')}
        />
        <CheckboxField
          label="Microphones on"
          hint="Members can talk to each other by voice."
          className="sm:pt-8"
          {...form.register('micEnabled')}
        />
      </div>
      <RadioCards
        legend="Who controls playback"
        options={PLAYBACK_OPTIONS}
        columns={2}
        field={form.register('playbackControl')}
      />
      <RadioCards legend="Who can chat" options={CHAT_MODE_OPTIONS} field={form.register('chatMode')} />
      {guildForRooms ? (
        <CheckboxField
          label="Guild room"
          name="guildRoom"
          hint={`Linked to ${guildForRooms.name}: its members see it on the guild page and in their lobby.`}
          checked={guildId === guildForRooms.id}
          onChange={(e) => form.setValue('guildId', e.target.checked ? guildForRooms.id : null)}
        />
      ) : null}
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <FormActions onCancel={onCancel} busy={busy} busyLabel="Creating…" submitLabel="Create room" />
    </form>
  );
}
