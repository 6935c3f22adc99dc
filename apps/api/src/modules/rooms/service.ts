import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import { uuidArray } from '../../infra/sql-arrays';
import {
  parseContentUrl,
  type ParseContentResult,
  type ParsedContent,
  readUserSettings,
  type ChatMessage,
  type InviteInfo,
  type LobbyPage,
  type NotificationPayloads,
  type PlaybackTransition,
  type Person,
  type RoomDefaults,
  type RoomDetail,
  type RoomInviteLink,
  type RoomPage,
  type RoomRole,
  type RoomVisibility,
  type createRoomInput,
  type inviteQuery,
  type lobbyInput,
  type roomSettingsPatch,
} from '@wt/schemas';
import type { z } from 'zod';
import { areFriends, isBlockedBetween, isBlockedWith, isFriendOf } from '../friends/service';
import {
  canControlPlayback,
  canInvite,
  canModerate,
  decideJoin,
  nextLeader,
  type InviteStatus,
  type JoinFacts,
} from './access';
import { RoomError, roomErrors } from './errors';
import {
  contentMediaKey,
  loadChatPage,
  loadPerson,
  loadPresentMembers,
  loadReactions,
  loadRoomDetail,
  loadRoomSummaries,
  nameOf,
  type Queryable,
} from './views';
import { endWatchSessions, startWatchSession } from './watch-sessions';
import { changeMedia, initialPlayback } from '../playback/service';
import { notify, type NotifyServices } from '../notifications/notify';

/**
 * Watch rooms (issue 4): every action a person takes in or around a room, each authorised here and
 * done in one transaction. Functions return what happened (the rows and lines to broadcast); the socket
 * layer (socket.ts) only parses payloads, calls these and fans the results out.
 */

export interface RoomDeps {
  db: Database;
  now: () => Date;
}

const LOBBY_PAGE_SIZE = 24;

// ---------- creation, lobby, pre-join page ----------

/** The user's room defaults (Settings > Room defaults): visibility and whether microphones start on. */
async function roomDefaultsOf(db: Queryable, userId: string): Promise<RoomDefaults> {
  const { rows } = await db.execute<{ settings: unknown }>(sql`SELECT settings FROM users WHERE id = ${userId}`);
  return readUserSettings(rows[0]?.settings).roomDefaults;
}

async function guildOf(db: Queryable, userId: string): Promise<string | null> {
  const { rows } = await db.execute<{ guild_id: string }>(sql`SELECT guild_id FROM guild_members WHERE user_id = ${userId}`);
  return rows[0]?.guild_id ?? null;
}

async function guildRoleOf(db: Queryable, userId: string, guildId: string): Promise<string | null> {
  const { rows } = await db.execute<{ role: string }>(
    sql`SELECT role FROM guild_members WHERE user_id = ${userId} AND guild_id = ${guildId}`,
  );
  return rows[0]?.role ?? null;
}

/**
 * Opens a room. `content` is what plays when the platform itself chose it (a Shorts episode: platform
 * `upload`, `/watch/<episode id>`); otherwise the pasted URL is parsed.
 */
export async function createRoom(
  deps: RoomDeps,
  userId: string,
  input: z.output<typeof createRoomInput>,
  content?: ParsedContent,
): Promise<RoomDetail> {
  const parsed: ParseContentResult = content ? { ok: true, content } : parseContentUrl(input.contentUrl);
  if (!parsed.ok) throw roomErrors.validation(parsed.message);
  // Seed 000: officers (and the leader) manage guild rooms; members take part in them.
  if (input.guildId && !['leader', 'officer'].includes((await guildRoleOf(deps.db, userId, input.guildId)) ?? '')) {
    throw roomErrors.forbidden('the leader and officers of a guild can open a room for it');
  }
  const now = deps.now();
  const defaults = input.visibility === undefined || input.micEnabled === undefined ? await roomDefaultsOf(deps.db, userId) : null;
  const visibility = input.visibility ?? defaults!.visibility;
  const micEnabled = input.micEnabled ?? defaults!.micEnabled;
  const { rows } = await deps.db.execute<{ id: string }>(sql`
    INSERT INTO rooms (name, leader_id, platform, content_url, visibility, max_members, mic_enabled,
                       playback_control, chat_mode, guild_id, playback, is_playing, empty_since, created_at, updated_at)
    VALUES (${input.name}, ${userId}, ${parsed.content.platform}, ${parsed.content.url}, ${visibility},
            ${input.maxMembers}, ${micEnabled}, ${input.playbackControl}, ${input.chatMode},
            ${input.guildId}, ${JSON.stringify(initialPlayback(contentMediaKey({ platform: parsed.content.platform, content_url: parsed.content.url }), now))}::jsonb,
            false, ${now}, ${now}, ${now})
    RETURNING id`);
  return (await loadRoomDetail(deps.db, rows[0]!.id))!;
}

