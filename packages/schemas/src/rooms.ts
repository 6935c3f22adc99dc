import { z } from 'zod';
import { LIMITS } from './limits';
import { parseContentUrl } from './content-url';
import type { SocketError } from './socket';
import { roomIdSchema } from './room-id';
import {
  playbackSnapshotSchema,
  type PlaybackClientToServerEvents,
  type PlaybackServerToClientEvents,
} from './playback';

/**
 * Watch rooms: the contract between the API (tRPC `rooms.*`, REST invites, the /rooms namespace) and
 * every client. Sentences are what a person sees.
 */

export const ROOM_VISIBILITIES = ['public', 'friends', 'private'] as const;
export const ROOM_PLATFORMS = ['youtube', 'drive', 'spotify', 'web', 'upload'] as const;
export const PLAYBACK_CONTROLS = ['leader', 'any'] as const;
export const CHAT_MODES = ['all', 'mods', 'off'] as const;
export const ROOM_ROLES = ['leader', 'moderator', 'member'] as const;
export type RoomVisibility = (typeof ROOM_VISIBILITIES)[number];
export type RoomRole = (typeof ROOM_ROLES)[number];

export const SLOW_MODE_SECONDS = 5;
/** Per-user chat rate limit (every room together): at most this many messages in the window. */
export const CHAT_RATE_LIMIT = { messages: 5, windowSeconds: 5 } as const;
export const CHAT_HISTORY_PAGE = 100;
/** An empty room stays open this long before it becomes inactive (its leader can reopen it). */
export const EMPTY_ROOM_GRACE_MS = 5 * 60 * 1000;
export const INVITE_DEFAULT_EXPIRES_S = 3600;
export const INVITE_MAX_EXPIRES_S = 7 * 24 * 3600;
export const MESSAGE_REACTIONS = ['👍', '😂', '😮', '😢', '🔥', '❤️'] as const;

export { roomIdSchema };
const userIdSchema = z.string().uuid({ message: 'That person is not valid.' });

export const roomNameSchema = z
  .string({ message: 'Give the room a name.' })
  .trim()
  .min(1, { message: 'Give the room a name.' })
  .max(60, { message: 'Room names have at most 60 characters.' });

