'use client';

import { guildChatSendPayload, type GuildDetail, type GuildMessage } from '@wt/schemas';
import { useRef, useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { useGuildChannel, type RemovalReason } from '@/guilds/use-guild-channel';
import { formatTimeOfDay } from '@/lib/time';
import { personName } from '@/rooms/people';
import { Avatar } from '../account-menu';
import { ChatFooter, LoadOlderButton } from '../chat/chat-history';
import { ComposerField } from '../chat/composer-field';
import { useComposer } from '../chat/use-composer';
import { LinkedText } from '../linked-text';
import { useChatScroll } from '../rooms/use-chat-scroll';

/**
 * The guild's chat (members only): the latest page when it opens, older pages on demand, messages
 * from others live, Enter to send (Shift+Enter for a new line). Messages are stored by the server, so
 * a reload shows them again. Refusals (too fast, not a member) show as the server's sentence.
 */
export function GuildChat({
  guild,
  onRemoved,
}: {
  guild: GuildDetail;
  onRemoved: (reason: RemovalReason) => void;
}) {
  const { user } = useAuth();
  const { chat, connection, send, loadOlder, retry } = useGuildChannel(guild.id, onRemoved);
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const onScroll = useChatScroll(scroller, list, chat.messages, user?.id ?? '');
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const older = async () => {
    setLoadingOlder(true);
    const result = await loadOlder();
    setLoadingOlder(false);
    setNotice(result.ok ? null : result.error.message);
  };

  return (
    <section
      aria-labelledby="guild-chat-heading"
      className="flex h-[28rem] min-h-0 flex-col rounded-3xl border border-line bg-surface"
    >
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 id="guild-chat-heading" className="text-base font-semibold text-ink">
          Guild chat
        </h2>
        {connection === 'connected' ? null : (
          <span role="status" className="text-xs text-ink-muted">
            {connection === 'offline' ? 'Offline' : 'Connecting…'}
          </span>
        )}
      </div>
      <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto px-2 py-3">
        {chat.phase === 'failed' && chat.error ? (
          <div role="alert" className="px-4 py-6 text-center text-sm text-red-700 dark:text-red-300">
            <p>{chat.error.message}</p>
            <button type="button" onClick={() => void retry()} className="mt-2 font-semibold underline">
              Try again
            </button>
          </div>
        ) : null}
        <ol
          ref={list}
          role="log"
          aria-label="Guild messages"
          aria-busy={chat.phase === 'opening'}
          className="space-y-0.5"
        >
          {chat.hasMore ? (
            <li className="flex justify-center pb-2">
              <LoadOlderButton loading={loadingOlder} onClick={() => void older()} />
            </li>
          ) : chat.messages.length > 0 ? (
            <li className="pb-2 text-center text-xs text-ink-muted">This is the start of the guild chat.</li>
          ) : null}
          {chat.phase === 'open' && chat.messages.length === 0 ? (
            <li className="px-4 py-8 text-center text-sm text-ink-muted">
              No messages yet. Say hello to your guild!
            </li>
          ) : null}
          {chat.messages.map((message) => (
            <GuildMessageItem key={message.id} message={message} />
          ))}
        </ol>
      </div>
      <ChatFooter notice={notice}>
        <GuildComposer onSend={send} disabled={chat.phase !== 'open'} />
      </ChatFooter>
    </section>
  );
}

function GuildMessageItem({ message }: { message: GuildMessage }) {
  const name = message.author ? personName(message.author) : 'A former member';
  return (
    <li className="flex gap-2.5 rounded-2xl px-2 py-1.5 hover:bg-surface-2/60">
      {message.author ? (
        <Avatar user={message.author} />
      ) : (
        <span className="size-8 shrink-0 rounded-full bg-surface-2" aria-hidden="true" />
      )}
      <div className="min-w-0 flex-1">
        <p className="flex items-baseline gap-2 text-xs">
          <span className="truncate font-semibold text-ink">{name}</span>
          <time dateTime={message.createdAt} className="shrink-0 text-ink-muted">
            {formatTimeOfDay(message.createdAt)}
          </time>
        </p>
        <p className="text-sm leading-6 break-words whitespace-pre-wrap text-ink">
          <LinkedText text={message.content} />
        </p>
      </div>
    </li>
  );
}

function GuildComposer({
  onSend,
  disabled,
}: {
  onSend: (content: string) => Promise<{ ok: true } | { ok: false; error: { message: string } }>;
  disabled: boolean;
}) {
  const composer = useComposer({
    content: guildChatSendPayload.shape.content,
    send: onSend,
    blocked: disabled,
  });
  return (
    <form onSubmit={(e) => void composer.submit(e)} className="space-y-2">
      <ComposerField
        {...composer.field}
        label="Message your guild"
        placeholder="Say something to your guild…"
        disabled={composer.sending || disabled}
        note="Enter sends, Shift+Enter starts a new line."
      />
    </form>
  );
}