function encodeCursor(lastId: string): string {
  return Buffer.from(lastId).toString('base64url');
}

function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw roomErrors.validation('That page of rooms does not exist any more. Reload the lobby.');
  }
  return id;
}

/**
 * The lobby: public rooms, rooms of friends, rooms of the user's guild (never private ones), and the
 * user's own rooms (inactive ones too, so a leader can reopen them). Live member counts come with each.
 */
export async function lobby(deps: RoomDeps, userId: string, input: z.output<typeof lobbyInput>): Promise<LobbyPage> {
  const guildId = await guildOf(deps.db, userId);
  const active = sql`r.is_active AND r.leader_id IN (SELECT id FROM users WHERE deactivated_at IS NULL AND deleted_at IS NULL)`;
  const pub = sql`r.visibility = 'public'`;
  const friends = sql`(r.visibility <> 'private' AND ${isFriendOf(userId, sql.raw('r.leader_id'))})`;
  const guild = guildId ? sql`(r.guild_id = ${guildId} AND r.visibility <> 'private')` : sql`false`;
  const mine = sql`(r.leader_id = ${userId} OR EXISTS (
    SELECT 1 FROM room_members m WHERE m.room_id = r.id AND m.user_id = ${userId} AND m.left_at IS NULL))`;
  const where = {
    all: sql`((${active} AND (${pub} OR ${friends} OR ${guild} OR ${mine})) OR r.leader_id = ${userId})`,
    public: sql`${active} AND ${pub}`,
    friends: sql`${active} AND ${friends}`,
    guild: sql`${active} AND ${guild}`,
    mine: sql`${mine}`,
  }[input.tab];
  const page = await loadRoomSummaries(deps.db, where, { limit: LOBBY_PAGE_SIZE, afterId: decodeCursor(input.cursor) });
  return { rooms: page.rooms, nextCursor: page.hasMore && page.lastId ? encodeCursor(page.lastId) : null };
}

type RoomFactsRow = {
  id: string;
  leader_id: string;
  visibility: RoomVisibility;
  is_active: boolean;
  is_locked: boolean;
  max_members: number;
  guild_id: string | null;
};

async function inviteStatus(
  db: Queryable,
  roomId: string,
  code: string | undefined,
  now: Date,
): Promise<{ status: InviteStatus; id: string | null }> {
  if (!code) return { status: 'none', id: null };
  const { rows } = await db.execute<{ id: string; room_id: string; expires_at: Date | null; uses: number; max_uses: number | null }>(
    sql`SELECT id, room_id, expires_at, uses, max_uses FROM room_invites WHERE code = ${code}`,
  );
  const invite = rows[0];
  if (!invite || invite.room_id !== roomId) return { status: 'invalid', id: null };
  if (invite.expires_at && new Date(invite.expires_at) <= now) return { status: 'expired', id: invite.id };
  if (invite.max_uses !== null && invite.uses >= invite.max_uses) return { status: 'used', id: invite.id };
  return { status: 'valid', id: invite.id };
}

