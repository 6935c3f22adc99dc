import type { roomSettingsPatch, RoomDetail } from '@wt/schemas';
import type { z } from 'zod';

/** The settings dialog: its starting values and the patch of what actually changed. */

export type RoomSettingsValues = Required<z.output<typeof roomSettingsPatch>>;
export type RoomSettingsChange = z.input<typeof roomSettingsPatch>;

export function settingsValues(room: RoomDetail): RoomSettingsValues {
  return {
    name: room.name,
    visibility: room.visibility,
    maxMembers: room.maxMembers,
    playbackControl: room.playbackControl,
    chatMode: room.chatMode,
    isLocked: room.isLocked,
    slowMode: room.slowMode,
  };
}

/** Only the fields that differ from the room (the server refuses an empty patch); null when none do. */
export function changedSettings(
  room: RoomDetail,
  values: Partial<RoomSettingsValues>,
): RoomSettingsChange | null {
  const current = settingsValues(room);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(current) as Array<keyof RoomSettingsValues>) {
    const value = values[key];
    if (value !== undefined && value !== current[key]) patch[key] = value;
  }
  return Object.keys(patch).length > 0 ? (patch as RoomSettingsChange) : null;
}
