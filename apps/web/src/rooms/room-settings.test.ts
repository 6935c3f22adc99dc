import { roomSettingsPatch } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { changedSettings, settingsValues } from './room-settings';
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
