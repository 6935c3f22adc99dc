'use client';

import { useQuery } from '@tanstack/react-query';
import type { GuildDetail, GuildPending, Person } from '@wt/schemas';
import { Button } from '@wt/ui';
import { friendErrorOf } from '@/friends/friend-errors';
import { useSearchQuery } from '@/friends/use-search-query';
import type { GuildActions } from '@/guilds/use-guild-actions';
import { formatTimeOfDay } from '@/lib/time';
import { filterPeople, personName } from '@/rooms/people';
import { useTRPC } from '@/trpc/react';
import { Avatar } from '../account-menu';
import { FormAlert } from '../forms/form-alert';
import { SearchField } from '../forms/search-field';
import { EmptyNote, PanelSection } from '../panel-section';
import { ErrorLine } from './error-line';
import { GuildActionButton } from './guild-action-button';

/**
 * Officers and the leader: join requests to answer, invites waiting (revocable), and inviting a friend
 * (or anyone found by name). Invited people hear it through the bell and on /guilds.
 */
export function GuildInvites({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  return (
    <>
      <PanelSection id="requests-heading" title="Join requests">
        {guild.requests.length === 0 ? (
          <EmptyNote>No one is asking to join.</EmptyNote>
        ) : (
          <ul aria-label="Join requests" className="space-y-1">
            {guild.requests.map((request) => {
              const name = personName(request);
              const approve = `approve:${request.id}`;
              const decline = `decline-request:${request.id}`;
              return (
                <PendingRow
                  key={request.id}
                  pending={request}
                  error={actions.error(approve) ?? actions.error(decline)}
                >
                  <GuildActionButton
                    size="sm"
                    actions={actions}
                    action={approve}
                    call={(c) => c.guilds.approveRequest.mutate({ guildId: guild.id, userId: request.id })}
                    busyLabel="Approving…"
                    aria-label={`Approve ${name}'s request`}
                  >
                    Approve
                  </GuildActionButton>
                  <GuildActionButton
                    size="sm"
                    variant="outline"
                    actions={actions}
                    action={decline}
                    call={(c) => c.guilds.declineRequest.mutate({ guildId: guild.id, userId: request.id })}
                    busyLabel="Declining…"
                    aria-label={`Decline ${name}'s request`}
                  >
                    Decline
                  </GuildActionButton>
                </PendingRow>
              );
            })}
          </ul>
        )}
      </PanelSection>

      <PanelSection id="invites-heading" title="Invite people">
        <InvitePicker guild={guild} actions={actions} />
        <h3 className="mt-5 mb-2 text-sm font-semibold text-ink">Invites waiting</h3>
        {guild.invites.length === 0 ? (
          <EmptyNote>No invites waiting for an answer.</EmptyNote>
        ) : (
          <ul aria-label="Pending invites" className="space-y-1">
            {guild.invites.map((invite) => {
              const key = `revoke:${invite.id}`;
              return (
                <PendingRow key={invite.id} pending={invite} error={actions.error(key)}>
                  <GuildActionButton
                    size="sm"
                    variant="ghost"
                    actions={actions}
                    action={key}
                    call={(c) => c.guilds.revokeInvite.mutate({ guildId: guild.id, userId: invite.id })}
                    busyLabel="Revoking…"
                    aria-label={`Revoke the invite to ${personName(invite)}`}
                  >
                    Revoke
                  </GuildActionButton>
                </PendingRow>
              );
            })}
          </ul>
        )}
      </PanelSection>
    </>
  );
}

function PendingRow({
  pending,
  error,
  children,
}: {
  pending: GuildPending;
  error: string | null;
  children: React.ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-2xl px-2 py-2 hover:bg-surface-2/60">
      <Avatar user={pending} />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-ink">{personName(pending)}</p>
        <p className="truncate text-xs text-ink-muted">
          @{pending.username} · <time dateTime={pending.at}>{formatTimeOfDay(pending.at)}</time>
        </p>
        {pending.message ? <p className="mt-1 text-sm break-words text-ink">“{pending.message}”</p> : null}
      </div>
      <div className="flex shrink-0 flex-wrap gap-1.5">{children}</div>
      <ErrorLine>{error}</ErrorLine>
    </li>
  );
}

/** Friends first; typing two letters or more searches everyone who can be found. */
function InvitePicker({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const trpc = useTRPC();
  const { text, setText, query } = useSearchQuery();

  const friends = useQuery(trpc.friends.list.queryOptions(undefined, { staleTime: 30_000 }));
  const search = useQuery({
    ...trpc.friends.search.queryOptions({ query: query ?? '' }),
    enabled: query !== null,
  });

  const members = new Set(guild.members.map((m) => m.id));
  const invited = new Set(guild.invites.map((i) => i.id));
  const source = query !== null ? search : friends;
  const people: Person[] =
    query !== null
      ? (search.data ?? []).map((r) => r.person)
      : filterPeople(
          (friends.data ?? []).map((f) => f.person),
          text,
        );
  const candidates = people.filter((p) => !members.has(p.id));

  return (
    <div className="grid gap-3">
      <SearchField
        label="Find someone to invite"
        name="guild-invite-search"
        value={text}
        onChange={setText}
        hint="Your friends are listed; type 2 letters or more to search everyone."
      />
      {source.isPending && (query !== null || friends.isPending) ? (
        <p role="status" className="px-1 text-sm text-ink-muted">
          {query !== null ? 'Searching…' : 'Loading your friends…'}
        </p>
      ) : source.isError ? (
        <FormAlert>{friendErrorOf(source.error).message}</FormAlert>
      ) : candidates.length === 0 ? (
        <EmptyNote>
          {query !== null
            ? `Nobody to invite matches “${query}”.`
            : 'No friends to invite: add friends, or search by name.'}
        </EmptyNote>
      ) : (
        <ul aria-label="People to invite" className="max-h-72 space-y-1 overflow-y-auto">
          {candidates.map((person) => {
            const name = personName(person);
            const key = `invite:${person.id}`;
            const isInvited = invited.has(person.id);
            return (
              <li key={person.id} className="flex flex-wrap items-center gap-3 rounded-2xl px-2 py-1.5">
                <Avatar user={person} />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-ink">{name}</p>
                  <p className="truncate text-xs text-ink-muted">@{person.username}</p>
                </div>
                <Button
                  size="sm"
                  variant={isInvited ? 'secondary' : 'outline'}
                  disabled={isInvited || actions.pending !== null}
                  aria-label={isInvited ? `${name} is invited` : `Invite ${name} to the guild`}
                  onClick={() =>
                    void actions.run(key, (c) =>
                      c.guilds.invite.mutate({ guildId: guild.id, userId: person.id }),
                    )
                  }
                >
                  {isInvited ? 'Invited' : actions.pending === key ? 'Inviting…' : 'Invite'}
                </Button>
                <ErrorLine>{actions.error(key)}</ErrorLine>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
