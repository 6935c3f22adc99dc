'use client';

import { ROOM_VISIBILITIES, type RoomDefaults } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useAuth } from '@/auth/auth-provider';
import { ROOM_VISIBILITY_LABELS, sameSettings } from '@/profile/settings-options';
import { useSettingsPart } from '@/settings/use-settings-part';
import { CheckboxField, SelectField } from '../forms/choice-fields';
import { FormAlert } from '../forms/form-alert';
import { SettingsLoading, SettingsSection } from './settings-section';

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
  const part = useSettingsPart('roomDefaults', { saved: 'Your room defaults are saved.' });
  if (part.status === 'loading') return <SettingsLoading />;
  if (part.status === 'error' || !part.current || !part.saved) {
    return <FormAlert>Your room defaults could not be loaded. Please try again in a moment.</FormAlert>;
  }
  const { current, saved, notice } = part;
  const change = (patch: Partial<RoomDefaults>) => part.edit({ ...current, ...patch });
  return (
    <form
      className="grid max-w-md gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        part.save(current);
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
        <Button type="submit" disabled={part.saving || sameSettings(current, saved)}>
          {part.saving ? 'Saving…' : 'Save room defaults'}
        </Button>
      </div>
    </form>
  );
}
