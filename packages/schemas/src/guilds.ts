import { z } from 'zod';
import { LIMITS } from './limits';
import { personSchema, roomSummarySchema } from './rooms';
import type { Ack } from './socket';

/**
 * Guilds (issue 8, seed 000 "Guild System"): at most 10 members, one guild per person, roles leader /
 * officer / member, guild chat on /guilds, guild rooms, guild watch hours and guild challenges. The
 * shapes every surface shares (tRPC, the /guilds namespace, the web forms); messages are sentences a
 * form shows beside its field.
 */

export const GUILD_ROLES = ['leader', 'officer', 'member'] as const;
export type GuildRole = (typeof GUILD_ROLES)[number];

export const GUILD_NAME_MIN = 3;
export const GUILD_NAME_MAX = 32;
export const GUILD_DESCRIPTION_MAX = 500;
export const GUILD_EVENT_TITLE_MAX = 80;
export const GUILD_EVENT_DESCRIPTION_MAX = 500;
/** A guild challenge lasts at most this long, and its goal is at most this many watch hours. */
export const GUILD_EVENT_MAX_DAYS = 31;
export const GUILD_EVENT_MAX_GOAL_HOURS = 1000;
export const GUILD_CHAT_PAGE = 50;
export const GUILD_REQUEST_NOTE_MAX = 200;
export const GUILD_DIRECTORY_PAGE = 24;

/** What each role may do (seed 000's table). The server checks every one; the web only hides buttons. */
export const GUILD_ACTIONS = [
  'chat',
  'viewRooms',
  'invite',
  'reviewRequests',
  'kick',
  'manageRooms',
  'createEvent',
  'setRole',
  'transfer',
  'edit',
  'disband',
] as const;
export type GuildAction = (typeof GUILD_ACTIONS)[number];

const OFFICER_ACTIONS: readonly GuildAction[] = ['chat', 'viewRooms', 'invite', 'reviewRequests', 'kick', 'manageRooms', 'createEvent'];
const MEMBER_ACTIONS: readonly GuildAction[] = ['chat', 'viewRooms'];

export function guildRoleMay(role: GuildRole | null, action: GuildAction): boolean {
  if (role === 'leader') return true;
  if (role === 'officer') return OFFICER_ACTIONS.includes(action);
  if (role === 'member') return MEMBER_ACTIONS.includes(action);
  return false;
}

/** Kicking: the leader removes anyone else; an officer removes plain members only. */
export function guildMayKick(actor: GuildRole | null, target: GuildRole): boolean {
  if (actor === 'leader') return target !== 'leader';
  if (actor === 'officer') return target === 'member';
  return false;
}

export const GUILD_ERROR_CODES = [
  'VALIDATION_FAILED',
  'GUILD_NOT_FOUND',
  'NAME_TAKEN',
  'ALREADY_IN_GUILD',
  'GUILD_FULL',
  'GUILD_PRIVATE',
  'KICKED',
  'NOT_MEMBER',
  'FORBIDDEN',
  'LEADER_MUST_TRANSFER',
  'CANNOT_KICK',
  'NOT_INVITED',
  'NO_REQUEST',
  'REQUEST_PENDING',
  'ALREADY_INVITED',
  'BLOCKED',
  'CONFIRMATION_MISMATCH',
  'EVENT_NOT_FOUND',
  'ROOM_NOT_FOUND',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'INTERNAL',
] as const;
export type GuildErrorCode = (typeof GUILD_ERROR_CODES)[number];

const guildId = z.string({ message: 'Choose a guild.' }).uuid({ message: 'That guild does not exist.' });
const userId = z.string({ message: 'Choose a person.' }).uuid({ message: 'That person does not exist.' });

export const guildNameSchema = z
  .string({ message: 'Give your guild a name.' })
  .trim()
  .min(GUILD_NAME_MIN, { message: `Guild names have at least ${GUILD_NAME_MIN} characters.` })
  .max(GUILD_NAME_MAX, { message: `Guild names have at most ${GUILD_NAME_MAX} characters.` })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '&._-]*$/u, {
    message: 'Guild names use letters, digits, spaces and - _ . \' & (starting with a letter or digit).',
  })
  .transform((name) => name.replace(/\s+/g, ' '));

const descriptionSchema = z
  .string()
  .trim()
  .max(GUILD_DESCRIPTION_MAX, { message: `Descriptions have at most ${GUILD_DESCRIPTION_MAX} characters.` });

