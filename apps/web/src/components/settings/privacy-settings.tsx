'use client';

import { useQueryClient } from '@tanstack/react-query';
import { AUDIENCES, FRIEND_REQUEST_POLICIES, type PrivacySettings as Privacy } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useAuth } from '@/auth/auth-provider';
import {
  AUDIENCE_FIELDS,
  AUDIENCE_LABELS,
  PRESENCE_LABELS,
  sameSettings,
  WHO_CAN_FRIEND_LABELS,
} from '@/profile/settings-options';
import { useSettingsPart } from '@/settings/use-settings-part';
import { useTRPC } from '@/trpc/react';
import { CheckboxField, SelectField } from '../forms/choice-fields';
import { FormAlert } from '../forms/form-alert';
import { SettingsLoading, SettingsSection } from './settings-section';

/** Settings > Privacy: who sees which part of the profile, who finds and friends you, who sees you online. */
export function PrivacySettings() {
  const { status } = useAuth();
  if (status !== 'signed-in') return null;
  return (
    <SettingsSection
      id="privacy"
      title="Privacy"
      description="The server applies these everywhere your profile appears: the profile page, search and friends' lists."
    >
      <PrivacyForm />
    </SettingsSection>
  );
}

function PrivacyForm() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const part = useSettingsPart('privacy', { saved: 'Your privacy choices are saved.' }, () => {
    void queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
  });
  if (part.status === 'loading') return <SettingsLoading />;
  if (part.status === 'error' || !part.current || !part.saved) {
    return <FormAlert>Your privacy settings could not be loaded. Please try again in a moment.</FormAlert>;
  }
  const { current, saved, notice } = part;
  const change = (patch: Partial<Privacy>) => part.edit({ ...current, ...patch });

  return (
    <form
      className="grid max-w-2xl gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        part.save(current);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {AUDIENCE_FIELDS.map((field) => (
          <SelectField
            key={field.key}
            name={`privacy-${field.key}`}
            label={field.label}
            hint={field.hint}
            value={current[field.key]}
            onChange={(e) => change({ [field.key]: e.target.value as Privacy[typeof field.key] })}
          >
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {AUDIENCE_LABELS[a]}
              </option>
            ))}
          </SelectField>
        ))}
        <SelectField
          name="privacy-whoCanFriend"
          label="Who can send me friend requests"
          value={current.whoCanFriend}
          onChange={(e) => change({ whoCanFriend: e.target.value as Privacy['whoCanFriend'] })}
        >
          {FRIEND_REQUEST_POLICIES.map((p) => (
            <option key={p} value={p}>
              {WHO_CAN_FRIEND_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="privacy-presence"
          label="Who sees when I'm online"
          hint="And which room you are watching, when they may see that room."
          value={current.presence}
          onChange={(e) => change({ presence: e.target.value as Privacy['presence'] })}
        >
          {(['friends', 'nobody'] as const).map((p) => (
            <option key={p} value={p}>
              {PRESENCE_LABELS[p]}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField
        name="privacy-searchable"
        label="Let people find me in search"
        hint="By username or display name. Friends can always find you in your friend list."
        checked={current.searchable}
        onChange={(e) => change({ searchable: e.target.checked })}
      />
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
      <div>
        <Button type="submit" disabled={part.saving || sameSettings(current, saved)}>
          {part.saving ? 'Saving…' : 'Save privacy'}
        </Button>
      </div>
    </form>
  );
}
