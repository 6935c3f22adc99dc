'use client';

import { useQuery } from '@tanstack/react-query';
import type { Person } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { filterPeople, personName } from '@/rooms/people';
import { inviteFriend } from '@/rooms/rooms-api';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useTRPC } from '@/trpc/react';
import { Avatar } from '../account-menu';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { UsersIcon } from '../icons';

type InviteState = { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

/** Friends who are not in the room yet, each with an Invite button (they get a notification). */
export function FriendPicker({ roomId }: { roomId: string }) {
  const trpc = useTRPC();
  const { client } = useAuth();
  const friends = useQuery(trpc.rooms.invitableFriends.queryOptions({ roomId }, { staleTime: 0 }));
  const [query, setQuery] = useState('');
  const [invites, setInvites] = useState<Record<string, InviteState>>({});

  const invite = async (friend: Person) => {
    setInvites((s) => ({ ...s, [friend.id]: { kind: 'sending' } }));
    const result = await inviteFriend(client.authFetch, roomId, friend.id);
    setInvites((s) => ({
      ...s,
      [friend.id]: result.ok ? { kind: 'sent' } : { kind: 'failed', message: result.error.message },
    }));
  };

  return (
    <section aria-labelledby="invite-friends-heading" className="grid gap-3">
      <h3 id="invite-friends-heading" className="flex items-center gap-2 text-sm font-semibold text-ink">
        <UsersIcon className="size-4" />
        Invite friends
      </h3>
      {friends.isPending ? (
        <p role="status" className="text-sm text-ink-muted">
          Loading your friends…
        </p>
      ) : friends.isError ? (
        <FormAlert>{roomErrorOf(friends.error).message}</FormAlert>
      ) : friends.data.length === 0 ? (
        <p className="text-sm text-ink-muted">
          No friends to invite: they are all here already, or you have not added any yet.
        </p>
      ) : (
        <>
          {friends.data.length > 5 ? (
            <Field
              label="Find a friend"
              name="friend-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          ) : null}
          <ul className="max-h-64 space-y-1 overflow-y-auto" aria-label="Friends">
            {filterPeople(friends.data, query).map((friend) => {
              const state = invites[friend.id];
              return (
                <li key={friend.id} className="flex items-center gap-3 rounded-2xl px-2 py-1.5">
                  <Avatar user={friend} />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium text-ink">{personName(friend)}</p>
                    {state?.kind === 'failed' ? (
                      <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                        {state.message}
                      </p>
                    ) : (
                      <p className="truncate text-xs text-ink-muted">@{friend.username}</p>
                    )}
                  </div>
                  <Button
                    size="sm"
                    variant={state?.kind === 'sent' ? 'secondary' : 'outline'}
                    disabled={state?.kind === 'sending' || state?.kind === 'sent'}
                    onClick={() => void invite(friend)}
                    aria-label={
                      state?.kind === 'sent'
                        ? `${personName(friend)} is invited`
                        : `Invite ${personName(friend)}`
                    }
                  >
                    {state?.kind === 'sent' ? 'Invited' : state?.kind === 'sending' ? 'Inviting…' : 'Invite'}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
