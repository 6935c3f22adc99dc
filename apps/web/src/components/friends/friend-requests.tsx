'use client';

import type { FriendRequest, FriendRequests as Requests } from '@wt/schemas';
import { Button } from '@wt/ui';
import { friendErrorOf } from '@/friends/friend-errors';
import type { useFriendActions } from '@/friends/use-friends';
import { formatTimeOfDay } from '@/lib/time';
import { personName } from '@/rooms/people';
import { FormAlert } from '../forms/form-alert';
import { EmptyNote, PanelSection } from '../panel-section';
import { PersonRow } from './person-row';

/** Requests waiting for the viewer (accept / decline) and the ones they sent (cancel). */
export function FriendRequests({
  requests,
  actions,
}: {
  requests: { data?: Requests; isPending: boolean; isError: boolean; error: unknown };
  actions: ReturnType<typeof useFriendActions>;
}) {
  const incoming = requests.data?.incoming ?? [];
  const outgoing = requests.data?.outgoing ?? [];
  return (
    <PanelSection
      id="friend-requests-heading"
      title="Friend requests"
      aside={incoming.length > 0 ? <span className="text-sm text-ink-muted">{incoming.length} waiting</span> : null}
    >
      {requests.isPending ? (
        <p role="status" className="px-2 text-sm text-ink-muted">
          Loading your requests…
        </p>
      ) : requests.isError ? (
        <FormAlert>{friendErrorOf(requests.error).message}</FormAlert>
      ) : (
        <div className="grid gap-4">
          <div>
            <h3 className="px-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">Received</h3>
            {incoming.length === 0 ? (
              <EmptyNote>No requests waiting for you.</EmptyNote>
            ) : (
              <ul aria-label="Received requests" className="mt-1 space-y-1">
                {incoming.map((r) => (
                  <IncomingRow key={r.person.id} request={r} actions={actions} />
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="px-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">Sent</h3>
            {outgoing.length === 0 ? (
              <EmptyNote>No requests sent. Find people above to add them.</EmptyNote>
            ) : (
              <ul aria-label="Sent requests" className="mt-1 space-y-1">
                {outgoing.map((r) => {
                  const row = actions.row(r.person.id);
                  return (
                    <PersonRow key={r.person.id} person={r.person} error={row.error} detail={`Sent ${sentWhen(r)}`}>
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={row.pending !== null}
                        aria-label={`Cancel your request to ${personName(r.person)}`}
                        onClick={() => void actions.run('cancel', r.person)}
                      >
                        {row.pending === 'cancel' ? 'Cancelling…' : 'Cancel'}
                      </Button>
                    </PersonRow>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
      )}
    </PanelSection>
  );
}

function IncomingRow({ request, actions }: { request: FriendRequest; actions: ReturnType<typeof useFriendActions> }) {
  const row = actions.row(request.person.id);
  const name = personName(request.person);
  return (
    <PersonRow person={request.person} error={row.error} detail={`@${request.person.username} · ${sentWhen(request)}`}>
      <Button
        size="sm"
        disabled={row.pending !== null}
        aria-label={`Accept ${name}'s request`}
        onClick={() => void actions.run('accept', request.person)}
      >
        {row.pending === 'accept' ? 'Accepting…' : 'Accept'}
      </Button>
      <Button
        size="sm"
        variant="outline"
        disabled={row.pending !== null}
        aria-label={`Decline ${name}'s request`}
        onClick={() => void actions.run('reject', request.person)}
      >
        {row.pending === 'reject' ? 'Declining…' : 'Decline'}
      </Button>
    </PersonRow>
  );
}

function sentWhen(request: FriendRequest): string {
  return formatTimeOfDay(request.sentAt);
}
