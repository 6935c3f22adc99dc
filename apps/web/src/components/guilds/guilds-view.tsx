'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { MyGuild } from '@wt/schemas';
import { Button, Card, Pill } from '@wt/ui';
import { useEffect, useState, type ReactNode } from 'react';
import { useAuth } from '@/auth/auth-provider';
import {
  directoryQuery,
  emptyDirectoryMessage,
  GUILD_SEARCH_DEBOUNCE_MS,
  guildsHref,
} from '@/guilds/directory';
import { guildErrorOf } from '@/guilds/guild-errors';
import { ROLE_LABELS } from '@/guilds/members';
import { useGuildActions, type GuildActions } from '@/guilds/use-guild-actions';
import { useGuildNotifications } from '@/guilds/use-guild-notifications';
import { personName } from '@/rooms/people';
import { useTRPC } from '@/trpc/react';
import { FormAlert } from '../forms/form-alert';
import { SearchField } from '../forms/search-field';
import { PlusIcon } from '../icons';
import { SignInPrompt } from '../sign-in-prompt';
import { CreateGuildDialog } from './create-guild-dialog';
import { ErrorLine } from './error-line';
import { GuildActionButton } from './guild-action-button';
import { GuildCard } from './guild-card';

/**
 * /guilds: for signed-in people their own guild pinned on top, the invites and requests waiting, the
 * directory with its search (kept in the address as `?q=`) and the "Create a guild" dialog; for
 * everyone else the sign-in prompt and what guilds are (`about`).
 */
export function GuildsView({ initialQuery, about }: { initialQuery: string; about: ReactNode }) {
  const { status } = useAuth();
  return (
    <>
      <SignInPrompt
        title="Sign in to find or found a guild"
        signedIn={<GuildsHome initialQuery={initialQuery} />}
      >
        Guilds belong to accounts. Sign in to create one or join a public guild.
      </SignInPrompt>
      {status === 'signed-in' ? null : <div className="mt-10">{about}</div>}
    </>
  );
}

