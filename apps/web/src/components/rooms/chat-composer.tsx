'use client';

import { chatSendPayload, LIMITS, type ChatMessage, type RoomDetail } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { excerpt } from '@/rooms/chat-messages';
import { personName } from '@/rooms/people';
import { chatAvailability, slowModeWaitSeconds, type Actor } from '@/rooms/permissions';
import type { ActionResult } from '@/rooms/use-room';
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
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [lastSentAt, setLastSentAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const availability = chatAvailability(actor, room);
  const wait = slowModeWaitSeconds(lastSentAt, now, room.slowMode);
  const waiting = wait > 0;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waiting]);

  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

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

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (sending || waiting) return;
    const checked = chatSendPayload.shape.content.safeParse(text);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Write a message first.');
    setSending(true);
    setError(null);
    const result = await onSend(checked.data, replyTo?.id);
    setSending(false);
    if (!result.ok) return setError(result.error.message);
    setText('');
    const sentAt = Date.now();
    setLastSentAt(sentAt);
    setNow(sentAt);
    onCancelReply();
    input.current?.focus();
  };

  const note = waiting ? `Slow mode: wait ${wait} s before your next message.` : availability.note;
  const left = LIMITS.chatMessageMax - text.length;
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-2">
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
      <div className="flex items-end gap-2">
        <label htmlFor={id} className="sr-only">
          Message
        </label>
        <textarea
          ref={input}
          id={id}
          rows={2}
          value={text}
          maxLength={LIMITS.chatMessageMax}
          placeholder="Say something…"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void submit();
            }
          }}
          className="block max-h-40 min-h-11 w-full flex-1 resize-y rounded-xl border border-line bg-canvas px-3 py-2 text-sm text-ink placeholder:text-ink-muted/70 focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/40"
        />
        <Button type="submit" size="sm" disabled={sending || waiting}>
          Send
        </Button>
      </div>
      <div id={`${id}-note`} className="flex justify-between gap-3 text-xs">
        {error ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : (
          <p className="text-ink-muted" aria-live="polite">
            {note}
          </p>
        )}
        {left <= 50 ? <p className="shrink-0 text-ink-muted">{left} left</p> : null}
      </div>
    </form>
  );
}
