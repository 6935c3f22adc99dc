import { roomSettingsPatch } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import {
  changedSettings,
  changedSyncSettings,
  settingsFormSchema,
  settingsValues,
  syncSettingsValues,
} from './room-settings';
import { room } from './test-fixtures';

describe('room settings', () => {
  const current = room({ name: 'Movie night', maxMembers: 10, isLocked: false, slowMode: false });

  it('starts from the room as it is', () => {
    expect(settingsValues(current)).toEqual({
      name: 'Movie night',
      visibility: 'public',
      maxMembers: 10,
      playbackControl: 'leader',
      chatMode: 'all',
      isLocked: false,
      slowMode: false,
    });
  });

  it('sends only what changed', () => {
    const patch = changedSettings(current, { ...settingsValues(current), maxMembers: 20, slowMode: true });
    expect(patch).toEqual({ maxMembers: 20, slowMode: true });
    expect(roomSettingsPatch.safeParse(patch).success).toBe(true);
  });

  it('is null when nothing changed', () => {
    expect(changedSettings(current, settingsValues(current))).toBeNull();
    expect(changedSettings(current, {})).toBeNull();
  });
});

describe('sync settings', () => {
  const settings = { waitForEveryone: true, maxWaitMs: 6_000 };

  it('shows the longest wait in seconds', () => {
    expect(syncSettingsValues(settings)).toEqual({ waitForEveryone: true, maxWaitSec: 6 });
  });

  it('sends only what changed, or nothing', () => {
    expect(changedSyncSettings(settings, { waitForEveryone: false, maxWaitSec: 6 })).toEqual({
      waitForEveryone: false,
    });
    expect(changedSyncSettings(settings, { waitForEveryone: true, maxWaitSec: 12 })).toEqual({
      maxWaitSec: 12,
    });
    expect(changedSyncSettings(settings, syncSettingsValues(settings))).toBeNull();
  });

  it('checks the longest wait as the socket payload does', () => {
    const base = { ...settingsValues(room()), waitForEveryone: true };
    expect(settingsFormSchema.safeParse({ ...base, maxWaitSec: '8' }).data?.maxWaitSec).toBe(8);
    const tooLong = settingsFormSchema.safeParse({ ...base, maxWaitSec: '45' });
    expect(tooLong.error?.issues[0]?.message).toBe('Pick a maximum wait between 0 and 30 seconds.');
    const fraction = settingsFormSchema.safeParse({ ...base, maxWaitSec: '2.5' });
    expect(fraction.error?.issues[0]?.message).toBe('Pick a whole number of seconds.');
  });
});
