'use client';

import { guildRoleMay, type GuildDetail } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import Link from 'next/link';
import { nowPlaying, seatsLabel } from '@/rooms/lobby';
import { personName } from '@/rooms/people';
import type { GuildActions } from '@/guilds/use-guild-actions';
import { PlusIcon } from '../icons';
import { EmptyNote, PanelSection } from '../panel-section';
import { ErrorLine } from './error-line';

function roomLine(room: GuildDetail['rooms'][number]): string {
  const playing = nowPlaying(room.content);
  return [
    playing ? playing.platform : null,
    seatsLabel(room),
    `led by ${personName(room.leader)}`,
    room.isActive ? null : 'closed',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Where the room form opens with "Guild room" ticked. */
export const NEW_GUILD_ROOM_HREF = '/rooms?create=guild';

/** Rooms linked to the guild (members see them); officers and the leader may unlink one. */
export function GuildRooms({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const mayManage = guildRoleMay(guild.myRole, 'manageRooms');
  return (
    <PanelSection
      id="rooms-heading"
      title="Guild rooms"
      aside={
        mayManage ? (
          <Link href={NEW_GUILD_ROOM_HREF} className={buttonClasses({ variant: 'outline', size: 'sm' })}>
            <PlusIcon className="size-4" />
            Create a guild room
          </Link>
        ) : null
      }
    >
      {guild.rooms.length === 0 ? (
        <EmptyNote>
          No guild rooms yet.{mayManage ? ' Create one: members see it in their lobby.' : ''}
        </EmptyNote>
      ) : (
        <ul aria-label="Guild rooms" className="divide-y divide-line">
          {guild.rooms.map((room) => {
            const key = `unlink:${room.id}`;
            return (
              <li key={room.id} className="flex flex-wrap items-center gap-3 py-2.5">
                <div className="min-w-0 flex-1">
                  <Link
                    href={`/rooms/${room.id}`}
                    className="block truncate font-medium text-ink hover:underline"
                  >
                    {room.name}
                  </Link>
                  <p className="truncate text-xs text-ink-muted">{roomLine(room)}</p>
                </div>
                {mayManage ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={actions.pending !== null}
                    aria-label={`Unlink ${room.name} from the guild`}
                    onClick={() =>
                      void actions.run(key, (c) =>
                        c.guilds.unlinkRoom.mutate({ guildId: guild.id, roomId: room.id }),
                      )
                    }
                  >
                    {actions.pending === key ? 'Unlinking…' : 'Unlink'}
                  </Button>
                ) : null}
                <ErrorLine>{actions.error(key)}</ErrorLine>
              </li>
            );
          })}
        </ul>
      )}
    </PanelSection>
  );
}
