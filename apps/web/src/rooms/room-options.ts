import type { CHAT_MODES, PLAYBACK_CONTROLS, RoomVisibility } from '@wt/schemas';

/** The choices of a room's settings as the create and settings dialogs show them. */

export interface Option<T extends string> {
  value: T;
  label: string;
  hint: string;
}

export const VISIBILITY_OPTIONS: readonly Option<RoomVisibility>[] = [
  { value: 'public', label: 'Public', hint: 'Listed in the lobby; anyone signed in can join.' },
  { value: 'friends', label: 'Friends', hint: 'Your friends see it in the lobby and can join.' },
  { value: 'private', label: 'Private', hint: 'Only people with an invite link can join.' },
];

export const PLAYBACK_OPTIONS: readonly Option<(typeof PLAYBACK_CONTROLS)[number]>[] = [
  { value: 'leader', label: 'Leader only', hint: 'Only the leader plays, pauses and seeks.' },
  { value: 'any', label: 'Anyone', hint: 'Every member can play, pause and seek.' },
];

export const CHAT_MODE_OPTIONS: readonly Option<(typeof CHAT_MODES)[number]>[] = [
  { value: 'all', label: 'Everyone', hint: 'Every member can chat.' },
  { value: 'mods', label: 'Moderators', hint: 'Only the leader and moderators can chat.' },
  { value: 'off', label: 'Off', hint: 'Nobody can chat.' },
];

export function optionLabel<T extends string>(options: readonly Option<T>[], value: T): string {
  return options.find((o) => o.value === value)?.label ?? value;
}