/** Everything decideJoin needs, read inside the caller's transaction (room row locked when joining). */
async function joinFacts(
  db: Queryable,
  room: RoomFactsRow,
  userId: string,
  inviteCode: string | undefined,
  now: Date,
): Promise<{ facts: JoinFacts; inviteId: string | null; member: { left_at: Date | null; role: RoomRole } | null }> {
  const { rows: memberRows } = await db.execute<{ left_at: Date | null; role: RoomRole }>(
    sql`SELECT left_at, role FROM room_members WHERE room_id = ${room.id} AND user_id = ${userId}`,
  );
  const { rows: banRows } = await db.execute<{ until: Date | null }>(sql`
    SELECT until FROM room_bans WHERE room_id = ${room.id} AND user_id = ${userId} AND (until IS NULL OR until > ${now})`);
  const { rows: countRows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM room_members WHERE room_id = ${room.id} AND left_at IS NULL AND user_id <> ${userId}`);
  const member = memberRows[0] ?? null;
  const invite = await inviteStatus(db, room.id, inviteCode, now);
  const isLeader = room.leader_id === userId;
  const facts: JoinFacts = {
    isActive: room.is_active,
    isLocked: room.is_locked,
    visibility: room.visibility,
    maxMembers: room.max_members,
    presentCount: countRows[0]?.n ?? 0,
    isLeader,
    isPresent: member !== null && member.left_at === null,
    wasMember: member !== null && member.left_at !== null,
    ban: banRows[0] ? { until: banRows[0].until ? new Date(banRows[0].until) : null } : null,
    isFriendOfLeader: !isLeader && room.visibility === 'friends' ? await areFriends(db, userId, room.leader_id) : false,
    isGuildMember: room.guild_id !== null && (await guildOf(db, userId)) === room.guild_id,
    invite: invite.status,
    now,
  };
  return { facts, inviteId: invite.id, member };
}

async function roomFacts(db: Queryable, roomId: string, lock: boolean): Promise<RoomFactsRow> {
  const { rows } = await db.execute<RoomFactsRow>(sql`
    SELECT id, leader_id, visibility, is_active, is_locked, max_members, guild_id FROM rooms WHERE id = ${roomId}
    ${lock ? sql`FOR UPDATE` : sql``}`);
  if (!rows[0]) throw roomErrors.notFound();
  return rows[0];
}

/** The room page before joining: the room as a card and whether (and why not) this user may come in. */
export async function roomPage(deps: RoomDeps, userId: string, roomId: string, inviteCode?: string): Promise<RoomPage> {
  const room = await roomFacts(deps.db, roomId, false);
  const { facts } = await joinFacts(deps.db, room, userId, inviteCode, deps.now());
  const decision = decideJoin(facts);
  const summary = (await loadRoomDetail(deps.db, roomId))!;
  return {
    room: summary,
    access: decision.ok
      ? { canJoin: true, code: null, message: null }
      : { canJoin: false, code: decision.error.code, message: decision.error.message },
  };
}

/** What an invite link opens, and whether it still works (the /invite/<code> page). */
export async function inviteInfo(deps: RoomDeps, code: string): Promise<InviteInfo> {
  const { rows } = await deps.db.execute<{ room_id: string; expires_at: Date | null }>(
    sql`SELECT room_id, expires_at FROM room_invites WHERE code = ${code}`,
  );
  const invite = rows[0];
  if (!invite) throw roomErrors.inviteInvalid();
  const room = (await loadRoomDetail(deps.db, invite.room_id))!;
  const status = await inviteStatus(deps.db, invite.room_id, code, deps.now());
  const error =
    status.status === 'expired' ? roomErrors.inviteExpired() : status.status === 'valid' ? null : roomErrors.inviteInvalid();
  return {
    room,
    expiresAt: invite.expires_at ? new Date(invite.expires_at).toISOString() : null,
    valid: error === null && room.isActive,
    message: error?.message ?? (room.isActive ? null : roomErrors.inactive().message),
  };
}

/** The leader opens an inactive room again. */
export async function reopenRoom(deps: RoomDeps, userId: string, roomId: string): Promise<RoomDetail> {
  const room = await roomFacts(deps.db, roomId, false);
  if (room.leader_id !== userId) throw roomErrors.forbidden('the leader can reopen this room');
  const now = deps.now();
  await deps.db.execute(sql`UPDATE rooms SET is_active = true, empty_since = ${now}, updated_at = ${now} WHERE id = ${roomId}`);
  return (await loadRoomDetail(deps.db, roomId))!;
}

// ---------- invites ----------

interface Membership {
  role: RoomRole;
  isMuted: boolean;
}

/** The present membership of a user, or NOT_A_MEMBER. */
async function presentMember(db: Queryable, roomId: string, userId: string): Promise<Membership> {
  const { rows } = await db.execute<{ role: RoomRole; is_muted: boolean }>(sql`
    SELECT role, is_muted FROM room_members WHERE room_id = ${roomId} AND user_id = ${userId} AND left_at IS NULL`);
  if (!rows[0]) throw roomErrors.notMember();
  return { role: rows[0].role, isMuted: rows[0].is_muted };
}

async function requireInviter(db: Queryable, roomId: string, userId: string): Promise<void> {
  const room = await roomFacts(db, roomId, false);
  if (!room.is_active) throw roomErrors.inactive();
  const role = room.leader_id === userId ? 'leader' : (await presentMember(db, roomId, userId)).role;
  if (!canInvite(role)) throw roomErrors.forbidden('the leader and moderators can invite people');
}

/** Seed 000 `GET /api/rooms/:id/invite`: a new code, single- or multi-use, working for `expiresIn` seconds. */
export async function createInvite(
  deps: RoomDeps & { webOrigin: string },
  userId: string,
  roomId: string,
  query: z.output<typeof inviteQuery>,
): Promise<RoomInviteLink> {
  await requireInviter(deps.db, roomId, userId);
  const now = deps.now();
  const code = randomBytes(12).toString('base64url');
  await deps.db.execute(sql`
    INSERT INTO room_invites (code, room_id, created_by, max_uses, expires_at, created_at, updated_at)
    VALUES (${code}, ${roomId}, ${userId}, ${query.uses === 'single' ? 1 : null},
            ${new Date(now.getTime() + query.expiresIn * 1000)}, ${now}, ${now})`);
  return { code, expires_in: query.expiresIn, url: `${deps.webOrigin.replace(/\/$/, '')}/invite/${code}` };
}

/**
 * Seed 000 `POST /api/rooms/:id/invite-user`: invites a friend with a single-use code (one day) and an
 * room_invite notification through notify() (in-app, push and email as the friend chose).
 */
export async function inviteUser(
  deps: NotifyServices,
  userId: string,
  roomId: string,
  friendId: string,
): Promise<{ notification: { id: string } | null }> {
  await requireInviter(deps.db, roomId, userId);
  // A block either way ends invites between the two (issue 6), before any friendship question.
  if (await isBlockedBetween(deps.db, userId, friendId)) {
    throw new RoomError('FORBIDDEN', 'You cannot invite this person: one of you has blocked the other.');
  }
  if (!(await areFriends(deps.db, userId, friendId))) {
    throw roomErrors.forbidden('friends can be invited this way; send them an invite link instead');
  }
  const now = deps.now();
  const code = randomBytes(12).toString('base64url');
  const { rows: roomRows } = await deps.db.execute<{ name: string }>(sql`SELECT name FROM rooms WHERE id = ${roomId}`);
  await deps.db.execute(sql`
    INSERT INTO room_invites (code, room_id, created_by, max_uses, expires_at, created_at, updated_at)
    VALUES (${code}, ${roomId}, ${userId}, 1, ${new Date(now.getTime() + 24 * 3600 * 1000)}, ${now}, ${now})`);
  const inviter = await loadPerson(deps.db, userId);
  const payload: NotificationPayloads['room_invite'] = {
    roomId,
    roomName: roomRows[0]!.name,
    fromUserId: userId,
    fromName: inviter ? nameOf(inviter) : 'A friend',
    code,
  };
  return { notification: await notify(deps, { userId: friendId, type: 'room_invite', payload }) };
}

/** Friends of the user who are not in the room now (the invite dialog's picker). */
export async function invitableFriends(deps: RoomDeps, userId: string, roomId: string): Promise<Person[]> {
  // Only those who may invite see it: it tells which friends are in the room.
  await requireInviter(deps.db, roomId, userId);
  const { rows } = await deps.db.execute<{ id: string; username: string; display_name: string | null; avatar_url: string | null }>(sql`
    SELECT u.id, u.username, u.display_name, u.avatar_url FROM users u
    WHERE ${isFriendOf(userId, sql.raw('u.id'))}
      AND u.deactivated_at IS NULL AND u.deleted_at IS NULL
      AND NOT ${isBlockedWith(userId, sql.raw('u.id'))}
      AND NOT EXISTS (SELECT 1 FROM room_members m WHERE m.room_id = ${roomId} AND m.user_id = u.id AND m.left_at IS NULL)
    ORDER BY lower(coalesce(u.display_name, u.username)) LIMIT 200`);
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, avatarUrl: r.avatar_url }));
}

// ---------- presence: join and leave ----------

async function insertSystemLine(tx: Queryable, roomId: string, content: string, now: Date): Promise<string> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    INSERT INTO room_messages (room_id, user_id, kind, content, created_at, updated_at)
    VALUES (${roomId}, NULL, 'system', ${content.slice(0, 500)}, ${now}, ${now}) RETURNING id`);
  return rows[0]!.id;
}