export const createGuildInput = z.object({
  name: guildNameSchema,
  description: descriptionSchema.default(''),
  isPublic: z.boolean().default(true),
});
export type CreateGuildInput = z.input<typeof createGuildInput>;

export const updateGuildInput = z.object({
  guildId,
  name: guildNameSchema.optional(),
  description: descriptionSchema.optional(),
  isPublic: z.boolean().optional(),
});

export const guildIdInput = z.object({ guildId });
export const guildMemberInput = z.object({ guildId, userId });
export const guildSetRoleInput = z.object({
  guildId,
  userId,
  role: z.enum(['officer', 'member'], { message: 'A member is an officer or a member (the leader is chosen by transfer).' }),
});
export const guildDisbandInput = z.object({
  guildId,
  /** The guild's name typed again: a disband cannot be undone. */
  confirmName: z.string({ message: 'Type the guild name to confirm.' }).trim().min(1, { message: 'Type the guild name to confirm.' }),
});
export const guildJoinRequestInput = z.object({
  guildId,
  message: z
    .string()
    .trim()
    .max(GUILD_REQUEST_NOTE_MAX, { message: `A request note has at most ${GUILD_REQUEST_NOTE_MAX} characters.` })
    .default(''),
});
export const guildDirectoryInput = z.object({
  query: z.string().trim().max(GUILD_NAME_MAX, { message: `Search with at most ${GUILD_NAME_MAX} characters.` }).default(''),
  /** Offset of the next page (from `nextCursor`). */
  cursor: z.number().int().min(0).max(10_000).nullish(),
});
export const guildRoomInput = z.object({ guildId, roomId: z.string().uuid({ message: 'That room does not exist.' }) });

export const guildEventInput = z
  .object({
    guildId,
    title: z
      .string({ message: 'Give the challenge a title.' })
      .trim()
      .min(3, { message: 'Challenge titles have at least 3 characters.' })
      .max(GUILD_EVENT_TITLE_MAX, { message: `Challenge titles have at most ${GUILD_EVENT_TITLE_MAX} characters.` }),
    description: z
      .string()
      .trim()
      .max(GUILD_EVENT_DESCRIPTION_MAX, { message: `Descriptions have at most ${GUILD_EVENT_DESCRIPTION_MAX} characters.` })
      .default(''),
    startsAt: z.coerce.date({ message: 'Choose when the challenge starts.' }),
    endsAt: z.coerce.date({ message: 'Choose when the challenge ends.' }),
    goalHours: z
      .number({ message: 'Set a goal in watch hours.' })
      .min(0.5, { message: 'The goal is at least half an hour.' })
      .max(GUILD_EVENT_MAX_GOAL_HOURS, { message: `The goal is at most ${GUILD_EVENT_MAX_GOAL_HOURS} hours.` }),
  })
  .refine((e) => e.endsAt.getTime() > e.startsAt.getTime(), { message: 'A challenge ends after it starts.', path: ['endsAt'] })
  .refine((e) => e.endsAt.getTime() - e.startsAt.getTime() <= GUILD_EVENT_MAX_DAYS * 86_400_000, {
    message: `A challenge lasts at most ${GUILD_EVENT_MAX_DAYS} days.`,
    path: ['endsAt'],
  });
export type GuildEventInput = z.input<typeof guildEventInput>;
export const guildEventIdInput = z.object({ eventId: z.string().uuid({ message: 'That challenge does not exist.' }) });

// ---------- views ----------

export const guildCardSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  avatarUrl: z.string().nullable(),
  isPublic: z.boolean(),
  memberCount: z.number().int(),
  maxMembers: z.number().int(),
  /** Hours members watched while members (all time). */
  totalWatchHours: z.number(),
  leader: personSchema,
});
export type GuildCard = z.infer<typeof guildCardSchema>;

export const guildDirectorySchema = z.object({ guilds: z.array(guildCardSchema), nextCursor: z.number().int().nullable() });
export type GuildDirectory = z.infer<typeof guildDirectorySchema>;

export const guildMemberSchema = personSchema.extend({
  role: z.enum(GUILD_ROLES),
  joinedAt: z.string(),
});
export type GuildMember = z.infer<typeof guildMemberSchema>;

