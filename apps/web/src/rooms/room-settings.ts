import { roomSettingsPatch, syncSettingsPayload, type RoomDetail, type SyncSettings } from '@wt/schemas';
import { z } from 'zod';

/**
 * The settings dialog: its starting values and the patches of what actually changed. The room's
 * settings go out as `room:update`, the playback sync settings (wait for everyone, longest wait) as
 * `video:sync_settings`.
 */

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

/** The dialog's form: the room settings and the sync settings, each field checked by its schema. */
export const settingsFormSchema = z.object({
  ...roomSettingsPatch.shape,
  waitForEveryone: z.boolean(),
  // A number field gives text: coerced, then held to the socket payload's own rule.
  maxWaitSec: z.coerce
    .number({ message: 'Pick a maximum wait in seconds.' })
    .pipe(syncSettingsPayload.shape.maxWaitSec.unwrap()),
});

export interface SyncSettingsValues {
  waitForEveryone: boolean;
  maxWaitSec: number;
}

export function syncSettingsValues(settings: SyncSettings): SyncSettingsValues {
  return { waitForEveryone: settings.waitForEveryone, maxWaitSec: Math.round(settings.maxWaitMs / 1000) };
}

/** The `video:sync_settings` change (without the room id), or null when nothing changed. */
export function changedSyncSettings(
  settings: SyncSettings,
  values: Partial<SyncSettingsValues>,
): Partial<SyncSettingsValues> | null {
  const current = syncSettingsValues(settings);
  const change: Partial<SyncSettingsValues> = {};
  if (values.waitForEveryone !== undefined && values.waitForEveryone !== current.waitForEveryone) {
    change.waitForEveryone = values.waitForEveryone;
  }
  if (values.maxWaitSec !== undefined && values.maxWaitSec !== current.maxWaitSec) {
    change.maxWaitSec = values.maxWaitSec;
  }
  return Object.keys(change).length > 0 ? change : null;
}
