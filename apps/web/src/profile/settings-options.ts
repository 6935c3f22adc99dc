import type { Audience, PrivacySettings, RoomDefaults } from '@wt/schemas';

/** Labels of the Privacy and Room defaults settings, shared by the forms and their tests. */

export const AUDIENCE_LABELS: Record<Audience, string> = {
  everyone: 'Everyone',
  friends: 'Friends only',
  nobody: 'Only me',
};

export const WHO_CAN_FRIEND_LABELS: Record<PrivacySettings['whoCanFriend'], string> = {
  everyone: 'Everyone',
  friends_of_friends: 'Friends of friends',
  nobody: 'Nobody',
};

export const PRESENCE_LABELS: Record<PrivacySettings['presence'], string> = {
  friends: 'My friends',
  nobody: 'Nobody',
};

export const AUDIENCE_FIELDS: ReadonlyArray<{
  key: 'profile' | 'watchStats' | 'friendList' | 'guild';
  label: string;
  hint: string;
}> = [
  { key: 'profile', label: 'Who can see my profile', hint: 'Others still see your username, avatar and level.' },
  { key: 'watchStats', label: 'Who can see my watch stats', hint: 'Your watch hours this week, month, year and in all.' },
  { key: 'friendList', label: 'Who can see my friend list', hint: 'Your friends and how many you have.' },
  { key: 'guild', label: 'Who can see my guild', hint: 'The guild you belong to.' },
];

export const ROOM_VISIBILITY_LABELS: Record<RoomDefaults['visibility'], string> = {
  public: 'Public: anyone can find and join',
  friends: 'Friends: your friends can join',
  private: 'Private: only people you invite',
};

/** Whether two settings parts hold the same values (the Save button is off until something changed). */
export function sameSettings<T extends Record<string, unknown>>(a: T, b: T): boolean {
  return Object.keys({ ...a, ...b }).every((key) => a[key] === b[key]);
}