export interface JoinOutcome {
  /** False for a reconnect or a second tab of someone already present. */
  arrived: boolean;
  systemMessageId: string | null;
}

/**
 * `room:join`: the join rules with the room row locked, so concurrent joins never exceed its size.
 * A new arrival is written as present (left_at NULL), uses up one use of the invite that let them in,
 * gets a "joined" line and, when the room plays, an open watch session.
 */
export async function joinRoom(deps: RoomDeps, userId: string, roomId: string, inviteCode?: string): Promise<JoinOutcome> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const room = await roomFacts(tx, roomId, true);
    const { facts, inviteId } = await joinFacts(tx, room, userId, inviteCode, now);
    const decision = decideJoin(facts);
    if (!decision.ok) throw decision.error;
    await startWatchSession(tx, userId, roomId, now);
    if (facts.isPresent) return { arrived: false, systemMessageId: null };

    const role: RoomRole = facts.isLeader ? 'leader' : 'member';
    await tx.execute(sql`
      INSERT INTO room_members (room_id, user_id, role, joined_at, left_at, created_at, updated_at)
      VALUES (${roomId}, ${userId}, ${role}, ${now}, NULL, ${now}, ${now})
      ON CONFLICT (room_id, user_id) DO UPDATE
      SET left_at = NULL, joined_at = ${now}, role = ${role}, updated_at = ${now}`);
    if (decision.consumeInvite && inviteId) {
      await tx.execute(sql`UPDATE room_invites SET uses = uses + 1, updated_at = ${now} WHERE id = ${inviteId}`);
    }
    await tx.execute(sql`UPDATE rooms SET empty_since = NULL, updated_at = ${now} WHERE id = ${roomId}`);
    const person = (await loadPerson(tx, userId))!;
    const systemMessageId = await insertSystemLine(tx, roomId, `${nameOf(person)} joined`, now);
    return { arrived: true, systemMessageId };
  });
}

