import { readUserSettings, type NotificationChannels, type NotificationType } from '@wt/schemas';

/** Where a person wants a type of notification, from users.settings as stored (defaults fill gaps). */
export function channelsFor(rawSettings: unknown, type: NotificationType): NotificationChannels {
  return readUserSettings(rawSettings).notifications[type];
}
