'use client';

import { MESSAGE_REACTIONS, type ChatMessage } from '@wt/schemas';
import { cx } from '@wt/ui';
import { useState } from 'react';
import { formatTimeOfDay } from '@/lib/time';
import { personName } from '@/rooms/people';
import { Avatar } from '../account-menu';
import { ReactionIcon, ReplyIcon } from '../icons';
import { LinkedText } from '../linked-text';

type Emoji = (typeof MESSAGE_REACTIONS)[number];

/** One line of the chat: a system line (joined, left, content changed) or a member's message. */
export function ChatMessageItem({
  message,
  onReply,
  onReact,
}: {
  message: ChatMessage;
  onReply: (message: ChatMessage) => void;
  onReact: (messageId: string, emoji: Emoji) => void;
}) {
  const time = <time dateTime={message.createdAt}>{formatTimeOfDay(message.createdAt)}</time>;
  if (message.kind === 'system' || !message.author) {
    return (
      <li className="px-2 py-1 text-center text-xs text-ink-muted italic" data-kind="system">
        {message.content} · {time}
      </li>
    );
  }
  const name = personName(message.author);
  return (
    <li
      className="group relative flex gap-2.5 rounded-2xl px-2 py-1.5 hover:bg-surface-2/60"
      data-kind="user"
    >
      <Avatar user={message.author} />
      <div className="min-w-0 flex-1">
        <p className="flex items-baseline gap-2 text-xs">
          <span className="truncate font-semibold text-ink">{name}</span>
          <span className="shrink-0 text-ink-muted">{time}</span>
        </p>
        {message.replyTo ? (
          <p className="mt-0.5 truncate border-l-2 border-brand-300 pl-2 text-xs text-ink-muted dark:border-brand-700">
            Replying to {message.replyTo.author ?? 'a message'}: {message.replyTo.excerpt}
          </p>
        ) : null}
        <p className="text-sm leading-6 break-words whitespace-pre-wrap text-ink">
          <LinkedText text={message.content} />
        </p>
        {message.reactions.length > 0 ? (
          <ul className="mt-1 flex flex-wrap gap-1" aria-label="Reactions">
            {message.reactions.map((r) => (
              <li key={r.emoji}>
                <button
                  type="button"
                  aria-pressed={r.mine}
                  aria-label={`${r.emoji} ${r.count}${r.mine ? ', yours: remove it' : ''}`}
                  onClick={() => onReact(message.id, r.emoji as Emoji)}
                  className={cx(
                    'inline-flex h-6 items-center gap-1 rounded-full px-2 text-xs ring-1 ring-inset transition',
                    r.mine
                      ? 'bg-brand-100 text-brand-800 ring-brand-300 dark:bg-brand-900/60 dark:text-brand-100 dark:ring-brand-700'
                      : 'bg-surface-2 text-ink ring-line hover:ring-brand-300',
                  )}
                >
                  <span aria-hidden="true">{r.emoji}</span>
                  <span aria-hidden="true">{r.count}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <MessageActions
        name={name}
        onReply={() => onReply(message)}
        onReact={(emoji) => onReact(message.id, emoji)}
      />
    </li>
  );
}

/** Reply and react, shown on hover or keyboard focus (always on touch screens). */
function MessageActions({
  name,
  onReply,
  onReact,
}: {
  name: string;
  onReply: () => void;
  onReact: (emoji: Emoji) => void;
}) {
  const [picking, setPicking] = useState(false);
  const iconButton =
    'inline-flex size-7 items-center justify-center rounded-full text-ink-muted transition hover:bg-surface hover:text-ink';
  return (
    <div
      className={cx(
        'flex shrink-0 items-start gap-0.5 transition',
        !picking && 'sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100',
      )}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && picking) {
          e.stopPropagation();
          setPicking(false);
        }
      }}
    >
      <button type="button" className={iconButton} aria-label={`Reply to ${name}`} onClick={onReply}>
        <ReplyIcon className="size-4" />
      </button>
      <button
        type="button"
        className={iconButton}
        aria-label={`React to ${name}'s message`}
        aria-expanded={picking}
        onClick={() => setPicking(!picking)}
      >
        <ReactionIcon className="size-4" />
      </button>
      {picking ? (
        <div
          role="group"
          aria-label="Reactions"
          className="absolute top-full right-2 z-20 -mt-1 flex gap-0.5 rounded-full border border-line bg-surface p-1 shadow-lg"
        >
          {MESSAGE_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={`React with ${emoji}`}
              onClick={() => {
                setPicking(false);
                onReact(emoji);
              }}
              className="inline-flex size-8 items-center justify-center rounded-full text-base transition hover:bg-surface-2"
            >
              {emoji}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
