import { z } from 'zod';
import { LIMITS } from './limits';
import { personSchema } from './rooms';
import { FRIEND_STATES } from './social';

/*
 * Profiles (issue 6) beyond the seed's public shape in social.ts: what the owner edits, the friend list
 * a profile shows, and why a profile change was refused. Sentences are what a form shows on its field.
 */

/** Why a profile request was refused: `{ error: { code, message, fields? } }` over REST. */
export const PROFILE_ERROR_CODES = [
  'VALIDATION_FAILED',
  'USER_NOT_FOUND',
  'USERNAME_TAKEN',
  'USERNAME_RESERVED',
  'USERNAME_CHANGE_TOO_SOON',
  'BADGE_NOT_EARNED',
  'AVATAR_MISSING',
  'AVATAR_TOO_LARGE',
  'AVATAR_NOT_AN_IMAGE',
  'AVATAR_TYPE_UNSUPPORTED',
  'UNAUTHENTICATED',
] as const;
export type ProfileErrorCode = (typeof PROFILE_ERROR_CODES)[number];

/** Image formats an avatar upload may be in (detected from the bytes, whatever the file is called). */
export const AVATAR_INPUT_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'avif'] as const;
/** Avatars are stored square, this many pixels a side, as WebP. */
export const AVATAR_SIZE_PX = 256;

/** A badge the owner has earned, and whether it is in their showcase. */
export const earnedBadgeSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  iconUrl: z.string().nullable(),
  earnedAt: z.string(),
  isDisplayed: z.boolean(),
});
export type EarnedBadge = z.infer<typeof earnedBadgeSchema>;

/** profile.me / GET /api/users/me/profile: what Settings > Profile edits. */
export const editableProfileSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string().nullable(),
  bio: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  badges: z.array(earnedBadgeSchema),
  /** When the username may change again (ISO 8601); null when it may change now. */
  usernameChangeAvailableAt: z.string().nullable(),
});
export type EditableProfile = z.infer<typeof editableProfileSchema>;

/** profile.friends: someone's friend list as the viewer may see it; null when it is hidden from them. */
export const profileFriendsInput = z.object({
  username: z.string().trim().min(1, { message: 'Choose someone.' }).max(LIMITS.usernameMax),
});
export const profileFriendsSchema = z.array(personSchema).nullable();
export type ProfileFriends = z.infer<typeof profileFriendsSchema>;

/** POST /api/users/me/avatar: where the new avatar is. */
export const avatarResponseSchema = z.object({ avatarUrl: z.string().nullable() });

/** profile.relation: who a profile belongs to and where the signed-in viewer stands with them (for the actions). */
export const profileRelationSchema = z.object({
  userId: z.string().uuid(),
  isSelf: z.boolean(),
  friendState: z.enum(FRIEND_STATES),
});
export type ProfileRelation = z.infer<typeof profileRelationSchema>;
