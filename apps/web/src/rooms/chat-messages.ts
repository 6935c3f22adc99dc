import type { ChatMessage } from '@wt/schemas';

/**
 * The chat list of a room (or a guild) as the client holds it: oldest first, one entry per message id.
 * Pure, so paging and reconnects are testable without a socket.
 */

/** What ordering and merging need of a message: room and guild messages both have it. */
export interface Dated {
  id: string;
  createdAt: string;
}

function byTime(a: Dated, b: Dated): number {
  const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Both lists in one, oldest first; for an id in both, the incoming (newer) copy wins. */
export function mergeMessages<M extends Dated>(existing: readonly M[], incoming: readonly M[]): M[] {
  if (incoming.length === 0) return existing as M[];
  const byId = new Map<string, M>();
  for (const message of existing) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(byTime);
}

/** A new message at the end (or in its place, if it arrived out of order or twice). */
export function appendMessage<M extends Dated>(existing: readonly M[], message: M): M[] {
  const last = existing.at(-1);
  if (!last || (byTime(last, message) < 0 && !existing.some((m) => m.id === message.id))) {
    return [...existing, message];
  }
  return mergeMessages(existing, [message]);
}

export interface ChatPage<M extends Dated = ChatMessage> {
  messages: M[];
  hasMore: boolean;
}

/** An older page from `chat:history` goes in front; `hasMore` now says whether there is more before it. */
export function prependHistory<M extends Dated>(current: ChatPage<M>, older: ChatPage<M>): ChatPage<M> {
  return { messages: mergeMessages(current.messages, older.messages), hasMore: older.hasMore };
}

/**
 * After a reconnect the server sends its latest page again. When it overlaps what we hold (or goes
 * back to the room's first message), the two are merged and older pages already loaded stay; when
 * there is a gap (more was said while we were away than one page holds), the fresh page replaces the
 * old list, so the chat never shows a silent hole.
 */
export function mergeSnapshotMessages<M extends Dated>(current: ChatPage<M>, fresh: ChatPage<M>): ChatPage<M> {
  if (current.messages.length === 0) return fresh;
  const held = new Set(current.messages.map((m) => m.id));
  const overlaps = fresh.messages.some((m) => held.has(m.id));
  if (!overlaps && fresh.hasMore) return fresh;
  const messages = mergeMessages(current.messages, fresh.messages);
  const reachesBack = messages[0]?.id === current.messages[0]?.id;
  return { messages, hasMore: reachesBack ? current.hasMore : fresh.hasMore };
}

/** The oldest message held, whose id `chat:history` pages back from. */
export function oldestMessageId(messages: readonly Dated[]): string | null {
  return messages[0]?.id ?? null;
}

/** A short quote of a message for the reply bar. */
export function excerpt(content: string, max = 80): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
