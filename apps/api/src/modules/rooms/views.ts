import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  CHAT_HISTORY_PAGE,
  CHAT_RATE_LIMIT,
  DELETED_USER_NAME,
  parseContentUrl,
  type ChatMessage,
  type Person,
  type RoomDetail,
  type RoomMember,
  type RoomRole,
  type RoomSummary,
} from '@wt/schemas';
import type { ChatRules, LoadedChatFacts } from './chat-gate';
import type { PendingMessage } from './chat-writer';
import { executePrepared, type PreparedQueryable } from './prepared';

/**
 * Reads that turn rows into the contract's shapes (RoomSummary, RoomDetail, RoomMember, ChatMessage).
 * `Queryable` is the database or a transaction, so an action reads what it just wrote.
 */

export type Queryable = Pick<Database, 'execute'>;

export type PersonRow = {
  user_id: string;
  username: string;
  display_name: string | null;
  avatar_url: string | null;
  deleted_at: Date | null;
};

export function personOf(r: PersonRow): Person {
  // A purged account keeps an anonymous row; it reads as "Deleted user" everywhere.
  if (r.deleted_at) return { id: r.user_id, username: DELETED_USER_NAME, displayName: DELETED_USER_NAME, avatarUrl: null };
  return { id: r.user_id, username: r.username, displayName: r.display_name, avatarUrl: r.avatar_url };
}

export function nameOf(person: Person): string {
  return person.displayName ?? person.username;
}

export async function loadPerson(db: Queryable, userId: string): Promise<Person | null> {
  const { rows } = await db.execute<PersonRow>(
    sql`SELECT id AS user_id, username, display_name, avatar_url, deleted_at FROM users WHERE id = ${userId}`,
  );
  return rows[0] ? personOf(rows[0]) : null;
}

type RoomRow = PersonRow & {
  id: string;
  name: string;
  visibility: RoomSummary['visibility'];
  platform: NonNullable<RoomSummary['content']>['platform'];
  content_url: string | null;
  max_members: number;
  is_locked: boolean;
  is_active: boolean;
  guild_id: string | null;
  guild_name: string | null;
  member_count: number;
  mic_enabled: boolean;
  playback_control: RoomDetail['playbackControl'];
  chat_mode: RoomDetail['chatMode'];
  slow_mode: boolean;
  created_at: Date;
};

const ROOM_COLUMNS = sql`
  r.id, r.name, r.visibility, r.platform, r.content_url, r.max_members, r.is_locked, r.is_active, r.guild_id,
  r.mic_enabled, r.playback_control, r.chat_mode, r.slow_mode, r.created_at,
  g.name AS guild_name,
  u.id AS user_id, u.username, u.display_name, u.avatar_url, u.deleted_at,
  (SELECT count(*)::int FROM room_members m WHERE m.room_id = r.id AND m.left_at IS NULL) AS member_count`;

const ROOM_FROM = sql`FROM rooms r JOIN users u ON u.id = r.leader_id LEFT JOIN guilds g ON g.id = r.guild_id`;

/** The provider id of stored content, read back with the same parser that normalised it. */
function mediaIdOf(platform: RoomRow['platform'], url: string): string | null {
  if (platform === 'upload') return null;
  const parsed = parseContentUrl(url);
  return parsed.ok ? parsed.content.mediaId : null;
}

/** The playback machine's media id for stored content: `<platform>:<provider id or URL>`. */
export function contentMediaKey(row: { platform: string; content_url: string | null }): string | null {
  if (!row.content_url) return null;
  const platform = row.platform as RoomRow['platform'];
  return `${platform}:${mediaIdOf(platform, row.content_url) ?? row.content_url}`;
}

function summaryOf(r: RoomRow): RoomSummary {
  return {
    id: r.id,
    name: r.name,
    visibility: r.visibility,
    content: r.content_url ? { platform: r.platform, url: r.content_url, mediaId: mediaIdOf(r.platform, r.content_url) } : null,
    leader: personOf(r),
    memberCount: r.member_count,
    maxMembers: r.max_members,
    isLocked: r.is_locked,
    isActive: r.is_active,
    guild: r.guild_id && r.guild_name ? { id: r.guild_id, name: r.guild_name } : null,
  };
}

