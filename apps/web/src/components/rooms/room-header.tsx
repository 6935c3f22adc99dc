import type { RoomDetail } from '@wt/schemas';
import { Button, Pill } from '@wt/ui';
import { optionLabel, VISIBILITY_OPTIONS } from '@/rooms/room-options';
import { GearIcon, LeaveIcon, LinkIcon, LockIcon, UsersIcon } from '../icons';

/** The room's name and state, and the buttons for inviting, settings and leaving. */
export function RoomHeader({
  room,
  onInvite,
  onSettings,
  onLeave,
  leaving,
}: {
  room: RoomDetail;
  onInvite: (() => void) | null;
  onSettings: (() => void) | null;
  onLeave: () => void;
  leaving: boolean;
}) {
  return (
    <header className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold tracking-tight break-words text-ink sm:text-3xl">{room.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <Pill tone="neutral">{optionLabel(VISIBILITY_OPTIONS, room.visibility)}</Pill>
          <Pill tone="brand">
            <UsersIcon className="size-3.5" />
            {room.memberCount} / {room.maxMembers}
          </Pill>
          {room.isLocked ? (
            <Pill tone="warning">
              <LockIcon className="size-3.5" />
              Locked
            </Pill>
          ) : null}
          {room.slowMode ? <Pill tone="warning">Slow chat</Pill> : null}
          {room.guild ? <Pill tone="accent">{room.guild.name}</Pill> : null}
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        {onInvite ? (
          <Button onClick={onInvite} size="sm">
            <LinkIcon className="size-4" />
            Invite
          </Button>
        ) : null}
        {onSettings ? (
          <Button variant="outline" size="sm" onClick={onSettings}>
            <GearIcon className="size-4" />
            Settings
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onLeave} disabled={leaving}>
          <LeaveIcon className="size-4" />
          {leaving ? 'Leaving…' : 'Leave'}
        </Button>
      </div>
    </header>
  );
}
