import type { GuildMessage, SocketError } from '@wt/schemas';
import { appendMessage, mergeSnapshotMessages, prependHistory } from '@/rooms/chat-messages';

/**
 * The guild chat as the page holds it: the pages the server sent (oldest first), whether there is
 * more before them, and why it could not open. Pure, so reconnects and paging are testable.
 */
export interface GuildChatState {
  phase: 'opening' | 'open' | 'failed';
  messages: GuildMessage[];
  hasMore: boolean;
  error: SocketError | null;
}

export type GuildChatEvent =
  | { type: 'opening' }
  | { type: 'opened'; messages: GuildMessage[]; hasMore: boolean }
  | { type: 'open-failed'; error: SocketError }
  | { type: 'message'; message: GuildMessage }
  | { type: 'history'; messages: GuildMessage[]; hasMore: boolean };

export const INITIAL_GUILD_CHAT: GuildChatState = {
  phase: 'opening',
  messages: [],
  hasMore: false,
  error: null,
};

export function guildChatReducer(state: GuildChatState, event: GuildChatEvent): GuildChatState {
  switch (event.type) {
    case 'opening':
      // Reopening after a reconnect keeps what is on screen until the fresh page arrives.
      return { ...state, phase: state.phase === 'failed' ? 'opening' : state.phase, error: null };
    case 'opened': {
      // The latest page again after a reconnect: merged, or replacing the list when there is a gap.
      const page = mergeSnapshotMessages(state, { messages: event.messages, hasMore: event.hasMore });
      return { phase: 'open', messages: page.messages, hasMore: page.hasMore, error: null };
    }
    case 'open-failed':
      return { ...state, phase: 'failed', error: event.error };
    case 'message':
      return { ...state, messages: appendMessage(state.messages, event.message) };
    case 'history': {
      const page = prependHistory(state, { messages: event.messages, hasMore: event.hasMore });
      return { ...state, messages: page.messages, hasMore: page.hasMore };
    }
  }
}