function detailOf(r: RoomRow): RoomDetail {
  return {
    ...summaryOf(r),
    micEnabled: r.mic_enabled,
    playbackControl: r.playback_control,
    chatMode: r.chat_mode,
    slowMode: r.slow_mode,
  };
}

export async function loadRoomDetail(db: Queryable, roomId: string): Promise<RoomDetail | null> {
  const { rows } = await db.execute<RoomRow>(sql`SELECT ${ROOM_COLUMNS} ${ROOM_FROM} WHERE r.id = ${roomId}`);
  return rows[0] ? detailOf(rows[0]) : null;
}

/** Rooms matching `where` (over `r`), newest first, after the room `afterId`; one more than `limit` tells there is more. */
export async function loadRoomSummaries(
  db: Queryable,
  where: SQL,
  page: { limit: number; afterId: string | null },
): Promise<{ rooms: RoomSummary[]; lastId: string | null; hasMore: boolean }> {
  // The keyset is read back from the row itself, so created_at keeps its microseconds.
  const after = page.afterId
    ? sql`AND (r.created_at, r.id) < (SELECT created_at, id FROM rooms WHERE id = ${page.afterId})`
    : sql``;
  const { rows } = await db.execute<RoomRow>(sql`
    SELECT ${ROOM_COLUMNS} ${ROOM_FROM}
    WHERE ${where} ${after}
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT ${page.limit + 1}`);
  const hasMore = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const lastRow = shown[shown.length - 1];
  return {
    rooms: shown.map(summaryOf),
    lastId: lastRow?.id ?? null,
    hasMore,
  };
}

export interface PresentMemberRow {
  userId: string;
  role: RoomRole;
  isMuted: boolean;
  joinedAt: Date;
}

/** Everyone present in the room (left_at IS NULL), longest there first. */
export async function loadPresentMembers(db: Queryable, roomId: string): Promise<(PresentMemberRow & { person: Person })[]> {
  const { rows } = await db.execute<PersonRow & { role: RoomRole; is_muted: boolean; joined_at: Date }>(sql`
    SELECT m.user_id, m.role, m.is_muted, m.joined_at, u.username, u.display_name, u.avatar_url, u.deleted_at
    FROM room_members m JOIN users u ON u.id = m.user_id
    WHERE m.room_id = ${roomId} AND m.left_at IS NULL
    ORDER BY m.joined_at, m.user_id`);
  return rows.map((r) => ({
    userId: r.user_id,
    role: r.role,
    isMuted: r.is_muted,
    joinedAt: new Date(r.joined_at),
    person: personOf(r),
  }));
}

export function memberOf(
  row: PresentMemberRow & { person: Person },
  live: { online: boolean; buffering: boolean },
): RoomMember {
  return {
    ...row.person,
    role: row.role,
    isMuted: row.isMuted,
    joinedAt: row.joinedAt.toISOString(),
    online: live.online,
    buffering: live.buffering,
  };
}

type MessageRow = PersonRow & {
  id: string;
  room_id: string;
  kind: 'user' | 'system';
  content: string;
  created_at: Date;
  seq: string;
  reply_id: string | null;
  reply_content: string | null;
  reply_author: string | null;
  reply_author_display: string | null;
  reply_author_deleted: Date | null;
  reactions: { emoji: string; count: number; mine: boolean }[] | null;
};

