import type { RoomSummary } from '@wt/schemas';
import { Card, Pill } from '@wt/ui';
import Link from 'next/link';
import { isFull, nowPlaying, seatsLabel } from '@/rooms/lobby';
import { personName } from '@/rooms/people';
import { optionLabel, VISIBILITY_OPTIONS } from '@/rooms/room-options';
import { Avatar } from '../account-menu';
import { LockIcon, PlayIcon, UsersIcon } from '../icons';

/** A room in the lobby: what plays, who leads, how many watch; the whole card opens the room. */
export function RoomCard({ room, href = `/rooms/${room.id}` }: { room: RoomSummary; href?: string }) {
  const playing = nowPlaying(room.content);
  const full = isFull(room);
  return (
    <Card as="li" interactive className="relative flex min-w-0 flex-col gap-4 p-5">
      <div className="flex flex-wrap items-center gap-2">
        <Pill tone="neutral">{optionLabel(VISIBILITY_OPTIONS, room.visibility)}</Pill>
        {room.isLocked ? (
          <Pill tone="warning">
            <LockIcon className="size-3.5" />
            Locked
          </Pill>
        ) : null}
        {!room.isActive ? <Pill tone="neutral">Closed</Pill> : null}
        {room.guild ? <Pill tone="accent">{room.guild.name}</Pill> : null}
      </div>
      <div className="min-w-0">
        <h3 className="truncate text-lg font-semibold text-ink">
          {/* The link covers the card (after:inset-0), so the whole card is one target. */}
          <Link
            href={href}
            className="after:absolute after:inset-0 after:rounded-3xl focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-500"
          >
            {room.name}
          </Link>
        </h3>
        <p className="mt-1 flex min-w-0 items-center gap-2 text-sm text-ink-muted">
          <Avatar user={room.leader} />
          <span className="truncate">Led by {personName(room.leader)}</span>
        </p>
      </div>
      <p className="flex min-w-0 items-center gap-2 text-sm text-ink">
        <PlayIcon className="size-4 shrink-0 text-brand-600 dark:text-brand-300" />
        {playing ? (
          <span className="min-w-0 truncate">
            <span className="font-medium">{playing.platform}</span>
            <span className="text-ink-muted"> · {playing.detail}</span>
          </span>
        ) : (
          <span className="text-ink-muted">Nothing playing yet</span>
        )}
      </p>
      <p
        className={
          full
            ? 'flex items-center gap-2 text-sm font-medium text-amber-700 dark:text-amber-300'
            : 'flex items-center gap-2 text-sm text-ink-muted'
        }
      >
        <UsersIcon className="size-4 shrink-0" />
        {seatsLabel(room)}
      </p>
    </Card>
  );
}
