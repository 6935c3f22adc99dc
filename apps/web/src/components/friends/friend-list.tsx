'use client';

import type { Friend, Person } from '@wt/schemas';
import { Button, cx } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { friendErrorOf } from '@/friends/friend-errors';
import { byPresence, onlineCount, presenceLabel } from '@/friends/presence';
import type { useFriendActions } from '@/friends/use-friends';
import { personName } from '@/rooms/people';
import { Dialog } from '../dialog';
import { FormAlert } from '../forms/form-alert';
import { EmptyNote, PanelSection } from '../panel-section';
import { PersonRow } from './person-row';

type Confirming = { action: 'remove' | 'block'; person: Person } | null;

const DOT: Record<Friend['presence']['status'], string> = {
  online: 'bg-emerald-500',
  watching: 'bg-brand-500',
  offline: 'bg-ink-muted/50',
};

/** Friends with a live presence dot, each with Unfriend and Block (both asked again first). */
export function FriendList({
  friends,
  actions,
}: {
  friends: { data?: Friend[]; isPending: boolean; isError: boolean; error: unknown };
  actions: ReturnType<typeof useFriendActions>;
}) {
  const [confirming, setConfirming] = useState<Confirming>(null);
  const list = friends.data ? byPresence(friends.data) : [];
  return (
    <PanelSection
      id="your-friends-heading"
      title="Your friends"
      aside={
        friends.data && friends.data.length > 0 ? (
          <span className="text-sm text-ink-muted">
            {onlineCount(friends.data)} of {friends.data.length} online
          </span>
        ) : null
      }
    >
      {friends.isPending ? (
        <p role="status" className="px-2 text-sm text-ink-muted">
          Loading your friends…
        </p>
      ) : friends.isError ? (
        <FormAlert>{friendErrorOf(friends.error).message}</FormAlert>
      ) : list.length === 0 ? (
        <EmptyNote>No friends yet. Search for people by username and send them a request.</EmptyNote>
      ) : (
        <ul aria-label="Friends" className="space-y-1">
          {list.map((friend) => {
            const row = actions.row(friend.person.id);
            const name = personName(friend.person);
            const label = presenceLabel(friend.presence);
            const room = friend.presence.status === 'watching' ? friend.presence.room : null;
            return (
              <PersonRow
                key={friend.person.id}
                person={friend.person}
                error={row.error}
                dot={
                  <span
                    role="img"
                    aria-label={label}
                    className={cx(
                      'absolute -right-0.5 -bottom-0.5 size-3 rounded-full ring-2 ring-surface',
                      DOT[friend.presence.status],
                    )}
                  />
                }
                detail={
                  room ? (
                    <>
                      Watching{' '}
                      <Link href={`/rooms/${room.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                        {room.name}
                      </Link>
                    </>
                  ) : (
                    label
                  )
                }
              >
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={row.pending !== null}
                  aria-label={`Unfriend ${name}`}
                  onClick={() => setConfirming({ action: 'remove', person: friend.person })}
                >
                  Unfriend
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={row.pending !== null}
                  aria-label={`Block ${name}`}
                  onClick={() => setConfirming({ action: 'block', person: friend.person })}
                >
                  Block
                </Button>
              </PersonRow>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        confirming={confirming}
        onClose={() => setConfirming(null)}
        onConfirm={async (c) => {
          setConfirming(null);
          await actions.run(c.action, c.person);
        }}
      />
    </PanelSection>
  );
}

function ConfirmDialog({
  confirming,
  onClose,
  onConfirm,
}: {
  confirming: Confirming;
  onClose: () => void;
  onConfirm: (c: NonNullable<Confirming>) => Promise<void>;
}) {
  const name = confirming ? personName(confirming.person) : '';
  const block = confirming?.action === 'block';
  return (
    <Dialog
      open={confirming !== null}
      onClose={onClose}
      title={block ? `Block ${name}?` : `Unfriend ${name}?`}
      description={
        block
          ? `You stop being friends. ${name} can no longer send you requests, invite you to rooms or see when you are online. You can unblock them later.`
          : `You stop seeing each other online. Either of you can send a new request later.`
      }
    >
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="outline" onClick={onClose}>
          Keep {block ? 'them' : 'friends'}
        </Button>
        <Button variant="danger" onClick={() => confirming && void onConfirm(confirming)}>
          {block ? 'Block' : 'Unfriend'}
        </Button>
      </div>
    </Dialog>
  );
}
