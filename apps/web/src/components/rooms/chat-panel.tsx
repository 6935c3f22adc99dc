'use client';

import type { ChatMessage, RoomSnapshot } from '@wt/schemas';
import { useEffect, useRef, useState } from 'react';
import type { RoomActions } from '@/rooms/use-room';
import { ChatFooter, LoadOlderButton } from '../chat/chat-history';
import { ChatComposer } from './chat-composer';
import { ChatMessageItem } from './chat-message';
import { useChatScroll } from './use-chat-scroll';

/**
 * The room's chat: the latest messages, older ones loaded when the reader scrolls to the top (or
 * presses the button there), replies, reactions and the composer.
 */
export function ChatPanel({ snapshot, actions }: { snapshot: RoomSnapshot; actions: RoomActions }) {
  const { messages, hasMoreMessages, you, room } = snapshot;
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const onScroll = useChatScroll(scroller, list, messages, you.userId);

  const loadOlder = async () => {
    setLoadingOlder(true);
    const result = await actions.loadOlder();
    setLoadingOlder(false);
    setNotice(result.ok ? null : result.error.message);
  };
  const loadOlderRef = useRef(loadOlder);
  useEffect(() => {
    loadOlderRef.current = loadOlder;
  });

  // Scrolling up to the first message loads the page before it.
  useEffect(() => {
    const sentinel = top.current;
    const root = scroller.current;
    if (!sentinel || !root || !hasMoreMessages) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadOlderRef.current();
      },
      { root, rootMargin: '120px 0px 0px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMoreMessages]);

  const react = async (messageId: string, emoji: Parameters<RoomActions['react']>[1]) => {
    const result = await actions.react(messageId, emoji);
    setNotice(result.ok ? null : result.error.message);
  };

  return (
    <section
      aria-labelledby="chat-heading"
      className="flex h-[28rem] min-h-0 flex-col rounded-3xl border border-line bg-surface lg:h-[34rem]"
    >
      <h2 id="chat-heading" className="border-b border-line px-4 py-3 text-base font-semibold text-ink">
        Chat
      </h2>
      <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto px-2 py-3">
        <ol ref={list} role="log" aria-label="Messages" className="space-y-0.5">
          {hasMoreMessages ? (
            <li className="flex justify-center pb-2">
              <div ref={top}>
                <LoadOlderButton loading={loadingOlder} onClick={() => void loadOlder()} />
              </div>
            </li>
          ) : messages.length > 0 ? (
            <li className="pb-2 text-center text-xs text-ink-muted">This is the start of the chat.</li>
          ) : null}
          {messages.length === 0 ? (
            <li className="px-4 py-8 text-center text-sm text-ink-muted">No messages yet. Say hello!</li>
          ) : null}
          {messages.map((message) => (
            <ChatMessageItem
              key={message.id}
              message={message}
              onReply={setReplyTo}
              onReact={(id, emoji) => void react(id, emoji)}
            />
          ))}
        </ol>
      </div>
      <ChatFooter notice={notice}>
        <ChatComposer
          actor={{ userId: you.userId, role: you.role, isMuted: you.isMuted }}
          room={room}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          onSend={actions.send}
        />
      </ChatFooter>
    </section>
  );
}
