/** Limits from seed 000, used by forms, tRPC procedures and socket handlers alike (DESIGN section 7). */
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 20,
  displayNameMax: 30,
  bioMax: 160,
  chatMessageMax: 500,
  avatarMaxBytes: 2 * 1024 * 1024,
  badgeShowcaseMax: 5,
  roomMembersMin: 2,
  roomMembersMax: 50,
  roomMembersDefault: 10,
  guildMembersMax: 10,
} as const;

export const USERNAME_PATTERN = /^[a-zA-Z0-9_]+$/;
