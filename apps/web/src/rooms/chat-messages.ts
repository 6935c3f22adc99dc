import type { ChatMessage } from '@wt/schemas';

/**
 * The chat list of a room as the client holds it: oldest first, one entry per message id. Pure, so
 * paging and reconnects are testable without a socket.
 */

function byTime(a: ChatMessage, b: ChatMessage): number {
  const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Both lists in one, oldest first; for an id in both, the incoming (newer) copy wins. */
export function mergeMessages(
  existing: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const byId = new Map<string, ChatMessage>();
  for (const message of existing) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(byTime);
}

/** A new message at the end (or in its place, if it arrived out of order or twice). */
export function appendMessage(existing: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  const last = existing.at(-1);
  if (!last || (byTime(last, message) < 0 && !existing.some((m) => m.id === message.id))) {
    return [...existing, message];
  }
  return mergeMessages(existing, [message]);
}

export interface ChatPage {
  messages: ChatMessage[];
  hasMore: boolean;
}

/** An older page from `chat:history` goes in front; `hasMore` now says whether there is more before it. */
export function prependHistory(current: ChatPage, older: ChatPage): ChatPage {
  return { messages: mergeMessages(current.messages, older.messages), hasMore: older.hasMore };
}

/**
 * After a reconnect the server sends its latest page again. When it overlaps what we hold (or goes
 * back to the room's first message), the two are merged and older pages already loaded stay; when
 * there is a gap (more was said while we were away than one page holds), the fresh page replaces the
 * old list, so the chat never shows a silent hole.
 */
export function mergeSnapshotMessages(current: ChatPage, fresh: ChatPage): ChatPage {
  if (current.messages.length === 0) return fresh;
  const held = new Set(current.messages.map((m) => m.id));
  const overlaps = fresh.messages.some((m) => held.has(m.id));
  if (!overlaps && fresh.hasMore) return fresh;
  const messages = mergeMessages(current.messages, fresh.messages);
  const reachesBack = messages[0]?.id === current.messages[0]?.id;
  return { messages, hasMore: reachesBack ? current.hasMore : fresh.hasMore };
}

/** The oldest message held, whose id `chat:history` pages back from. */
export function oldestMessageId(messages: readonly ChatMessage[]): string | null {
  return messages[0]?.id ?? null;
}

/** A short quote of a message for the reply bar. */
export function excerpt(content: string, max = 80): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