export interface LeaveOutcome {
  left: boolean;
  systemMessageIds: string[];
  /** Set when the leadership passed to someone else. */
  newLeaderId: string | null;
  roomEmpty: boolean;
}

/**
 * Someone goes: explicit leave, a disconnect that outlived its grace, or a kick (the caller writes the
 * ban first). Closes their watch session; when the leader goes, the longest-present member leads.
 */
export async function leaveRoom(
  deps: RoomDeps,
  userId: string,
  roomId: string,
  how: { reason: 'left' | 'disconnected' | 'kicked'; by?: string },
): Promise<LeaveOutcome> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const room = await roomFacts(tx, roomId, true);
    await endWatchSessions(tx, roomId, userId, now);
    const { rowCount } = await tx.execute(sql`
      UPDATE room_members SET left_at = ${now}, updated_at = ${now}
      WHERE room_id = ${roomId} AND user_id = ${userId} AND left_at IS NULL`);
    if (!rowCount) return { left: false, systemMessageIds: [], newLeaderId: null, roomEmpty: false };

    const person = (await loadPerson(tx, userId))!;
    const byName = how.by ? nameOf((await loadPerson(tx, how.by))!) : null;
    const line =
      how.reason === 'kicked' ? `${nameOf(person)} was removed${byName ? ` by ${byName}` : ''}` : `${nameOf(person)} left`;
    const systemMessageIds = [await insertSystemLine(tx, roomId, line, now)];

    const present = await loadPresentMembers(tx, roomId);
    let newLeaderId: string | null = null;
    if (room.leader_id === userId) {
      const heir = nextLeader(present);
      if (heir) {
        newLeaderId = heir.userId;
        await transferLeadership(tx, roomId, userId, heir.userId, now);
        systemMessageIds.push(await insertSystemLine(tx, roomId, `${nameOf(heir.person)} leads the room now`, now));
      }
    }
    if (present.length === 0) await tx.execute(sql`UPDATE rooms SET empty_since = ${now} WHERE id = ${roomId}`);
    return { left: true, systemMessageIds, newLeaderId, roomEmpty: present.length === 0 };
  });
}

