import type { RoomErrorCode, SocketError } from '@wt/schemas';
import { formatTimeOfDay } from '@/lib/time';

/**
 * What a person reads when a room turns them away. The API's sentence is shown as it is (it says
 * what happened); these add a heading and what they can do next.
 */

export interface RoomRefusal {
  title: string;
  message: string;
  /** Whether trying again can help (a full room may have a seat soon; a ban will not lift by retrying). */
  canRetry: boolean;
}

const TITLES: Partial<
  Record<RoomErrorCode | string, { title: string; canRetry: boolean; fallback: string }>
> = {
  ROOM_FULL: { title: 'This room is full', canRetry: true, fallback: 'Every seat in this room is taken.' },
  BANNED: {
    title: 'You were banned from this room',
    canRetry: false,
    fallback: 'You were banned from this room.',
  },
  ROOM_PRIVATE: {
    title: 'This room is private',
    canRetry: false,
    fallback: 'This room is private. Ask its leader for an invite link.',
  },
  ROOM_FRIENDS_ONLY: {
    title: 'This room is for friends',
    canRetry: false,
    fallback: "This room is only open to the leader's friends.",
  },
  ROOM_GUILD_ONLY: {
    title: 'This room is for a guild',
    canRetry: false,
    fallback: "This room is only open to its guild's members.",
  },
  ROOM_LOCKED: {
    title: 'This room is locked',
    canRetry: true,
    fallback: 'The leader locked this room: nobody new can join right now.',
  },
  ROOM_INACTIVE: { title: 'This room is closed', canRetry: false, fallback: 'This room is closed.' },
  ROOM_NOT_FOUND: {
    title: 'Room not found',
    canRetry: false,
    fallback: 'There is no room at this address. Check the link.',
  },
  INVITE_INVALID: {
    title: 'This invite does not work',
    canRetry: false,
    fallback: 'This invite link is not valid. Ask for a new one.',
  },
  INVITE_EXPIRED: {
    title: 'This invite has expired',
    canRetry: false,
    fallback: 'This invite link has expired. Ask for a new one.',
  },
  TIMEOUT: {
    title: 'The room did not answer',
    canRetry: true,
    fallback: "The room didn't answer. Check your connection and try again.",
  },
};

export function joinRefusal(error: SocketError): RoomRefusal {
  const known = TITLES[error.code];
  const message = error.message.trim() || known?.fallback || 'You cannot join this room right now.';
  return {
    title: known?.title ?? 'You cannot join this room',
    message,
    canRetry: known?.canRetry ?? true,
  };
}

export interface RemovalNotice {
  title: string;
  /** Why: the server's sentence (who removed you, until when, the reason). */
  message: string;
  /** What happens next, with the end of the ban in the viewer's own clock. */
  next: string;
  /** The ban already ended: joining again works. */
  canRejoin: boolean;
}

/**
 * The full-page message for someone removed from a room (`room:kick` to their own sockets). Every
 * kick bans: until `bannedUntil`, or for good when it is null.
 */
export function removalNotice(
  kick: { bannedUntil: string | null; reason: string | null; message: string },
  now: Date = new Date(),
  locale?: string,
): RemovalNotice {
  const title = 'You were removed from this room';
  const because = kick.reason ? ` Reason: ${kick.reason}` : '';
  if (kick.bannedUntil === null) {
    return {
      title,
      message: kick.message.trim() || `You were removed from this room and banned from it.${because}`,
      next: 'You cannot come back to this room. Find another one in the lobby.',
      canRejoin: false,
    };
  }
  const until = formatTimeOfDay(kick.bannedUntil, now, locale);
  if (Date.parse(kick.bannedUntil) > now.getTime()) {
    return {
      title,
      message: kick.message.trim() || `You were removed from this room and banned until ${until}.${because}`,
      next: `You can come back after ${until}.`,
      canRejoin: false,
    };
  }
  return {
    title,
    message: kick.message.trim() || `You were removed from this room.${because}`,
    next: 'Your ban has ended: you can join again.',
    canRejoin: true,
  };
}
