import { sql } from 'drizzle-orm';
import {
  CHAT_RATE_LIMIT,
  GUILD_CHAT_PAGE,
  guildRoleMay,
  type GuildMessage,
} from '@wt/schemas';
import { chatWaitMs } from '../rooms/access';
import { personOf, type PersonRow } from '../rooms/views';
import { guildErrors } from './errors';
import type { GuildServices } from './service';
import { roleIn, type Queryable } from './views';

/**
 * Guild chat (issue 8), stored before it is broadcast: a guild is at most ten people, so each message
 * is one short transaction that checks membership, the per-person rate limit (the same limit as room
 * chat, counted from the stored messages so it holds across instances) and inserts.
 */

type MessageRow = PersonRow & {
  id: string;
  guild_id: string;
  content: string;
  created_at: Date;
};

function messageOf(r: MessageRow): GuildMessage {
  return {
    id: r.id,
    guildId: r.guild_id,
    author: personOf(r),
    content: r.content,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Members only: anyone else (a kicked member too) is refused with NOT_MEMBER. */
export async function requireMember(db: Queryable, guildId: string, userId: string): Promise<void> {
  if (!guildRoleMay(await roleIn(db, guildId, userId), 'chat')) throw guildErrors.notMember();
}

export async function sendGuildMessage(
  deps: Pick<GuildServices, 'db' | 'now'>,
  guildId: string,
  userId: string,
  content: string,
): Promise<GuildMessage> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // One sender's messages take turns, so two racing in cannot both pass the limit.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`guild-chat:${userId}`}))`);
    await requireMember(tx, guildId, userId);
    const { rows: latest } = await tx.execute<{ created_at: Date }>(sql`
      SELECT created_at FROM guild_messages WHERE user_id = ${userId}
      ORDER BY created_at DESC LIMIT ${CHAT_RATE_LIMIT.messages}`);
    const wait = chatWaitMs(
      latest.map((m) => ({ roomId: guildId, createdAt: new Date(m.created_at) })),
      guildId,
      now,
      { slowMode: false, slowModeMs: 0, limit: CHAT_RATE_LIMIT.messages, windowMs: CHAT_RATE_LIMIT.windowSeconds * 1000 },
    );
    if (wait) throw guildErrors.rateLimited(wait.waitMs);
    const { rows } = await tx.execute<MessageRow>(sql`
      WITH m AS (
        INSERT INTO guild_messages (guild_id, user_id, content, created_at, updated_at)
        VALUES (${guildId}, ${userId}, ${content}, ${now}, ${now})
        RETURNING id, guild_id, user_id, content, created_at)
      SELECT m.*, u.username, u.display_name, u.avatar_url, u.deleted_at FROM m JOIN users u ON u.id = m.user_id`);
    return messageOf(rows[0]!);
  });
}

/** The page of messages before `beforeId` (the latest without it), oldest first. */
export async function guildChatPage(
  db: Queryable,
  guildId: string,
  beforeId: string | undefined,
): Promise<{ messages: GuildMessage[]; hasMore: boolean }> {
  const before = beforeId
    ? sql`AND m.seq < (SELECT seq FROM guild_messages WHERE id = ${beforeId} AND guild_id = ${guildId})`
    : sql``;
  const { rows } = await db.execute<MessageRow>(sql`
    SELECT m.id, m.guild_id, m.user_id, m.content, m.created_at, u.username, u.display_name, u.avatar_url, u.deleted_at
    FROM guild_messages m JOIN users u ON u.id = m.user_id
    WHERE m.guild_id = ${guildId} ${before}
    ORDER BY m.seq DESC LIMIT ${GUILD_CHAT_PAGE + 1}`);
  const hasMore = rows.length > GUILD_CHAT_PAGE;
  return { messages: rows.slice(0, GUILD_CHAT_PAGE).reverse().map(messageOf), hasMore };
}