function GuildsHome({ initialQuery }: { initialQuery: string }) {
  const trpc = useTRPC();
  const mine = useQuery(trpc.guilds.mine.queryOptions());
  const actions = useGuildActions();
  const [creating, setCreating] = useState(false);
  useGuildNotifications();

  return (
    <div className="space-y-10">
      {mine.isError ? (
        <FormAlert>
          {guildErrorOf(mine.error).message}{' '}
          <button type="button" onClick={() => void mine.refetch()} className="font-semibold underline">
            Try again
          </button>
        </FormAlert>
      ) : !mine.data ? (
        <div
          aria-busy="true"
          aria-label="Loading your guild"
          className="h-40 animate-pulse rounded-3xl bg-surface-2"
        />
      ) : (
        <MyGuildSection mine={mine.data} actions={actions} onCreate={() => setCreating(true)} />
      )}
      <Directory initialQuery={initialQuery} />
      <CreateGuildDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function MyGuildSection({
  mine,
  actions,
  onCreate,
}: {
  mine: MyGuild;
  actions: GuildActions;
  onCreate: () => void;
}) {
  return (
    <section aria-labelledby="my-guild-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="my-guild-heading" className="text-xl font-semibold tracking-tight text-ink">
          Your guild
        </h2>
        {mine.guild ? null : (
          <Button onClick={onCreate}>
            <PlusIcon />
            Create a guild
          </Button>
        )}
      </div>
      {mine.guild ? (
        <ul className="grid gap-4 sm:grid-cols-2">
          <GuildCard
            guild={mine.guild}
            badge={<Pill tone="brand">You: {ROLE_LABELS[mine.guild.myRole].toLowerCase()}</Pill>}
          />
        </ul>
      ) : (
        <Card className="border-dashed p-5">
          <p className="text-sm leading-6 text-ink-muted">
            You are not in a guild. Join a public one below, ask to join a private one, accept an invite, or
            create your own.
          </p>
        </Card>
      )}

      {mine.invites.length > 0 ? (
        <div>
          <h3 className="mb-3 text-base font-semibold text-ink">Invites for you</h3>
          <ul aria-label="Guild invites" className="grid gap-4 sm:grid-cols-2">
            {mine.invites.map((invite) => {
              const accept = `accept:${invite.id}`;
              const decline = `decline:${invite.id}`;
              const error = actions.error(accept) ?? actions.error(decline);
              return (
                <GuildCard
                  key={invite.id}
                  guild={invite}
                  badge={
                    invite.invitedBy ? (
                      <span className="text-xs text-ink-muted">
                        Invited by {personName(invite.invitedBy)}
                      </span>
                    ) : null
                  }
                >
                  <GuildActionButton
                    size="sm"
                    actions={actions}
                    action={accept}
                    call={(c) => c.guilds.acceptInvite.mutate({ guildId: invite.id })}
                    busyLabel="Joining…"
                    aria-label={`Accept the invite to ${invite.name}`}
                  >
                    Accept
                  </GuildActionButton>
                  <GuildActionButton
                    size="sm"
                    variant="outline"
                    actions={actions}
                    action={decline}
                    call={(c) => c.guilds.declineInvite.mutate({ guildId: invite.id })}
                    busyLabel="Declining…"
                    aria-label={`Decline the invite to ${invite.name}`}
                  >
                    Decline
                  </GuildActionButton>
                  <ErrorLine>{error}</ErrorLine>
                </GuildCard>
              );
            })}
          </ul>
        </div>
      ) : null}

      {mine.requests.length > 0 ? (
        <div>
          <h3 className="mb-3 text-base font-semibold text-ink">Your join requests</h3>
          <ul aria-label="Your join requests" className="grid gap-4 sm:grid-cols-2">
            {mine.requests.map((request) => {
              const key = `cancel:${request.id}`;
              return (
                <GuildCard
                  key={request.id}
                  guild={request}
                  badge={<Pill tone="warning">Waiting for an answer</Pill>}
                >
                  <GuildActionButton
                    size="sm"
                    variant="outline"
                    actions={actions}
                    action={key}
                    call={(c) => c.guilds.cancelRequest.mutate({ guildId: request.id })}
                    busyLabel="Cancelling…"
                    aria-label={`Cancel your request to join ${request.name}`}
                  >
                    Cancel request
                  </GuildActionButton>
                  <ErrorLine>{actions.error(key)}</ErrorLine>
                </GuildCard>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Directory({ initialQuery }: { initialQuery: string }) {
  const trpc = useTRPC();
  const [text, setText] = useState(initialQuery);
  const [query, setQuery] = useState(() => directoryQuery(initialQuery));

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = directoryQuery(text);
      if (next === query) return;
      setQuery(next);
      // The search is part of the address: a reload or a shared link shows the same guilds. Next.js
      // picks up history calls, so this needs no server round trip.
      window.history.replaceState(null, '', guildsHref(next));
    }, GUILD_SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query]);

  const directory = useInfiniteQuery(
    trpc.guilds.directory.infiniteQueryOptions(
      { query },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const guilds = directory.data?.pages.flatMap((page) => page.guilds) ?? [];

  return (
    <section aria-labelledby="directory-heading" className="space-y-4">
      <h2 id="directory-heading" className="text-xl font-semibold tracking-tight text-ink">
        Find a guild
      </h2>
      <SearchField
        label="Search guilds by name"
        name="guild-search"
        value={text}
        onChange={setText}
        className="max-w-md"
      />
      <div aria-live="polite">
        {directory.isPending ? (
          <ul
            aria-busy="true"
            aria-label="Loading guilds"
            className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3"
          >
            {[0, 1, 2].map((i) => (
              <li key={i} className="h-48 animate-pulse rounded-3xl bg-surface-2" />
            ))}
          </ul>
        ) : directory.isError ? (
          <FormAlert>
            {guildErrorOf(directory.error).message}{' '}
            <button
              type="button"
              onClick={() => void directory.refetch()}
              className="font-semibold underline"
            >
              Try again
            </button>
          </FormAlert>
        ) : guilds.length === 0 ? (
          <Card className="border-dashed p-5">
            <p className="text-sm leading-6 text-ink-muted">{emptyDirectoryMessage(query)}</p>
          </Card>
        ) : (
          <div className="space-y-6">
            <ul aria-label="Guilds" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {guilds.map((guild) => (
                <GuildCard key={guild.id} guild={guild} />
              ))}
            </ul>
            {directory.hasNextPage ? (
              <Button
                variant="outline"
                onClick={() => void directory.fetchNextPage()}
                disabled={directory.isFetchingNextPage}
              >
                {directory.isFetchingNextPage ? 'Loading…' : 'Show more guilds'}
              </Button>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}
