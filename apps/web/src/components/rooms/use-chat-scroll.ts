'use client';

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { isNearBottom, scrollTopAfterPrepend, type ScrollBox } from '@/rooms/chat-scroll';

/**
 * Keeps the chat where the reader expects it: at the bottom on open, when a message arrives while
 * they are at the bottom (or it is their own) and when something above grows (fonts, reactions); on
 * the same message when older ones are put in front. `scroller` scrolls, `content` holds the lines.
 */
export function useChatScroll(
  scroller: RefObject<HTMLElement | null>,
  content: RefObject<HTMLElement | null>,
  messages: readonly { id: string; author?: { id: string } | null }[],
  youId: string,
) {
  const before = useRef<ScrollBox | null>(null);
  const atBottom = useRef(true);
  const edges = useRef<{ first: string | null; last: string | null }>({ first: null, last: null });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.id ?? null;
    const last = messages.at(-1)?.id ?? null;
    const previous = edges.current;
    const held = before.current;
    if (previous.first === null || held === null) {
      el.scrollTop = el.scrollHeight;
    } else if (first !== previous.first && last === previous.last) {
      el.scrollTop = scrollTopAfterPrepend(held, el.scrollHeight);
    } else if (last !== previous.last && (atBottom.current || messages.at(-1)?.author?.id === youId)) {
      el.scrollTop = el.scrollHeight;
    }
    edges.current = { first, last };
    remember(el, before, atBottom);
  }, [scroller, messages, youId]);

  // Lines that grow after they were drawn (a web font arriving, a reaction row) keep the bottom in view.
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
      remember(el, before, atBottom);
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, [scroller, content]);

  /** Call on scroll, so the next update knows where the reader was. */
  return () => {
    if (scroller.current) remember(scroller.current, before, atBottom);
  };
}

/** Where the reader is now: the box before the next update, and whether they are at the bottom. */
function remember(el: HTMLElement, before: RefObject<ScrollBox | null>, atBottom: RefObject<boolean>): void {
  before.current = { scrollTop: el.scrollTop, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight };
  atBottom.current = isNearBottom(before.current);
}
