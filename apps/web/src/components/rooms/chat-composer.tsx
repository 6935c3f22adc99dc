'use client';

import { chatSendPayload, type ChatMessage, type RoomDetail } from '@wt/schemas';
import { useEffect, useState } from 'react';
import { excerpt } from '@/rooms/chat-messages';
import { personName } from '@/rooms/people';
import { chatAvailability, slowModeWaitSeconds, type Actor } from '@/rooms/permissions';
import type { ActionResult } from '@/rooms/use-room';
import { ComposerField } from '../chat/composer-field';
import { useComposer } from '../chat/use-composer';
import { CloseIcon } from '../icons';

/**
 * Where a member writes. Closed, with the reason, when chat is off, for moderators only or the person
 * is muted; in slow mode it counts down to the next message. Refusals from the server show as a
 * sentence and the text stays.
 */
export function ChatComposer({
  actor,
  room,
  replyTo,
  onCancelReply,
  onSend,
}: {
  actor: Actor;
  room: Pick<RoomDetail, 'chatMode' | 'slowMode'>;
  replyTo: ChatMessage | null;
  onCancelReply: () => void;
  onSend: (content: string, replyToId?: string) => Promise<ActionResult>;
}) {
  const [lastSentAt, setLastSentAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const availability = chatAvailability(actor, room);
  const wait = slowModeWaitSeconds(lastSentAt, now, room.slowMode);
  const waiting = wait > 0;
  const composer = useComposer({
    content: chatSendPayload.shape.content,
    send: (content) => onSend(content, replyTo?.id),
    blocked: waiting,
    onSent: () => {
      const sentAt = Date.now();
      setLastSentAt(sentAt);
      setNow(sentAt);
      onCancelReply();
    },
  });
  const { inputRef } = composer.field;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waiting]);

  useEffect(() => {
    if (replyTo) inputRef.current?.focus();
  }, [replyTo, inputRef]);

  if (!availability.canSend) {
    return (
      <p
        role="status"
        className="rounded-2xl border border-dashed border-line bg-surface-2/60 px-4 py-3 text-sm text-ink-muted"
      >
        {availability.reason}
      </p>
    );
  }

  const note = waiting ? `Slow mode: wait ${wait} s before your next message.` : availability.note;
  return (
    <form onSubmit={(e) => void composer.submit(e)} className="space-y-2">
      {replyTo ? (
        <div className="flex items-center gap-2 rounded-xl bg-surface-2 px-3 py-1.5 text-xs text-ink-muted">
          <p className="min-w-0 flex-1 truncate">
            Replying to{' '}
            <span className="font-semibold text-ink">
              {replyTo.author ? personName(replyTo.author) : 'a message'}
            </span>
            : {excerpt(replyTo.content, 60)}
          </p>
          <button
            type="button"
            onClick={onCancelReply}
            aria-label="Cancel reply"
            className="rounded-full p-1 hover:bg-surface"
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
      ) : null}
      <ComposerField
        {...composer.field}
        label="Message"
        placeholder="Say something…"
        disabled={composer.sending || waiting}
        note={note}
      />
    </form>
  );
}