async function transferLeadership(tx: Queryable, roomId: string, from: string, to: string, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE rooms SET leader_id = ${to}, updated_at = ${now} WHERE id = ${roomId}`);
  await tx.execute(sql`UPDATE room_members SET role = 'member', updated_at = ${now} WHERE room_id = ${roomId} AND user_id = ${from}`);
  await tx.execute(sql`UPDATE room_members SET role = 'leader', updated_at = ${now} WHERE room_id = ${roomId} AND user_id = ${to}`);
}

// ---------- chat ----------

export async function chatHistory(
  deps: RoomDeps,
  userId: string,
  input: { roomId: string; beforeId: string },
): Promise<{ messages: ChatMessage[]; hasMore: boolean }> {
  await presentMember(deps.db, input.roomId, userId);
  return loadChatPage(deps.db, input.roomId, userId, input.beforeId);
}

/** Toggles one emoji of one person on a message; returns the message's reactions from their view. */
export async function toggleReaction(
  deps: RoomDeps,
  userId: string,
  input: { roomId: string; messageId: string; emoji: string },
): Promise<ChatMessage['reactions']> {
  await presentMember(deps.db, input.roomId, userId);
  const { rows } = await deps.db.execute(
    sql`SELECT 1 FROM room_messages WHERE id = ${input.messageId} AND room_id = ${input.roomId} AND kind = 'user'`,
  );
  if (rows.length === 0) throw roomErrors.validation('That message is not in this room any more.');
  const now = deps.now();
  const { rowCount } = await deps.db.execute(sql`
    DELETE FROM room_message_reactions WHERE message_id = ${input.messageId} AND user_id = ${userId} AND emoji = ${input.emoji}`);
  if (!rowCount) {
    await deps.db.execute(sql`
      INSERT INTO room_message_reactions (message_id, user_id, emoji, created_at, updated_at)
      VALUES (${input.messageId}, ${userId}, ${input.emoji}, ${now}, ${now}) ON CONFLICT DO NOTHING`);
  }
  return loadReactions(deps.db, input.messageId, userId);
}

// ---------- leader powers ----------

interface PowerContext {
  room: RoomFactsRow & { playback_control: 'leader' | 'any' };
  actor: Membership;
}

async function powerContext(tx: Queryable, roomId: string, actorId: string): Promise<PowerContext> {
  const { rows } = await tx.execute<RoomFactsRow & { playback_control: 'leader' | 'any' }>(sql`
    SELECT id, leader_id, visibility, is_active, is_locked, max_members, guild_id, playback_control
    FROM rooms WHERE id = ${roomId} FOR UPDATE`);
  const room = rows[0];
  if (!room) throw roomErrors.notFound();
  if (!room.is_active) throw roomErrors.inactive();
  return { room, actor: await presentMember(tx, roomId, actorId) };
}

async function targetMember(tx: Queryable, roomId: string, targetId: string): Promise<Membership> {
  const { rows } = await tx.execute<{ role: RoomRole; is_muted: boolean }>(sql`
    SELECT role, is_muted FROM room_members WHERE room_id = ${roomId} AND user_id = ${targetId} AND left_at IS NULL`);
  if (!rows[0]) throw new RoomError('NOT_A_MEMBER', 'That person is not in this room.');
  return { role: rows[0].role, isMuted: rows[0].is_muted };
}

export interface KickOutcome extends LeaveOutcome {
  bannedUntil: Date | null;
}

/**
 * Kick: the person leaves and is banned from the room, for `banMinutes` or, without it, for good
 * (a kicked user cannot come back through any path, invite links included, until the ban ends).
 */
export async function kickMember(
  deps: RoomDeps,
  actorId: string,
  input: { roomId: string; userId: string; banMinutes?: number | undefined; reason?: string | undefined },
): Promise<KickOutcome> {
  const now = deps.now();
  const bannedUntil = input.banMinutes ? new Date(now.getTime() + input.banMinutes * 60_000) : null;
  await deps.db.transaction(async (tx) => {
    const { actor } = await powerContext(tx, input.roomId, actorId);
    const target = await targetMember(tx, input.roomId, input.userId);
    if (!canModerate(actor.role, target.role)) {
      throw roomErrors.forbidden('the leader (or a moderator, for members) can remove people');
    }
    await tx.execute(sql`
      INSERT INTO room_bans (room_id, user_id, until, reason, banned_by, created_at, updated_at)
      VALUES (${input.roomId}, ${input.userId}, ${bannedUntil}, ${input.reason ?? null}, ${actorId}, ${now}, ${now})
      ON CONFLICT (room_id, user_id) DO UPDATE
      SET until = EXCLUDED.until, reason = EXCLUDED.reason, banned_by = EXCLUDED.banned_by, updated_at = EXCLUDED.updated_at`);
  });
  const outcome = await leaveRoom(deps, input.userId, input.roomId, { reason: 'kicked', by: actorId });
  return { ...outcome, bannedUntil };
}

export async function muteMember(deps: RoomDeps, actorId: string, input: { roomId: string; userId: string; muted: boolean }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { actor } = await powerContext(tx, input.roomId, actorId);
    const target = await targetMember(tx, input.roomId, input.userId);
    if (!canModerate(actor.role, target.role)) throw roomErrors.forbidden('the leader (or a moderator, for members) can mute people');
    await tx.execute(sql`
      UPDATE room_members SET is_muted = ${input.muted}, updated_at = ${deps.now()}
      WHERE room_id = ${input.roomId} AND user_id = ${input.userId}`);
  });
}

export async function setModerator(
  deps: RoomDeps,
  actorId: string,
  input: { roomId: string; userId: string; moderator: boolean },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { actor } = await powerContext(tx, input.roomId, actorId);
    if (actor.role !== 'leader') throw roomErrors.forbidden('the leader can choose moderators');
    const target = await targetMember(tx, input.roomId, input.userId);
    if (target.role === 'leader') throw roomErrors.validation('The leader is already in charge.');
    await tx.execute(sql`
      UPDATE room_members SET role = ${input.moderator ? 'moderator' : 'member'}, updated_at = ${deps.now()}
      WHERE room_id = ${input.roomId} AND user_id = ${input.userId}`);
  });
}

export async function transferRoom(deps: RoomDeps, actorId: string, input: { roomId: string; userId: string }): Promise<string> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { actor } = await powerContext(tx, input.roomId, actorId);
    if (actor.role !== 'leader') throw roomErrors.forbidden('the leader can hand over the room');
    if (input.userId === actorId) throw roomErrors.validation('You already lead this room.');
    await targetMember(tx, input.roomId, input.userId);
    await transferLeadership(tx, input.roomId, actorId, input.userId, now);
    const heir = (await loadPerson(tx, input.userId))!;
    return insertSystemLine(tx, input.roomId, `${nameOf(heir)} leads the room now`, now);
  });
}

export async function toggleMic(deps: RoomDeps, actorId: string, input: { roomId: string; enabled: boolean }): Promise<RoomDetail> {
  await deps.db.transaction(async (tx) => {
    const { actor } = await powerContext(tx, input.roomId, actorId);
    if (actor.role !== 'leader') throw roomErrors.forbidden('the leader can turn the microphones on or off');
    await tx.execute(sql`UPDATE rooms SET mic_enabled = ${input.enabled}, updated_at = ${deps.now()} WHERE id = ${input.roomId}`);
  });
  return (await loadRoomDetail(deps.db, input.roomId))!;
}

const SETTING_COLUMNS = {
  name: 'name',
  visibility: 'visibility',
  maxMembers: 'max_members',
  playbackControl: 'playback_control',
  chatMode: 'chat_mode',
  isLocked: 'is_locked',
  slowMode: 'slow_mode',
} as const;

/** Room settings, lock and slow mode: the leader's. A smaller size never removes anyone already in. */
export async function updateRoom(
  deps: RoomDeps,
  actorId: string,
  input: { roomId: string; patch: z.output<typeof roomSettingsPatch> },
): Promise<RoomDetail> {
  await deps.db.transaction(async (tx) => {
    const { actor } = await powerContext(tx, input.roomId, actorId);
    if (actor.role !== 'leader') throw roomErrors.forbidden('the leader can change the room settings');
    const sets = Object.entries(input.patch)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => sql`${sql.raw(SETTING_COLUMNS[key as keyof typeof SETTING_COLUMNS])} = ${value}`);
    sets.push(sql`updated_at = ${deps.now()}`);
    await tx.execute(sql`UPDATE rooms SET ${sql.join(sets, sql`, `)} WHERE id = ${input.roomId}`);
  });
  return (await loadRoomDetail(deps.db, input.roomId))!;
}

/** What plays changes: watch sessions close (content end) and reopen for the new content. */
export async function changeContent(
  deps: RoomDeps,
  actorId: string,
  input: { roomId: string; url: string },
): Promise<{ room: RoomDetail; systemMessageId: string; transition: PlaybackTransition | null }> {
  const parsed = parseContentUrl(input.url);
  if (!parsed.ok) throw roomErrors.validation(parsed.message);
  const now = deps.now();
  const { systemMessageId, transition } = await deps.db.transaction(async (tx) => {
    const { room, actor } = await powerContext(tx, input.roomId, actorId);
    if (!canControlPlayback(actor.role, room.playback_control)) throw roomErrors.forbidden('the leader can change what plays');
    await tx.execute(sql`
      UPDATE rooms SET platform = ${parsed.content.platform}, content_url = ${parsed.content.url}, updated_at = ${now}
      WHERE id = ${input.roomId}`);
    // The content ended for everyone: watch time stops; the new content starts paused at 0.
    await endWatchSessions(tx, input.roomId, null, now);
    const mediaKey = contentMediaKey({ platform: parsed.content.platform, content_url: parsed.content.url })!;
    const transition = await changeMedia(tx, input.roomId, mediaKey, actorId, now);
    const person = (await loadPerson(tx, actorId))!;
    return { systemMessageId: await insertSystemLine(tx, input.roomId, `${nameOf(person)} changed what plays`, now), transition };
  });
  return { room: (await loadRoomDetail(deps.db, input.roomId))!, systemMessageId, transition };
}

// ---------- housekeeping ----------

/** Rooms empty for longer than the grace become inactive (their leader can reopen them). */
export async function closeEmptyRooms(deps: RoomDeps, graceMs: number): Promise<string[]> {
  const now = deps.now();
  const { rows } = await deps.db.execute<{ id: string }>(sql`
    UPDATE rooms r SET is_active = false, updated_at = ${now}
    WHERE r.is_active AND r.empty_since IS NOT NULL AND r.empty_since < ${new Date(now.getTime() - graceMs)}
      AND NOT EXISTS (SELECT 1 FROM room_members m WHERE m.room_id = r.id AND m.left_at IS NULL)
    RETURNING r.id`);
  return rows.map((r) => r.id);
}

/**
 * The presence sweep's writes, a fixed handful of statements whatever the number of rooms (it runs on
 * every instance every 30 s, beside live chat): members connected now are marked seen and get an open
 * watch session where their room plays; open sessions of members not connected (that began before the
 * sockets were counted) close. Returns the present members nobody has seen since `staleBefore`.
 */
export async function sweepPresence(
  deps: RoomDeps,
  connected: readonly { roomId: string; userId: string }[],
  countedAt: Date,
  staleBefore: Date,
): Promise<{ roomId: string; userId: string }[]> {
  const now = deps.now();
  const rooms = uuidArray(connected.map((c) => c.roomId));
  const users = uuidArray(connected.map((c) => c.userId));
  await deps.db.execute(sql`
    UPDATE room_members m SET updated_at = ${now}
    FROM unnest(${rooms}, ${users}) AS c(room_id, user_id)
    WHERE m.room_id = c.room_id AND m.user_id = c.user_id AND m.left_at IS NULL`);
  await deps.db.execute(sql`
    INSERT INTO watch_sessions (user_id, room_id, started_at, created_at, updated_at)
    SELECT c.user_id, c.room_id, ${now}, ${now}, ${now}
    FROM unnest(${rooms}, ${users}) AS c(room_id, user_id)
    JOIN rooms r ON r.id = c.room_id AND r.is_playing AND r.is_active
    JOIN room_members m ON m.room_id = c.room_id AND m.user_id = c.user_id AND m.left_at IS NULL
    ON CONFLICT (user_id, room_id) WHERE ended_at IS NULL DO NOTHING`);
  await deps.db.execute(sql`
    UPDATE watch_sessions w
    SET ended_at = GREATEST(w.started_at, ${now}::timestamptz),
        duration_secs = GREATEST(0, floor(extract(epoch FROM (${now}::timestamptz - w.started_at))))::int,
        updated_at = ${now}
    WHERE w.ended_at IS NULL AND w.started_at < ${countedAt} AND w.room_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM unnest(${rooms}, ${users}) AS c(room_id, user_id)
                      WHERE c.room_id = w.room_id AND c.user_id = w.user_id)`);
  const { rows } = await deps.db.execute<{ room_id: string; user_id: string }>(sql`
    SELECT room_id, user_id FROM room_members WHERE left_at IS NULL AND updated_at < ${staleBefore}`);
  return rows.map((r) => ({ roomId: r.room_id, userId: r.user_id }));
}

/** Marks when members were last seen connected (the sweep's heartbeat, and a disconnect). */
export async function touchMembers(deps: RoomDeps, roomId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await deps.db.execute(sql`
    UPDATE room_members SET updated_at = ${deps.now()}
    WHERE room_id = ${roomId} AND left_at IS NULL AND user_id IN (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)})`);
}

export { loadChatPage, loadPresentMembers, loadRoomDetail, endWatchSessions, startWatchSession };