export const guildEventSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  goalHours: z.number(),
  /** Hours members watched inside the window while members, so far. */
  progressHours: z.number(),
  status: z.enum(['upcoming', 'running', 'ended']),
  completed: z.boolean(),
  createdBy: personSchema.nullable(),
});
export type GuildEvent = z.infer<typeof guildEventSchema>;

export const guildStandingSchema = z.object({
  /** Watch hours of the current week / month (UTC) and all time. */
  weeklyHours: z.number(),
  monthlyHours: z.number(),
  totalHours: z.number(),
  /** Rank on the weekly guild board, null when not on it yet. */
  weeklyRank: z.number().int().nullable(),
  monthlyRank: z.number().int().nullable(),
});

export const guildPendingSchema = personSchema.extend({ at: z.string(), message: z.string().nullable() });
export type GuildPending = z.infer<typeof guildPendingSchema>;

export const guildDetailSchema = guildCardSchema.extend({
  createdAt: z.string(),
  members: z.array(guildMemberSchema),
  /** The viewer's role, null when not a member. */
  myRole: z.enum(GUILD_ROLES).nullable(),
  /** The viewer was invited / asked to join and is waiting. */
  invitedMe: z.boolean(),
  requestedByMe: z.boolean(),
  /** The viewer belongs to another guild. */
  inOtherGuild: z.boolean(),
  standing: guildStandingSchema,
  events: z.array(guildEventSchema),
  /** Members only (guild rooms are visible to members). */
  rooms: z.array(roomSummarySchema),
  /** Officers and the leader only: who asked to join, and who was invited. */
  requests: z.array(guildPendingSchema),
  invites: z.array(guildPendingSchema),
});
export type GuildDetail = z.infer<typeof guildDetailSchema>;

/** The viewer's own guild life: their guild, and invitations waiting for them. */
export const myGuildSchema = z.object({
  guild: guildCardSchema.extend({ myRole: z.enum(GUILD_ROLES) }).nullable(),
  invites: z.array(guildCardSchema.extend({ invitedBy: personSchema.nullable(), at: z.string() })),
  requests: z.array(guildCardSchema.extend({ at: z.string() })),
});
export type MyGuild = z.infer<typeof myGuildSchema>;

// ---------- the /guilds namespace ----------

export const guildMessageSchema = z.object({
  id: z.string().uuid(),
  guildId: z.string().uuid(),
  /** Null once the author's account is gone. */
  author: personSchema.nullable(),
  content: z.string(),
  createdAt: z.string(),
});
export type GuildMessage = z.infer<typeof guildMessageSchema>;

export const guildOpenPayload = z.object({ guildId });
export const guildChatSendPayload = z.object({
  guildId,
  content: z
    .string({ message: 'Write a message first.' })
    .trim()
    .min(1, { message: 'Write a message first.' })
    .max(LIMITS.chatMessageMax, { message: `Messages have at most ${LIMITS.chatMessageMax} characters.` }),
});
export const guildChatHistoryPayload = z.object({
  guildId,
  /** Id of the oldest message the client has: the page before it. */
  before: z.string().uuid().optional(),
});

type Payload<S extends z.ZodType> = z.input<S>;
type AckFn<T> = (ack: Ack<T>) => void;

export interface GuildsClientToServerEvents {
  /** Joins the guild's channel; answers the latest page of chat. */
  'guild:open': (p: Payload<typeof guildOpenPayload>, ack: AckFn<{ messages: GuildMessage[]; hasMore: boolean }>) => void;
  'guild:close': (p: Payload<typeof guildOpenPayload>, ack: AckFn<null>) => void;
  'chat:message': (p: Payload<typeof guildChatSendPayload>, ack: AckFn<GuildMessage>) => void;
  'chat:history': (p: Payload<typeof guildChatHistoryPayload>, ack: AckFn<{ messages: GuildMessage[]; hasMore: boolean }>) => void;
}

export interface GuildsServerToClientEvents {
  'chat:message': (p: { guildId: string; message: GuildMessage }) => void;
  /** Members, roles, rooms, events or standing changed: refetch the guild. */
  'guild:updated': (p: { guildId: string }) => void;
  /** This person is no longer a member (left, kicked, disbanded): the channel is closed. */
  'guild:removed': (p: { guildId: string; reason: 'left' | 'kicked' | 'disbanded' }) => void;
  force_logout: (payload: { reason: string }) => void;
  'auth:expired': (payload: { code: 'TOKEN_EXPIRED'; message: string }) => void;
}
