import { describe, expect, it } from 'vitest';
import {
  appendMessage,
  excerpt,
  mergeMessages,
  mergeSnapshotMessages,
  prependHistory,
} from './chat-messages';
import { nth } from './test-fixtures';

const ids = (list: { content: string }[]) => list.map((m) => m.content);

describe('mergeMessages', () => {
  it('orders by time, oldest first, and keeps one copy per id (the incoming one)', () => {
    const edited = { ...nth(2), reactions: [{ emoji: '🔥', count: 1, mine: false }] };
    const merged = mergeMessages([nth(3), nth(2)], [nth(1), edited]);
    expect(ids(merged)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(merged[1]?.reactions).toHaveLength(1);
  });

  it('returns the same list when nothing comes in', () => {
    const list = [nth(1)];
    expect(mergeMessages(list, [])).toBe(list);
  });
});

describe('appendMessage', () => {
  it('adds a newer message at the end', () => {
    expect(ids(appendMessage([nth(1), nth(2)], nth(3)))).toEqual(['message 1', 'message 2', 'message 3']);
  });

  it('ignores a message it already has (ack and broadcast both deliver our own)', () => {
    expect(ids(appendMessage([nth(1), nth(2)], nth(2)))).toEqual(['message 1', 'message 2']);
  });

  it('puts a late message in its place', () => {
    expect(ids(appendMessage([nth(1), nth(3)], nth(2)))).toEqual(['message 1', 'message 2', 'message 3']);
  });
});

describe('prependHistory', () => {
  it('puts an older page in front and takes its hasMore', () => {
    const page = prependHistory(
      { messages: [nth(3), nth(4)], hasMore: true },
      { messages: [nth(1), nth(2)], hasMore: false },
    );
    expect(ids(page.messages)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
    expect(page.hasMore).toBe(false);
  });

  it('survives an overlapping page (a message arrived between two requests)', () => {
    const page = prependHistory(
      { messages: [nth(2), nth(3)], hasMore: true },
      { messages: [nth(1), nth(2)], hasMore: true },
    );
    expect(ids(page.messages)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(page.hasMore).toBe(true);
  });
});

describe('mergeSnapshotMessages (after a reconnect)', () => {
  it('keeps older pages when the fresh page overlaps what we hold', () => {
    const held = { messages: [nth(1), nth(2), nth(3)], hasMore: false };
    const fresh = { messages: [nth(3), nth(4)], hasMore: true };
    const page = mergeSnapshotMessages(held, fresh);
    expect(ids(page.messages)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
    expect(page.hasMore).toBe(false);
  });

  it('replaces the list when there is a gap, so no silent hole shows', () => {
    const held = { messages: [nth(1), nth(2)], hasMore: false };
    const fresh = { messages: [nth(200), nth(201)], hasMore: true };
    expect(mergeSnapshotMessages(held, fresh)).toEqual(fresh);
  });

  it('merges a fresh page that reaches the first message of the room', () => {
    const held = { messages: [nth(2)], hasMore: true };
    const fresh = { messages: [nth(1), nth(5)], hasMore: false };
    const page = mergeSnapshotMessages(held, fresh);
    expect(ids(page.messages)).toEqual(['message 1', 'message 2', 'message 5']);
    expect(page.hasMore).toBe(false);
  });

  it('takes the fresh page when nothing was held', () => {
    const fresh = { messages: [nth(1)], hasMore: true };
    expect(mergeSnapshotMessages({ messages: [], hasMore: false }, fresh)).toBe(fresh);
  });
});

describe('excerpt', () => {
  it('flattens whitespace and shortens with an ellipsis', () => {
    expect(excerpt('a  b\n c')).toBe('a b c');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
