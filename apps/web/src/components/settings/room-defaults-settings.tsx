'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROOM_VISIBILITIES, type RoomDefaults } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { ROOM_VISIBILITY_LABELS, sameSettings } from '@/profile/settings-options';
import { useTRPC } from '@/trpc/react';
import { CheckboxField, SelectField } from '../forms/choice-fields';
import { FormAlert } from '../forms/form-alert';
import { SettingsSection } from './settings-section';

/** Settings > Room defaults: what a new room starts with when you create it. */
export function RoomDefaultsSettings() {
  const { status } = useAuth();
  if (status !== 'signed-in') return null;
  return (
    <SettingsSection id="room-defaults" title="Room defaults" description="New rooms you create start with these; you can still change them for each room.">
      <RoomDefaultsForm />
    </SettingsSection>
  );
}

function RoomDefaultsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const [draft, setDraft] = useState<RoomDefaults | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), next);
        setDraft(null);
        setNotice({ tone: 'success', text: 'Your room defaults are saved.' });
      },
      onError: (err) => setNotice({ tone: 'error', text: err.message || 'Your defaults could not be saved. Please try again.' }),
    }),
  );

  if (settings.isPending) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        Loading your defaults…
      </p>
    );
  }
  if (settings.isError || !settings.data) return <FormAlert>Your room defaults could not be loaded. Please try again in a moment.</FormAlert>;

  const saved = settings.data.roomDefaults;
  const current = draft ?? saved;
  const change = (patch: Partial<RoomDefaults>) => {
    setNotice(null);
    setDraft({ ...current, ...patch });
  };
  return (
    <form
      className="grid max-w-md gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        setNotice(null);
        update.mutate({ roomDefaults: current });
      }}
    >
      <SelectField
        name="roomDefaults-visibility"
        label="Who can join new rooms"
        value={current.visibility}
        onChange={(e) => change({ visibility: e.target.value as RoomDefaults['visibility'] })}
      >
        {ROOM_VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {ROOM_VISIBILITY_LABELS[v]}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        name="roomDefaults-micEnabled"
        label="Microphones on in new rooms"
        hint="Members can talk as soon as they join; you can switch it off in the room."
        checked={current.micEnabled}
        onChange={(e) => change({ micEnabled: e.target.checked })}
      />
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
      <div>
        <Button type="submit" disabled={update.isPending || sameSettings(current, saved)}>
          {update.isPending ? 'Saving…' : 'Save room defaults'}
        </Button>
      </div>
    </form>
  );
}
