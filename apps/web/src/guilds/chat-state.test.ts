import type { GuildMessage } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { guildChatReducer, INITIAL_GUILD_CHAT, type GuildChatState } from './chat-state';

const GUILD = '00000000-0000-4000-8000-000000000001';
const message = (n: number): GuildMessage => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  guildId: GUILD,
  author: null,
  content: `message ${n}`,
  createdAt: new Date(Date.UTC(2026, 10, 30, 12, n)).toISOString(),
});
const ids = (state: GuildChatState) => state.messages.map((m) => m.content);

describe('guildChatReducer', () => {
  it('opens on the latest page and appends live messages once each', () => {
    let state = guildChatReducer(INITIAL_GUILD_CHAT, {
      type: 'opened',
      messages: [message(2), message(3)],
      hasMore: true,
    });
    state = guildChatReducer(state, { type: 'message', message: message(4) });
    state = guildChatReducer(state, { type: 'message', message: message(4) });
    expect(state.phase).toBe('open');
    expect(ids(state)).toEqual(['message 2', 'message 3', 'message 4']);
    expect(state.hasMore).toBe(true);
  });

  it('puts older pages in front', () => {
    let state = guildChatReducer(INITIAL_GUILD_CHAT, {
      type: 'opened',
      messages: [message(3)],
      hasMore: true,
    });
    state = guildChatReducer(state, { type: 'history', messages: [message(1), message(2)], hasMore: false });
    expect(ids(state)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(state.hasMore).toBe(false);
  });

  it('keeps loaded history when a reconnect overlaps it', () => {
    let state = guildChatReducer(INITIAL_GUILD_CHAT, {
      type: 'opened',
      messages: [message(2), message(3)],
      hasMore: false,
    });
    state = guildChatReducer(state, { type: 'opening' });
    expect(ids(state)).toEqual(['message 2', 'message 3']);
    state = guildChatReducer(state, { type: 'opened', messages: [message(3), message(4)], hasMore: true });
    expect(ids(state)).toEqual(['message 2', 'message 3', 'message 4']);
    expect(state.hasMore).toBe(false);
  });

  it('shows why the chat could not open, and tries again', () => {
    const error = { code: 'NOT_MEMBER', message: 'You are not a member of this guild.' };
    let state = guildChatReducer(INITIAL_GUILD_CHAT, { type: 'open-failed', error });
    expect(state).toMatchObject({ phase: 'failed', error });
    state = guildChatReducer(state, { type: 'opening' });
    expect(state).toMatchObject({ phase: 'opening', error: null });
  });
});
