'use client';

import type { BlockedUser } from '@wt/schemas';
import { Button } from '@wt/ui';
import { friendErrorOf } from '@/friends/friend-errors';
import type { useFriendActions } from '@/friends/use-friends';
import { personName } from '@/rooms/people';
import { FormAlert } from '../forms/form-alert';
import { EmptyNote, PanelSection } from '../panel-section';
import { PersonRow } from './person-row';

/** People the viewer blocked, to unblock. */
export function BlockedList({
  blocked,
  actions,
}: {
  blocked: { data?: BlockedUser[]; isPending: boolean; isError: boolean; error: unknown };
  actions: ReturnType<typeof useFriendActions>;
}) {
  return (
    <PanelSection id="blocked-people-heading" title="Blocked people">
      {blocked.isPending ? (
        <p role="status" className="px-2 text-sm text-ink-muted">
          Loading…
        </p>
      ) : blocked.isError ? (
        <FormAlert>{friendErrorOf(blocked.error).message}</FormAlert>
      ) : !blocked.data || blocked.data.length === 0 ? (
        <EmptyNote>You have not blocked anyone.</EmptyNote>
      ) : (
        <ul aria-label="Blocked people" className="space-y-1">
          {blocked.data.map((b) => {
            const row = actions.row(b.person.id);
            return (
              <PersonRow key={b.person.id} person={b.person} error={row.error}>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={row.pending !== null}
                  aria-label={`Unblock ${personName(b.person)}`}
                  onClick={() => void actions.run('unblock', b.person)}
                >
                  {row.pending === 'unblock' ? 'Unblocking…' : 'Unblock'}
                </Button>
              </PersonRow>
            );
          })}
        </ul>
      )}
    </PanelSection>
  );
}
