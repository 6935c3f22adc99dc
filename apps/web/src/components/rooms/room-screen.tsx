'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@wt/ui';
import { useAuth } from '@/auth/auth-provider';
import { roomPathWithInvite } from '@/rooms/invite';
import { preJoin } from '@/rooms/pre-join';
import { joinRefusal } from '@/rooms/refusals';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useTRPC } from '@/trpc/react';
import { SignInPrompt } from '../sign-in-prompt';
import { RoomLoading, RoomNotice } from './room-notice';
import { RoomSession } from './room-session';

/**
 * /rooms/<id>: asks the API whether this person may come in (`rooms.get`), says why not when they
 * may not, and otherwise joins the room over the socket.
 */
export function RoomScreen({ roomId, inviteCode }: { roomId: string; inviteCode?: string }) {
  const { user } = useAuth();
  const here = inviteCode ? roomPathWithInvite(roomId, inviteCode) : `/rooms/${roomId}`;
  return (
    <SignInPrompt
      title="Sign in to join this room"
      next={here}
      signedIn={
        user ? <RoomGate key={user.id} roomId={roomId} inviteCode={inviteCode} userId={user.id} /> : null
      }
    >
      Watch rooms are for members. Sign in and you come straight back to this room.
    </SignInPrompt>
  );
}

function RoomGate({ roomId, inviteCode, userId }: { roomId: string; inviteCode?: string; userId: string }) {
  const trpc = useTRPC();
  // Asked once per visit: inside the room the socket is the truth (a kick must not be replaced by
  // this page's "banned" answer on a refetch).
  const page = useQuery(
    trpc.rooms.get.queryOptions(
      { roomId, ...(inviteCode ? { inviteCode } : {}) },
      { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false, retry: false },
    ),
  );
  const reopen = useMutation(trpc.rooms.reopen.mutationOptions({ onSuccess: () => void page.refetch() }));

  if (page.isPending) return <RoomLoading label="Opening the room…" />;
  if (page.isError) {
    const refusal = joinRefusal(roomErrorOf(page.error));
    return (
      <RoomNotice
        title={refusal.title}
        message={refusal.message}
        actions={refusal.canRetry ? <Button onClick={() => void page.refetch()}>Try again</Button> : null}
      />
    );
  }
  const view = preJoin(page.data, userId);
  if (view.kind === 'refused') {
    return (
      <RoomNotice
        title={view.refusal.title}
        message={reopen.isError ? roomErrorOf(reopen.error).message : view.refusal.message}
        next={view.canReopen ? 'You lead this room: reopen it and invite people back.' : undefined}
        actions={
          view.canReopen ? (
            <Button onClick={() => reopen.mutate({ roomId })} disabled={reopen.isPending}>
              {reopen.isPending ? 'Reopening…' : 'Reopen'}
            </Button>
          ) : view.refusal.canRetry ? (
            <Button onClick={() => void page.refetch()} disabled={page.isFetching}>
              Try again
            </Button>
          ) : null
        }
      />
    );
  }
  return (
    <RoomSession
      roomId={roomId}
      inviteCode={inviteCode}
      userId={userId}
      leaderId={page.data.room.leader.id}
    />
  );
}
