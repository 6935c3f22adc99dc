'use client';

import { useQuery } from '@tanstack/react-query';
import { devOutboxResponse, type DevOutboxMessage } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { browserFetch, callApi } from '@/auth/api';
import { linkify } from '@/lib/linkify';
import { FormAlert } from '../forms/form-alert';

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

type OutboxResult = { kind: 'messages'; messages: DevOutboxMessage[] } | { kind: 'disabled' };

/**
 * The mail the API "sent" while no mail provider is configured (development only). Each message is
 * shown as its plain-text version with the links made clickable; the HTML version is never rendered.
 */
export function DevOutbox({ to }: { to?: string }) {
  const router = useRouter();
  const [filter, setFilter] = useState(to ?? '');
  const outbox = useQuery({
    queryKey: ['dev', 'outbox', to ?? ''],
    queryFn: async (): Promise<OutboxResult> => {
      const query = new URLSearchParams({ limit: '50', ...(to ? { to } : {}) });
      const result = await callApi(browserFetch, `/api/dev/outbox?${query}`, {}, devOutboxResponse);
      if (result.ok) return { kind: 'messages', messages: result.data.messages };
      if (result.error.status === 404) return { kind: 'disabled' };
      throw new Error(result.error.fields?.to ?? result.error.message);
    },
    refetchInterval: (query) => (query.state.data?.kind === 'messages' ? 5_000 : false),
    retry: false,
  });

  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    const value = filter.trim();
    router.replace(value ? `/dev/outbox?${new URLSearchParams({ to: value })}` : '/dev/outbox');
  };

  if (outbox.data?.kind === 'disabled') {
    return (
      <FormAlert tone="info" title="The dev outbox is switched off">
        This server runs in production mode, where mail goes to a real provider (Resend or SMTP) and is never
        kept here. Check the inbox of the address instead.
      </FormAlert>
    );
  }

  return (
    <div className="space-y-6">
      <form onSubmit={applyFilter} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="outbox-to" className="block text-sm font-medium text-ink">
            Recipient
          </label>
          <input
            id="outbox-to"
            type="email"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Everyone"
            className="mt-1.5 block h-11 w-full rounded-xl border border-line bg-canvas px-3.5 text-sm text-ink placeholder:text-ink-muted/70 focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/40"
          />
        </div>
        <Button type="submit" variant="outline">
          Show
        </Button>
      </form>

      {outbox.isPending ? (
        <p role="status" className="text-sm text-ink-muted">
          Opening the outbox…
        </p>
      ) : outbox.isError ? (
        <FormAlert>{outbox.error.message}</FormAlert>
      ) : outbox.data.messages.length === 0 ? (
        <Card className="border-dashed">
          <p className="text-sm leading-6 text-ink-muted">
            {to ? `No mail to ${to} yet.` : 'No mail yet.'} Sign up or ask for a password reset, and the email
            shows up here within a few seconds.
          </p>
        </Card>
      ) : (
        <ol className="space-y-4" aria-label="Messages, newest first">
          {outbox.data.messages.map((message) => (
            <li key={message.id}>
              <MailCard message={message} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function MailCard({ message }: { message: DevOutboxMessage }) {
  return (
    <Card as="article" aria-label={message.subject}>
      <header className="flex flex-col gap-1 border-b border-line pb-3 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 className="font-semibold text-ink">{message.subject}</h2>
        <time dateTime={message.createdAt} className="text-xs text-ink-muted">
          {timeFormat.format(new Date(message.createdAt))}
        </time>
      </header>
      <p className="mt-3 text-sm text-ink-muted">
        To <span className="font-medium break-all text-ink">{message.to}</span>
      </p>
      <div className="mt-3 font-mono text-sm leading-6 break-words whitespace-pre-wrap text-ink">
        {linkify(message.text).map((segment, index) =>
          segment.kind === 'link' ? (
            <a
              key={index}
              href={segment.href}
              className="break-all text-brand-600 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-600 dark:text-brand-300"
            >
              {segment.text}
            </a>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </div>
    </Card>
  );
}
