import { z } from 'zod';
import { usernameSchema } from './auth';
import { LIMITS } from './limits';
import { personSchema, ROOM_VISIBILITIES } from './rooms';

/**
 * Issue 6: friends, presence, notifications, profiles and settings. The shapes every surface shares
 * (tRPC, REST, /global events, the web forms). Messages are sentences a form shows beside its field.
 */

// ---------- settings (users.settings jsonb) ----------

/** Who sees a part of a profile. */
export const AUDIENCES = ['everyone', 'friends', 'nobody'] as const;
export type Audience = (typeof AUDIENCES)[number];
/** Who may send a friend request. */
export const FRIEND_REQUEST_POLICIES = ['everyone', 'friends_of_friends', 'nobody'] as const;

export const NOTIFICATION_TYPES = [
  'friend_request',
  'friend_accepted',
  'room_invite',
  'guild_invite',
  'guild_event',
  'leaderboard_result',
  'level_up',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export const NOTIFICATION_CHANNELS = ['inApp', 'push', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const privacySettingsSchema = z.object({
  /** Who sees the profile page and API at all (the username and avatar stay visible to everyone). */
  profile: z.enum(AUDIENCES).default('everyone'),
  /** Found by username / display name in user search. */
  searchable: z.boolean().default(true),
  whoCanFriend: z.enum(FRIEND_REQUEST_POLICIES).default('everyone'),
  watchStats: z.enum(AUDIENCES).default('everyone'),
  friendList: z.enum(AUDIENCES).default('friends'),
  guild: z.enum(AUDIENCES).default('everyone'),
  /** Friends see you online and in which room (when they may see the room). */
  presence: z.enum(['friends', 'nobody']).default('friends'),
});
export type PrivacySettings = z.output<typeof privacySettingsSchema>;

const channelsSchema = z.object({ inApp: z.boolean(), push: z.boolean(), email: z.boolean() });
export type NotificationChannels = z.output<typeof channelsSchema>;

/** Defaults per type: in-app always, push for the social ones, email only for leaderboard results. */
export const DEFAULT_NOTIFICATION_PREFERENCES: Record<NotificationType, NotificationChannels> = {
  friend_request: { inApp: true, push: true, email: false },
  friend_accepted: { inApp: true, push: false, email: false },
  room_invite: { inApp: true, push: true, email: false },
  guild_invite: { inApp: true, push: true, email: false },
  guild_event: { inApp: true, push: true, email: false },
  leaderboard_result: { inApp: true, push: true, email: true },
  level_up: { inApp: true, push: false, email: false },
};

/** Every type's channels, a missing type filled with its defaults (no default for the whole object: see below). */
const notificationPreferencesObject = z.object(
  Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => [t, channelsSchema.default(DEFAULT_NOTIFICATION_PREFERENCES[t])]),
  ) as Record<NotificationType, z.ZodDefault<typeof channelsSchema>>,
);
export const notificationPreferencesSchema = notificationPreferencesObject.default(DEFAULT_NOTIFICATION_PREFERENCES);
export type NotificationPreferences = z.output<typeof notificationPreferencesSchema>;

export const roomDefaultsSchema = z.object({
  visibility: z.enum(ROOM_VISIBILITIES).default('friends'),
  micEnabled: z.boolean().default(true),
});
export type RoomDefaults = z.output<typeof roomDefaultsSchema>;

/**
 * users.settings as stored: every part optional with defaults, so an old or empty row parses to the
 * full shape. Unknown keys are dropped.
 */
export const userSettingsSchema = z.object({
  privacy: privacySettingsSchema.default(privacySettingsSchema.parse({})),
  notifications: notificationPreferencesSchema,
  roomDefaults: roomDefaultsSchema.default(roomDefaultsSchema.parse({})),
});
export type UserSettings = z.output<typeof userSettingsSchema>;

/** Reads users.settings whatever it holds (a broken value falls back to the defaults, part by part). */
export function readUserSettings(raw: unknown): UserSettings {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const part = <S extends z.ZodType>(schema: S, v: unknown): z.output<S> => {
    const parsed = schema.safeParse(v ?? undefined);
    return parsed.success ? parsed.data : schema.parse(undefined);
  };
  return {
    privacy: part(privacySettingsSchema.default(privacySettingsSchema.parse({})), value.privacy),
    notifications: part(notificationPreferencesSchema, value.notifications),
    roomDefaults: part(roomDefaultsSchema.default(roomDefaultsSchema.parse({})), value.roomDefaults),
  };
}

