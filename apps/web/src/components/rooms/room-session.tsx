'use client';

import { useMutation } from '@tanstack/react-query';
import type { PlaybackTimeline } from '@wt/sync';
import { Button } from '@wt/ui';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { canReopen } from '@/rooms/pre-join';
import { joinRefusal } from '@/rooms/refusals';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useRoom } from '@/rooms/use-room';
import { canControlPlayback } from '@/sync/playback-ui';
import { usePlaybackSync } from '@/sync/use-playback-sync';
import { useTRPC } from '@/trpc/react';
import { RoomLoading, RoomNotice } from './room-notice';
import { RoomView } from './room-view';

const NO_STATES: PlaybackTimeline = [];

/** In the room over the /rooms socket: the room itself, or why the person is not (or no longer) in it. */
export function RoomSession({
  roomId,
  inviteCode,
  userId,
  leaderId,
}: {
  roomId: string;
  inviteCode?: string;
  userId: string;
  leaderId: string;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const { state, connection, actions, socket } = useRoom(roomId, inviteCode);
  const shown = state.phase === 'in' ? state.snapshot : state.phase === 'joining' ? state.previous : null;
  const mayControl = shown ? canControlPlayback(shown.you, shown.room) : false;
  const sync = usePlaybackSync({
    socket,
    roomId,
    timeline: shown?.playback.timeline ?? NO_STATES,
    mayControl,
  });
  const [leaving, setLeaving] = useState(false);
  const reopen = useMutation(trpc.rooms.reopen.mutationOptions({ onSuccess: () => actions.rejoin() }));
  const joined = state.phase === 'in';

  // Once in, the invite has done its job: keep it out of the address bar (and of links copied from it).
  useEffect(() => {
    if (joined && inviteCode) window.history.replaceState(null, '', `/rooms/${roomId}`);
  }, [joined, inviteCode, roomId]);

  const leave = async () => {
    setLeaving(true);
    await actions.leave();
    router.push('/rooms');
  };

  switch (state.phase) {
    case 'joining':
      return state.previous ? (
        <RoomView
          snapshot={state.previous}
          actions={actions}
          connection={connection}
          sync={sync}
          mayControl={mayControl}
          rejoining
          onLeave={() => void leave()}
          leaving={leaving}
        />
      ) : (
        <RoomLoading label="Joining the room…" />
      );
    case 'in':
      return (
        <RoomView
          snapshot={state.snapshot}
          actions={actions}
          connection={connection}
          sync={sync}
          mayControl={mayControl}
          rejoining={false}
          onLeave={() => void leave()}
          leaving={leaving}
        />
      );
    case 'refused': {
      const refusal = joinRefusal(state.error);
      const reopenable = canReopen(state.error, leaderId, userId);
      return (
        <RoomNotice
          title={refusal.title}
          message={reopen.isError ? roomErrorOf(reopen.error).message : refusal.message}
          actions={
            reopenable ? (
              <Button onClick={() => reopen.mutate({ roomId })} disabled={reopen.isPending}>
                {reopen.isPending ? 'Reopening…' : 'Reopen'}
              </Button>
            ) : refusal.canRetry ? (
              <Button onClick={actions.rejoin}>Try again</Button>
            ) : null
          }
        />
      );
    }
    case 'removed':
      return (
        <RoomNotice
          title={state.notice.title}
          message={state.notice.message}
          next={state.notice.next}
          actions={state.notice.canRejoin ? <Button onClick={actions.rejoin}>Join again</Button> : null}
        />
      );
    case 'closed':
      return <RoomNotice title="This room was closed" message={state.message} />;
  }
}
