import type { RoomPage, SocketError } from '@wt/schemas';
import { joinRefusal, type RoomRefusal } from './refusals';

/** What the room page does with `rooms.get` before joining over the socket. */
export type PreJoin = { kind: 'join' } | { kind: 'refused'; refusal: RoomRefusal; canReopen: boolean };

export function preJoin(page: RoomPage, userId: string): PreJoin {
  if (page.access.canJoin) return { kind: 'join' };
  const error: SocketError = { code: page.access.code ?? 'FORBIDDEN', message: page.access.message ?? '' };
  return {
    kind: 'refused',
    refusal: joinRefusal(error),
    canReopen: canReopen(error, page.room.leader.id, userId),
  };
}

/** A closed room can be opened again by its leader, and only by them. */
export function canReopen(
  error: Pick<SocketError, 'code'>,
  leaderId: string | null,
  userId: string,
): boolean {
  return error.code === 'ROOM_INACTIVE' && leaderId === userId;
}