/** settings.update: any part, each replaced whole. */
export const updateSettingsInput = z.object({
  privacy: privacySettingsSchema.optional(),
  // Not notificationPreferencesSchema: zod 4 applies a default even under .optional(), which would
  // overwrite saved preferences whenever another part is saved.
  notifications: notificationPreferencesObject.optional(),
  roomDefaults: roomDefaultsSchema.optional(),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsInput>;

// ---------- profile ----------

/** How often a username may change. */
export const USERNAME_CHANGE_DAYS = 30;

/** profile.update (POST /api/users/me/profile): fields left out stay as they are. */
export const updateProfileInput = z.object({
  username: usernameSchema.optional(),
  displayName: z
    .string()
    .trim()
    .max(LIMITS.displayNameMax, { message: `Display names have at most ${LIMITS.displayNameMax} characters.` })
    .nullable()
    .optional(),
  bio: z
    .string()
    .trim()
    .max(LIMITS.bioMax, { message: `Bios have at most ${LIMITS.bioMax} characters.` })
    .nullable()
    .optional(),
  /** Badge ids for the showcase (earned ones only, checked by the server). */
  showcase: z
    .array(z.string().uuid())
    .max(LIMITS.badgeShowcaseMax, { message: `Pick at most ${LIMITS.badgeShowcaseMax} badges to show.` })
    .optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const profileBadgeSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  iconUrl: z.string().nullable(),
  earnedAt: z.string(),
});

/**
 * GET /api/users/:username/profile, exactly the seed's shape. Parts the owner's privacy settings hide
 * from this viewer are null (`stats`, `guild`, `friendCount`), `badges` is [] and `bio` null when the
 * whole profile is hidden from them.
 */
export const publicProfileSchema = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  level: z.number().int(),
  xp: z.number().int(),
  badges: z.array(profileBadgeSchema).max(LIMITS.badgeShowcaseMax),
  stats: z
    .object({
      watchHours: z.object({
        thisWeek: z.number(),
        thisMonth: z.number(),
        thisYear: z.number(),
        allTime: z.number(),
      }),
    })
    .nullable(),
  guild: z.object({ id: z.string().uuid(), name: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  joinedAt: z.string(),
  friendCount: z.number().int().nullable(),
});
export type PublicProfile = z.infer<typeof publicProfileSchema>;

// ---------- friends ----------

/** Between the viewer and another person. */
export const FRIEND_STATES = ['none', 'friends', 'request_sent', 'request_received', 'blocked', 'blocked_by'] as const;
export type FriendState = (typeof FRIEND_STATES)[number];

export const userIdInput = z.object({ userId: z.string({ message: 'Choose someone.' }).uuid({ message: 'Choose someone.' }) });
export const userSearchInput = z.object({
  query: z
    .string()
    .trim()
    .min(2, { message: 'Type at least 2 characters.' })
    .max(LIMITS.usernameMax + LIMITS.displayNameMax, { message: 'That search is too long.' }),
});

export const PRESENCE_STATUSES = ['offline', 'online', 'watching'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
/** What a friend sees of someone: a room only when they may see that room. */
export const presenceSchema = z.object({
  userId: z.string().uuid(),
  status: z.enum(PRESENCE_STATUSES),
  room: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
});
export type Presence = z.infer<typeof presenceSchema>;

/** Why a friends action was refused (tRPC `data.friendCode`), each with a sentence for the person. */
export const FRIEND_ERROR_CODES = [
  'SELF',
  'NOT_FOUND',
  'ALREADY_FRIENDS',
  'REQUEST_PENDING',
  'BLOCKED',
  'NOT_ACCEPTING',
] as const;
export type FriendErrorCode = (typeof FRIEND_ERROR_CODES)[number];

/** friends.list: a friend with what the viewer may see of their presence. */
export const friendSchema = z.object({
  person: personSchema,
  /** When the friendship began (ISO 8601). */
  since: z.string(),
  presence: presenceSchema,
});
export type Friend = z.infer<typeof friendSchema>;

/** friends.requests: pending requests each way, newest first. */
export const friendRequestSchema = z.object({ person: personSchema, sentAt: z.string() });
export type FriendRequest = z.infer<typeof friendRequestSchema>;
export const friendRequestsSchema = z.object({
  incoming: z.array(friendRequestSchema),
  outgoing: z.array(friendRequestSchema),
});
export type FriendRequests = z.infer<typeof friendRequestsSchema>;

/** friends.search: at most USER_SEARCH_LIMIT people, each with where the viewer stands with them. */
export const USER_SEARCH_LIMIT = 20;
export const userSearchResultSchema = z.object({ person: personSchema, state: z.enum(FRIEND_STATES) });
export type UserSearchResult = z.infer<typeof userSearchResultSchema>;

/** friends.blocked: people the viewer blocked, newest first. */
export const blockedUserSchema = z.object({ person: personSchema, blockedAt: z.string() });
export type BlockedUser = z.infer<typeof blockedUserSchema>;

/** What every friends mutation answers: the state between the viewer and that person now. */
export const friendActionResultSchema = z.object({ userId: z.string().uuid(), state: z.enum(FRIEND_STATES) });
export type FriendActionResult = z.infer<typeof friendActionResultSchema>;

/** Events the server emits on /global for friends (beside `notification`). */
export interface PresenceServerToClientEvents {
  presence: (payload: Presence) => void;
}

// ---------- notifications ----------

export const notificationSchema = z.object({
  id: z.string().uuid(),
  type: z.string(),
  /** What the bell shows: a sentence, and where clicking it goes. */
  title: z.string(),
  body: z.string().nullable(),
  url: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AppNotification = z.infer<typeof notificationSchema>;

export const pushSubscriptionInput = z.object({
  endpoint: z.string().url({ message: 'That push subscription has no valid endpoint.' }).max(2000),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});

/**
 * The payload each notification type carries (notify() callers fill it; the server turns it into the
 * title, body and link the bell, push and email show). Names are carried so the sentence needs no
 * lookup; every field is optional to read, so an older row still shows something sensible.
 */
export interface NotificationPayloads {
  friend_request: { fromUserId: string; fromUsername: string; fromName?: string | null };
  friend_accepted: { fromUserId: string; fromUsername: string; fromName?: string | null };
  room_invite: { roomId: string; roomName: string; fromUserId: string; fromName: string; code?: string };
  /** `kind` invite: someone invites you; request: someone asks to join a guild you run (officers hear it). */
  guild_invite: { guildId: string; guildName: string; fromUserId: string; fromUsername: string; fromName?: string | null; kind?: 'invite' | 'request' | 'accepted' };
  guild_event: { guildId: string; guildName: string; eventName?: string };
  /**
   * Sent when a finished week's or month's board is reset: `board` is its key
   * (`individual:weekly:2026-11-23`; older rows carry a word such as `weekly`), `periodStart` its first
   * day (YYYY-MM-DD), `premiumDays` the reward when there is one, `guildName` for a guild's members.
   */
  leaderboard_result: {
    board: string;
    rank: number;
    type?: 'individual' | 'guild';
    period?: 'weekly' | 'monthly';
    periodStart?: string;
    premiumDays?: number;
    guildId?: string;
    guildName?: string;
  };
  level_up: { level: number };
}

export const notificationListInput = z.object({
  /** `nextCursor` of the previous page (newest first); opaque to clients. */
  cursor: z.string().max(100, { message: 'That page marker is not valid.' }).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type NotificationListInput = z.input<typeof notificationListInput>;
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const markNotificationsReadInput = z.object({
  ids: z
    .array(z.string().uuid({ message: 'That notification is not valid.' }), { message: 'Choose notifications to mark read.' })
    .min(1, { message: 'Choose notifications to mark read.' })
    .max(100, { message: 'Mark at most 100 notifications at once.' }),
});

export const unsubscribePushInput = z.object({
  endpoint: z.string().url({ message: 'That push subscription has no valid endpoint.' }).max(2000),
});

/** /global events of notifications (to `user:<id>`): the full notification, as notifications.list gives it. */
export interface NotificationServerToClientEvents {
  notification: (notification: AppNotification) => void;
}
