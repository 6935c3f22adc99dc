'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { FriendState } from '@wt/schemas';
import { Button, buttonClasses, Pill } from '@wt/ui';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { usePopover } from '@/lib/use-popover';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useTRPC } from '@/trpc/react';
import { FormAlert } from '../forms/form-alert';

type Notice = { tone: 'success' | 'error'; text: string } | null;

/**
 * What a signed-in viewer can do on someone's profile: send a friend request (friends.send) and invite
 * them to a room they lead (POST /api/rooms/:id/invite-user). On their own profile: edit it.
 */
export function ProfileActions({ username, name }: { username: string; name: string }) {
  const { status } = useAuth();
  const trpc = useTRPC();
  const relation = useQuery({ ...trpc.profile.relation.queryOptions({ username }), enabled: status === 'signed-in' });
  const [notice, setNotice] = useState<Notice>(null);

  if (status !== 'signed-in' || !relation.data) return null;
  if (relation.data.isSelf) {
    return (
      <Link href="/settings#profile" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
        Edit profile
      </Link>
    );
  }
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <FriendButton userId={relation.data.userId} initial={relation.data.friendState} name={name} onNotice={setNotice} />
        <InviteMenu userId={relation.data.userId} name={name} onNotice={setNotice} />
      </div>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
    </div>
  );
}

function FriendButton({
  userId,
  initial,
  name,
  onNotice,
}: {
  userId: string;
  initial: FriendState;
  name: string;
  onNotice: (n: Notice) => void;
}) {
  const trpc = useTRPC();
  const [state, setState] = useState<FriendState>(initial);
  const send = useMutation(
    trpc.friends.send.mutationOptions({
      onSuccess: (result) => {
        setState(result.state);
        onNotice({
          tone: 'success',
          text: result.state === 'friends' ? `You and ${name} are friends now.` : `Friend request sent to ${name}.`,
        });
      },
      // The refusal is a sentence (not accepting requests, blocked...): shown as it is.
      onError: (error) => onNotice({ tone: 'error', text: roomErrorOf(error).message }),
    }),
  );
  useEffect(() => setState(initial), [initial]);

  if (state === 'friends') return <Pill tone="success">Friends</Pill>;
  if (state === 'request_sent') return <Pill tone="neutral">Friend request sent</Pill>;
  if (state === 'request_received') {
    return (
      <Link href="/friends" className={buttonClasses({ size: 'sm' })}>
        Answer their friend request
      </Link>
    );
  }
  if (state === 'blocked') return <Pill tone="warning">You blocked {name}</Pill>;
  if (state === 'blocked_by') return null;
  return (
    <Button size="sm" disabled={send.isPending} onClick={() => send.mutate({ userId })}>
      {send.isPending ? 'Sending…' : 'Add friend'}
    </Button>
  );
}

/** A menu of the viewer's open rooms where they lead; picking one sends the invite. */
function InviteMenu({ userId, name, onNotice }: { userId: string; name: string; onNotice: (n: Notice) => void }) {
  const { user, client } = useAuth();
  const trpc = useTRPC();
  const { isOpen: open, setOpen, root: menuRef } = usePopover();
  const [sending, setSending] = useState<string | null>(null);
  const rooms = useQuery({ ...trpc.rooms.lobby.queryOptions({ tab: 'mine' }), enabled: open });
  const leading = (rooms.data?.rooms ?? []).filter((r) => r.isActive && r.leader.id === user?.id);

  const invite = async (roomId: string, roomName: string) => {
    setSending(roomId);
    const result = await callApi(client.authFetch, `/api/rooms/${roomId}/invite-user`, { method: 'POST', body: { userId } });
    setSending(null);
    setOpen(false);
    onNotice(
      result.ok
        ? { tone: 'success', text: `${name} is invited to ${roomName}.` }
        : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <div className="relative" ref={menuRef}>
      <Button size="sm" variant="secondary" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Invite to a room
      </Button>
      {open ? (
        <div role="menu" aria-label="Your open rooms" className="absolute z-20 mt-2 w-64 rounded-2xl border border-line bg-canvas p-1.5 shadow-lg">
          {rooms.isPending ? (
            <p role="status" className="px-3 py-2 text-sm text-ink-muted">
              Loading your rooms…
            </p>
          ) : leading.length === 0 ? (
            <p className="px-3 py-2 text-sm text-ink-muted">
              You lead no open room.{' '}
              <Link href="/rooms" className="font-medium text-brand-700 underline dark:text-brand-300">
                Create one
              </Link>
              .
            </p>
          ) : (
            leading.map((room) => (
              <button
                key={room.id}
                type="button"
                role="menuitem"
                disabled={sending !== null}
                onClick={() => void invite(room.id, room.name)}
                className="block w-full truncate rounded-xl px-3 py-2 text-left text-sm text-ink hover:bg-surface-2 disabled:opacity-60"
              >
                {sending === room.id ? 'Inviting…' : room.name}
              </button>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
