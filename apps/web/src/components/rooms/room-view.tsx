'use client';

import { useState } from 'react';
import type { SocketState } from '@/lib/socket';
import { canChangeContent, canEditSettings, canInvite } from '@/rooms/permissions';
import type { LiveRoom } from '@/rooms/room-state';
import type { RoomActions } from '@/rooms/use-room';
import type { PlaybackSyncClient, SyncStatus } from '@/sync/sync-client';
import { FormAlert } from '../forms/form-alert';
import { ChangeContentDialog } from './change-content-dialog';
import { ChatPanel } from './chat-panel';
import { InviteDialog } from './invite-dialog';
import { LeaderControls } from './leader-controls';
import { NowPlaying } from './now-playing';
import { RoomHeader } from './room-header';
import { RoomPlayer } from './room-player';
import { RoomRoster } from './room-roster';
import { RoomSettingsDialog } from './room-settings-dialog';

type OpenDialog = 'invite' | 'settings' | 'content' | null;

/**
 * The room once joined: player and its controls on the left, roster and chat on the right (below the
 * player on narrow screens).
 */
export function RoomView({
  snapshot,
  actions,
  connection,
  sync,
  mayControl,
  rejoining,
  onLeave,
  leaving,
}: {
  snapshot: LiveRoom;
  actions: RoomActions;
  connection: SocketState;
  sync: { client: PlaybackSyncClient; status: SyncStatus };
  /** This person's playback commands are accepted (leader, or anyone when the room allows). */
  mayControl: boolean;
  /** Drawing the last known room while joining again after a reconnect. */
  rejoining: boolean;
  onLeave: () => void;
  leaving: boolean;
}) {
  const { room, you } = snapshot;
  const actor = { userId: you.userId, role: you.role, isMuted: you.isMuted };
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);

  return (
    <div className="space-y-6">
      <RoomHeader
        room={room}
        onInvite={canInvite(actor) ? () => setDialog('invite') : null}
        onSettings={canEditSettings(actor) ? () => setDialog('settings') : null}
        onLeave={onLeave}
        leaving={leaving}
      />
      {rejoining || connection.status !== 'connected' ? (
        <FormAlert tone="warning">{connection.error ?? 'Reconnecting to the room…'}</FormAlert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-4">
          <RoomPlayer
            snapshot={snapshot}
            client={sync.client}
            status={sync.status}
            actions={actions}
            mayControl={mayControl}
          />
          <NowPlaying
            content={room.content}
            onChange={canChangeContent(actor, room) ? () => setDialog('content') : null}
          />
          {you.role === 'leader' ? <LeaderControls room={room} actions={actions} /> : null}
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <ChatPanel snapshot={snapshot} actions={actions} />
          <RoomRoster snapshot={snapshot} actions={actions} yourDriftMs={sync.status.driftMs} />
        </div>
      </div>
      <InviteDialog open={dialog === 'invite'} onClose={close} roomId={room.id} />
      <RoomSettingsDialog
        open={dialog === 'settings'}
        onClose={close}
        room={room}
        syncSettings={snapshot.playback.settings}
        update={actions.update}
        updateSync={actions.syncSettings}
      />
      <ChangeContentDialog
        open={dialog === 'content'}
        onClose={close}
        changeContent={actions.changeContent}
      />
    </div>
  );
}