/** A pasted link, validated (and normalised on the server) with parseContentUrl. */
export const contentUrlSchema = z
  .string({ message: 'Paste a link to a video, a song or a web page.' })
  .superRefine((value, ctx) => {
    const parsed = parseContentUrl(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

export const maxMembersSchema = z.coerce
  .number({ message: `Choose a size from ${LIMITS.roomMembersMin} to ${LIMITS.roomMembersMax}.` })
  .int({ message: 'Room size is a whole number.' })
  .min(LIMITS.roomMembersMin, { message: `Rooms hold at least ${LIMITS.roomMembersMin} people.` })
  .max(LIMITS.roomMembersMax, { message: `Rooms hold at most ${LIMITS.roomMembersMax} people.` });

export const createRoomInput = z.object({
  name: roomNameSchema,
  contentUrl: contentUrlSchema,
  /** Omitted: the user's room default, else friends. */
  visibility: z.enum(ROOM_VISIBILITIES).optional(),
  maxMembers: maxMembersSchema.default(LIMITS.roomMembersDefault),
  /** Omitted: the user's room default (Settings > Room defaults). */
  micEnabled: z.boolean().optional(),
  playbackControl: z.enum(PLAYBACK_CONTROLS).default('leader'),
  chatMode: z.enum(CHAT_MODES).default('all'),
  guildId: z.string().uuid().nullable().default(null),
});
export type CreateRoomInput = z.input<typeof createRoomInput>;

/** Settings the leader may change while the room is open. */
export const roomSettingsPatch = z
  .object({
    name: roomNameSchema,
    visibility: z.enum(ROOM_VISIBILITIES),
    maxMembers: maxMembersSchema,
    playbackControl: z.enum(PLAYBACK_CONTROLS),
    chatMode: z.enum(CHAT_MODES),
    isLocked: z.boolean(),
    slowMode: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change.' });

export const lobbyInput = z.object({
  tab: z.enum(['all', 'public', 'friends', 'guild', 'mine']).default('all'),
  cursor: z.string().max(200).optional(),
});

export const inviteQuery = z.object({
  /** single: the code works once; multi: until it expires. */
  uses: z.enum(['single', 'multi']).default('multi'),
  expiresIn: z.coerce
    .number({ message: 'Choose how long the invite works, in seconds.' })
    .int()
    .min(60, { message: 'Invites work for at least a minute.' })
    .max(INVITE_MAX_EXPIRES_S, { message: 'Invites work for at most 7 days.' })
    .default(INVITE_DEFAULT_EXPIRES_S),
});
export const inviteUserInput = z.object({ userId: userIdSchema });
export const inviteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, { message: 'That invite link is not valid.' });

/** tRPC inputs: `rooms.get`, `rooms.reopen` / `rooms.invitableFriends`, `rooms.inviteInfo`. */
export const roomGetInput = z.object({ roomId: roomIdSchema, inviteCode: inviteCodeSchema.optional() });
export const roomIdInput = z.object({ roomId: roomIdSchema });
export const inviteInfoInput = z.object({ code: inviteCodeSchema });

/** `GET /api/rooms/:id/invite` answer. */
export const roomInviteLinkSchema = z.object({ code: z.string(), expires_in: z.number().int(), url: z.string() });
export type RoomInviteLink = z.infer<typeof roomInviteLinkSchema>;

export const personSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const roomContentSchema = z.object({
  platform: z.enum(ROOM_PLATFORMS),
  url: z.string(),
  mediaId: z.string().nullable(),
});

/** A room as a card in the lobby. */
export const roomSummarySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  visibility: z.enum(ROOM_VISIBILITIES),
  content: roomContentSchema.nullable(),
  leader: personSchema,
  memberCount: z.number().int(),
  maxMembers: z.number().int(),
  isLocked: z.boolean(),
  isActive: z.boolean(),
  guild: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
});
export type RoomSummary = z.infer<typeof roomSummarySchema>;

export const lobbyPageSchema = z.object({ rooms: z.array(roomSummarySchema), nextCursor: z.string().nullable() });
export type LobbyPage = z.infer<typeof lobbyPageSchema>;

/** The whole room as a member sees it. */
export const roomDetailSchema = roomSummarySchema.extend({
  micEnabled: z.boolean(),
  playbackControl: z.enum(PLAYBACK_CONTROLS),
  chatMode: z.enum(CHAT_MODES),
  slowMode: z.boolean(),
});
export type RoomDetail = z.infer<typeof roomDetailSchema>;

export const roomMemberSchema = personSchema.extend({
  role: z.enum(ROOM_ROLES),
  isMuted: z.boolean(),
  joinedAt: z.string(),
  /** Connected right now (a member may be away between reconnects). */
  online: z.boolean(),
  buffering: z.boolean(),
});
export type RoomMember = z.infer<typeof roomMemberSchema>;

export const chatMessageSchema = z.object({
  id: z.string().uuid(),
  roomId: z.string().uuid(),
  kind: z.enum(['user', 'system']),
  author: personSchema.nullable(),
  content: z.string(),
  replyTo: z.object({ id: z.string().uuid(), author: z.string().nullable(), excerpt: z.string() }).nullable(),
  reactions: z.array(z.object({ emoji: z.string(), count: z.number().int(), mine: z.boolean() })),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Answer to `room:join`: everything a client needs to draw the room. */
export const roomSnapshotSchema = z.object({
  room: roomDetailSchema,
  members: z.array(roomMemberSchema),
  messages: z.array(chatMessageSchema),
  hasMoreMessages: z.boolean(),
  you: z.object({ userId: z.string().uuid(), role: z.enum(ROOM_ROLES), isMuted: z.boolean() }),
  /** The room's playback (issue 5): land on its position, then follow `video:state`. */
  playback: playbackSnapshotSchema,
});
export type RoomSnapshot = z.infer<typeof roomSnapshotSchema>;

// ---- /rooms socket payloads (client -> server), parsed with zod on the server ----
export const roomJoinPayload = z.object({ roomId: roomIdSchema, inviteCode: inviteCodeSchema.optional() });
export const roomLeavePayload = z.object({ roomId: roomIdSchema });
export const chatSendPayload = z.object({
  roomId: roomIdSchema,
  content: z
    .string({ message: 'Write a message first.' })
    .trim()
    .min(1, { message: 'Write a message first.' })
    .max(LIMITS.chatMessageMax, { message: `Messages have at most ${LIMITS.chatMessageMax} characters.` }),
  replyToId: z.string().uuid().optional(),
});
export const chatHistoryPayload = z.object({ roomId: roomIdSchema, beforeId: z.string().uuid() });
export const chatReactPayload = z.object({ roomId: roomIdSchema, messageId: z.string().uuid(), emoji: z.enum(MESSAGE_REACTIONS) });
export const kickPayload = z.object({
  roomId: roomIdSchema,
  userId: userIdSchema,
  /**
   * A kick always bans (a kicked user cannot come back through any path, invite links included):
   * omitted or 0 for good, otherwise for that many minutes (max 30 days).
   */
  banMinutes: z.number().int().min(0).max(30 * 24 * 60).optional(),
  reason: z.string().trim().max(200).optional(),
});
export const mutePayload = z.object({ roomId: roomIdSchema, userId: userIdSchema, muted: z.boolean() });
export const transferPayload = z.object({ roomId: roomIdSchema, userId: userIdSchema });
export const moderatorPayload = z.object({ roomId: roomIdSchema, userId: userIdSchema, moderator: z.boolean() });
export const micTogglePayload = z.object({ roomId: roomIdSchema, enabled: z.boolean() });
export const roomUpdatePayload = z.object({ roomId: roomIdSchema, patch: roomSettingsPatch });
export const changeContentPayload = z.object({ roomId: roomIdSchema, url: contentUrlSchema });
export const bufferPayload = z.object({ roomId: roomIdSchema, buffering: z.boolean() });

/** Stable error codes of room actions (with a sentence beside each). */
export const ROOM_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'ROOM_NOT_FOUND',
  'ROOM_INACTIVE',
  'ROOM_FULL',
  'ROOM_LOCKED',
  'ROOM_PRIVATE',
  'ROOM_FRIENDS_ONLY',
  'ROOM_GUILD_ONLY',
  'INVITE_INVALID',
  'INVITE_EXPIRED',
  'BANNED',
  'NOT_A_MEMBER',
  'FORBIDDEN',
  'MUTED',
  'CHAT_OFF',
  'CHAT_MODS_ONLY',
  'SLOW_MODE',
  'RATE_LIMITED',
  /** Playback commands (issue 5, `@wt/sync` room machine). */
  'NO_MEDIA',
  'INVALID_POSITION',
  'INVALID_RATE',
  'INVALID_MEDIA',
  'INVALID_COMMAND',
  'INVALID_SETTING',
  'STALE_COMMAND',
  /** Something failed on the server; the sentence says to try again. */
  'INTERNAL',
] as const;
export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];

/** `rooms.get`: the room page before joining, with whether (and why not) this user may join. */
export const roomAccessSchema = z.object({
  canJoin: z.boolean(),
  code: z.enum(ROOM_ERROR_CODES).nullable(),
  message: z.string().nullable(),
});
export const roomPageSchema = z.object({ room: roomSummarySchema, access: roomAccessSchema });
export type RoomPage = z.infer<typeof roomPageSchema>;

/** `rooms.inviteInfo`: the room an invite opens, and whether the invite still works. */
export const inviteInfoSchema = z.object({
  room: roomSummarySchema,
  expiresAt: z.string().nullable(),
  valid: z.boolean(),
  message: z.string().nullable(),
});
export type InviteInfo = z.infer<typeof inviteInfoSchema>;

type AckFn<T> = (ack: { ok: true; data: T } | { ok: false; error: SocketError }) => void;
type Payload<S extends z.ZodType> = z.input<S>;

export interface RoomsClientToServerEvents extends PlaybackClientToServerEvents {
  'room:join': (p: Payload<typeof roomJoinPayload>, ack: AckFn<RoomSnapshot>) => void;
  'room:leave': (p: Payload<typeof roomLeavePayload>, ack: AckFn<null>) => void;
  'chat:message': (p: Payload<typeof chatSendPayload>, ack: AckFn<ChatMessage>) => void;
  'chat:history': (p: Payload<typeof chatHistoryPayload>, ack: AckFn<{ messages: ChatMessage[]; hasMore: boolean }>) => void;
  'chat:react': (p: Payload<typeof chatReactPayload>, ack: AckFn<null>) => void;
  'room:kick': (p: Payload<typeof kickPayload>, ack: AckFn<null>) => void;
  'room:mute': (p: Payload<typeof mutePayload>, ack: AckFn<null>) => void;
  'room:transfer': (p: Payload<typeof transferPayload>, ack: AckFn<null>) => void;
  'room:moderator': (p: Payload<typeof moderatorPayload>, ack: AckFn<null>) => void;
  'room:mic_toggle': (p: Payload<typeof micTogglePayload>, ack: AckFn<null>) => void;
  'room:update': (p: Payload<typeof roomUpdatePayload>, ack: AckFn<RoomDetail>) => void;
  'room:content': (p: Payload<typeof changeContentPayload>, ack: AckFn<RoomDetail>) => void;
  'video:buffer': (p: Payload<typeof bufferPayload>, ack?: AckFn<null>) => void;
}

export interface RoomsServerToClientEvents extends PlaybackServerToClientEvents {
  'room:join': (p: { roomId: string; member: RoomMember }) => void;
  'room:leave': (p: { roomId: string; userId: string }) => void;
  /** To the room: who was removed; to the removed user's sockets too, with `message` saying why. */
  'room:kick': (p: { roomId: string; userId: string; bannedUntil: string | null; reason: string | null; message: string }) => void;
  'room:mic_toggle': (p: { roomId: string; enabled: boolean }) => void;
  'room:member': (p: { roomId: string; member: RoomMember }) => void;
  'room:updated': (p: { roomId: string; room: RoomDetail }) => void;
  'room:closed': (p: { roomId: string; message: string }) => void;
  'chat:message': (p: { roomId: string; message: ChatMessage }) => void;
  /**
   * `userId` is who reacted: `mine` in `reactions` is from their point of view, so other clients keep
   * their own `mine` flags and take only the counts.
   */
  'chat:reaction': (p: { roomId: string; messageId: string; userId: string; reactions: ChatMessage['reactions'] }) => void;
  /** A message the room heard could not be stored after all: clients drop it (its sender was told why). */
  'chat:unsent': (p: { roomId: string; messageId: string }) => void;
  'video:buffer': (p: { roomId: string; userId: string; buffering: boolean }) => void;
  force_logout: (p: { reason: string }) => void;
  'auth:expired': (p: { code: string; message: string }) => void;
}