const EXCERPT_CHARS = 80;

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function messageOf(r: MessageRow): ChatMessage {
  return {
    id: r.id,
    roomId: r.room_id,
    kind: r.kind,
    author: r.kind === 'user' && r.user_id ? personOf(r) : null,
    content: r.content,
    replyTo: r.reply_id
      ? {
          id: r.reply_id,
          author: r.reply_author_deleted ? DELETED_USER_NAME : (r.reply_author_display ?? r.reply_author),
          excerpt: excerpt(r.reply_content ?? ''),
        }
      : null,
    reactions: r.reactions ?? [],
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The reactions of `msg` as `viewerId` sees them (`mine`), oldest emoji first. */
function reactionsOf(viewerId: string): SQL {
  return sql`(SELECT json_agg(json_build_object('emoji', x.emoji, 'count', x.count, 'mine', x.mine) ORDER BY x.first)
    FROM (SELECT emoji, count(*)::int AS count, bool_or(user_id = ${viewerId}) AS mine, min(created_at) AS first
          FROM room_message_reactions WHERE message_id = msg.id GROUP BY emoji) x)`;
}

/** A MessageRow read from `msg` (room_messages rows: the table or a CTE) with its author, reply and `reactions`. */
function messageSelect(reactions: SQL): SQL {
  return sql`
    SELECT msg.id, msg.room_id, msg.kind, msg.content, msg.created_at, msg.seq,
      msg.user_id, u.username, u.display_name, u.avatar_url, u.deleted_at,
      rep.id AS reply_id, rep.content AS reply_content,
      ru.username AS reply_author, ru.display_name AS reply_author_display, ru.deleted_at AS reply_author_deleted,
      ${reactions} AS reactions
    FROM msg
    LEFT JOIN users u ON u.id = msg.user_id
    LEFT JOIN room_messages rep ON rep.id = msg.reply_to_id
    LEFT JOIN users ru ON ru.id = rep.user_id`;
}

/** Messages matching `where` (over `msg`), newest `limit` of them, returned oldest first. */
async function loadMessages(db: Queryable, where: SQL, viewerId: string, limit: number): Promise<ChatMessage[]> {
  // NULLS LAST as in room_messages_room_id_seq_idx: a plain DESC would sort every message of the room.
  const { rows } = await db.execute<MessageRow>(sql`
    WITH msg AS (SELECT * FROM room_messages msg WHERE ${where} ORDER BY msg.seq DESC NULLS LAST LIMIT ${limit})
    ${messageSelect(reactionsOf(viewerId))}
    ORDER BY msg.seq DESC NULLS LAST`);
  return rows.reverse().map(messageOf);
}

/** A member's chat facts (ChatGate's loader): role, mute, name, the room's rules and their latest sends. */
export async function loadChatFacts(db: PreparedQueryable, roomId: string, userId: string): Promise<LoadedChatFacts | null> {
  // NULLS LAST as in room_messages_user_id_created_at_idx, else every message of theirs is read and sorted.
  const { rows } = await executePrepared<
    PersonRow & {
      role: RoomRole;
      is_muted: boolean;
      chat_mode: ChatRules['chatMode'];
      slow_mode: boolean;
      latest: { room_id: string; created_at: string }[];
    }
  >(db, 'rooms_chat_facts', sql`
    SELECT m.role, m.is_muted, r.chat_mode, r.slow_mode,
      u.id AS user_id, u.username, u.display_name, u.avatar_url, u.deleted_at,
      (SELECT coalesce(json_agg(json_build_object('room_id', x.room_id, 'created_at', x.created_at) ORDER BY x.created_at DESC), '[]'::json)
         FROM (SELECT room_id, created_at FROM room_messages
               WHERE user_id = ${userId} AND kind = 'user' ORDER BY created_at DESC NULLS LAST LIMIT ${CHAT_RATE_LIMIT.messages}) x) AS latest
    FROM room_members m JOIN rooms r ON r.id = m.room_id JOIN users u ON u.id = m.user_id
    WHERE m.room_id = ${roomId} AND m.user_id = ${userId} AND m.left_at IS NULL AND r.is_active`);
  const row = rows[0];
  if (!row) return null;
  return {
    rules: { chatMode: row.chat_mode, slowMode: row.slow_mode },
    member: { role: row.role, isMuted: row.is_muted, author: personOf(row) },
    latest: row.latest.map((m) => ({ roomId: m.room_id, createdAt: new Date(m.created_at) })),
  };
}

/** What a reply shows of the message it answers; null when that message is not in the room. */
export async function loadReplyTarget(
  db: Queryable,
  roomId: string,
  messageId: string,
): Promise<NonNullable<ChatMessage['replyTo']> | null> {
  const { rows } = await db.execute<{ id: string; content: string; username: string | null; display_name: string | null; deleted_at: Date | null }>(sql`
    SELECT m.id, m.content, u.username, u.display_name, u.deleted_at
    FROM room_messages m LEFT JOIN users u ON u.id = m.user_id
    WHERE m.id = ${messageId} AND m.room_id = ${roomId}`);
  const r = rows[0];
  if (!r) return null;
  return { id: r.id, author: r.deleted_at ? DELETED_USER_NAME : (r.display_name ?? r.username), excerpt: excerpt(r.content) };
}

/** The reply line of a message, from the message it answers. */
export function replyOf(target: { id: string; author: Person | null; content: string }): NonNullable<ChatMessage['replyTo']> {
  return { id: target.id, author: target.author ? nameOf(target.author) : null, excerpt: excerpt(target.content) };
}

/**
 * Stores chat messages made by the app (ChatWriter's batch) in one statement, in their order. Idempotent
 * on id; a reply to a message of another room, or one gone since, is stored without the link.
 */
export async function insertUserMessages(db: PreparedQueryable, batch: PendingMessage[]): Promise<void> {
  const rows = JSON.stringify(
    batch.map((m) => ({ id: m.id, room_id: m.roomId, user_id: m.userId, content: m.content, reply_to_id: m.replyToId, created_at: m.createdAt })),
  );
  await executePrepared(db, 'rooms_insert_user_messages', sql`
    INSERT INTO room_messages (id, room_id, user_id, kind, content, reply_to_id, created_at, updated_at)
    SELECT (b.v->>'id')::uuid, (b.v->>'room_id')::uuid, (b.v->>'user_id')::uuid, 'user', b.v->>'content',
      (SELECT rep.id FROM room_messages rep WHERE rep.id = (b.v->>'reply_to_id')::uuid AND rep.room_id = (b.v->>'room_id')::uuid),
      (b.v->>'created_at')::timestamptz, (b.v->>'created_at')::timestamptz
    FROM json_array_elements(${rows}::json) WITH ORDINALITY AS b(v, ord)
    ORDER BY b.ord
    ON CONFLICT (id) DO NOTHING`);
}

export async function loadMessage(db: Queryable, messageId: string, viewerId: string): Promise<ChatMessage | null> {
  const [message] = await loadMessages(db, sql`msg.id = ${messageId}`, viewerId, 1);
  return message ?? null;
}

/** A page of chat: the newest messages, or those before `beforeId`; oldest first. */
export async function loadChatPage(
  db: Queryable,
  roomId: string,
  viewerId: string,
  beforeId: string | null,
): Promise<{ messages: ChatMessage[]; hasMore: boolean }> {
  const before = beforeId
    ? sql`AND msg.seq < (SELECT seq FROM room_messages WHERE id = ${beforeId} AND room_id = ${roomId})`
    : sql``;
  const messages = await loadMessages(db, sql`msg.room_id = ${roomId} ${before}`, viewerId, CHAT_HISTORY_PAGE + 1);
  const hasMore = messages.length > CHAT_HISTORY_PAGE;
  return { messages: hasMore ? messages.slice(1) : messages, hasMore };
}

/** A message's reactions as `viewerId` sees them (`mine`). */
export async function loadReactions(db: Queryable, messageId: string, viewerId: string): Promise<ChatMessage['reactions']> {
  const { rows } = await db.execute<{ emoji: string; count: number; mine: boolean }>(sql`
    SELECT emoji, count(*)::int AS count, bool_or(user_id = ${viewerId}) AS mine
    FROM room_message_reactions WHERE message_id = ${messageId}
    GROUP BY emoji ORDER BY min(created_at)`);
  return rows;
}
