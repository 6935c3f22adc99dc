import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationPreferences,
  type NotificationType,
} from '@wt/schemas';

/** The rows of Settings > Notifications, in the order people think of them. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, { label: string; hint: string }> = {
  friend_request: { label: 'Friend requests', hint: 'Someone wants to be your friend.' },
  friend_accepted: { label: 'Accepted requests', hint: 'Someone accepted your friend request.' },
  room_invite: { label: 'Room invites', hint: 'A friend invites you into a watch room.' },
  guild_invite: { label: 'Guild invites', hint: 'Invitations to a guild, and requests to join yours.' },
  guild_event: { label: 'Guild events', hint: 'New events and news in your guild.' },
  leaderboard_result: { label: 'Leaderboard results', hint: 'Where you finished when a board resets.' },
  level_up: { label: 'Level ups', hint: 'You reached a new level.' },
};

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  inApp: 'In the app',
  push: 'Push',
  email: 'Email',
};

export const PREFERENCE_ROWS: readonly NotificationType[] = NOTIFICATION_TYPES;
export const PREFERENCE_COLUMNS: readonly NotificationChannel[] = NOTIFICATION_CHANNELS;

/** The preferences with one box changed (a new object: the form compares to what is saved). */
export function withChannel(
  preferences: NotificationPreferences,
  type: NotificationType,
  channel: NotificationChannel,
  on: boolean,
): NotificationPreferences {
  return { ...preferences, [type]: { ...preferences[type], [channel]: on } };
}

export function samePreferences(a: NotificationPreferences, b: NotificationPreferences): boolean {
  return PREFERENCE_ROWS.every((t) => PREFERENCE_COLUMNS.every((c) => a[t][c] === b[t][c]));
}
