'use client';

import { useQuery } from '@tanstack/react-query';
import type { UserSearchResult } from '@wt/schemas';
import { Button } from '@wt/ui';
import { friendErrorOf } from '@/friends/friend-errors';
import { searchActionFor, stateNote } from '@/friends/search';
import { useSearchQuery } from '@/friends/use-search-query';
import type { FriendAction, useFriendActions } from '@/friends/use-friends';
import { personName } from '@/rooms/people';
import { useTRPC } from '@/trpc/react';
import { FormAlert } from '../forms/form-alert';
import { SearchField } from '../forms/search-field';
import { EmptyNote, PanelSection } from '../panel-section';
import { PersonRow } from './person-row';

const BUTTONS: Record<Exclude<ReturnType<typeof searchActionFor>, null>, { label: string; busy: string; aria: (n: string) => string }> = {
  send: { label: 'Add friend', busy: 'Sending…', aria: (n) => `Add ${n} as a friend` },
  cancel: { label: 'Cancel request', busy: 'Cancelling…', aria: (n) => `Cancel your request to ${n}` },
  accept: { label: 'Accept', busy: 'Accepting…', aria: (n) => `Accept ${n}'s request` },
  unblock: { label: 'Unblock', busy: 'Unblocking…', aria: (n) => `Unblock ${n}` },
};

/** Find people by username or display name and add them (the server hides those who do not want to be found). */
export function UserSearch({ actions }: { actions: ReturnType<typeof useFriendActions> }) {
  const trpc = useTRPC();
  const { text, setText, query } = useSearchQuery();

  const results = useQuery({
    ...trpc.friends.search.queryOptions({ query: query ?? '' }),
    enabled: query !== null,
  });

  return (
    <PanelSection id="find-people-heading" title="Find people">
      <SearchField
        label="Search by username or name"
        name="user-search"
        value={text}
        onChange={setText}
        hint="Type at least 2 letters."
      />
      <div className="mt-3" aria-live="polite">
        {query === null ? null : results.isPending ? (
          <p role="status" className="px-2 text-sm text-ink-muted">
            Searching…
          </p>
        ) : results.isError ? (
          <FormAlert>{friendErrorOf(results.error).message}</FormAlert>
        ) : results.data.length === 0 ? (
          <EmptyNote>Nobody matches “{query}”. Check the spelling, or ask them for their username.</EmptyNote>
        ) : (
          <ul aria-label="Search results" className="space-y-1">
            {results.data.map((result) => (
              <SearchResultRow key={result.person.id} result={result} actions={actions} />
            ))}
          </ul>
        )}
      </div>
    </PanelSection>
  );
}

function SearchResultRow({ result, actions }: { result: UserSearchResult; actions: ReturnType<typeof useFriendActions> }) {
  const action = searchActionFor(result.state);
  const name = personName(result.person);
  const row = actions.row(result.person.id);
  const note = stateNote(result.state);
  return (
    <PersonRow person={result.person} error={row.error} detail={note ? `@${result.person.username} · ${note}` : undefined}>
      {action ? (
        <Button
          size="sm"
          variant={action === 'send' || action === 'accept' ? 'primary' : 'outline'}
          disabled={row.pending !== null}
          aria-label={BUTTONS[action].aria(name)}
          onClick={() => void actions.run(action as FriendAction, result.person)}
        >
          {row.pending === action ? BUTTONS[action].busy : BUTTONS[action].label}
        </Button>
      ) : null}
    </PersonRow>
  );
}
