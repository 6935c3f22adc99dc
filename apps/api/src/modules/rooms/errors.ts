import type { RoomErrorCode, SocketError } from '@wt/schemas';
import type { z } from 'zod';
import { parseOrRefuse } from '../../infra/socket-events';

/**
 * A refusal of a room action: a stable code from ROOM_ERROR_CODES and a sentence a person reads.
 * Mapped once to socket acks (`{ ok: false, error }`), tRPC errors (`data.roomCode`) and HTTP bodies
 * (`{ error: { code, message } }`), so no handler formats its own.
 */
export class RoomError extends Error {
  override name = 'RoomError';
  readonly code: RoomErrorCode;

  constructor(code: RoomErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  toSocketError(): SocketError {
    return { code: this.code, message: this.message };
  }
}

export function isRoomError(value: unknown): value is RoomError {
  return value instanceof RoomError;
}

const HTTP_STATUS: Partial<Record<RoomErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  ROOM_NOT_FOUND: 404,
  INVITE_INVALID: 404,
  INVITE_EXPIRED: 410,
  ROOM_FULL: 409,
  ROOM_INACTIVE: 409,
  RATE_LIMITED: 429,
  SLOW_MODE: 429,
  INTERNAL: 500,
};

export function httpStatusOf(err: RoomError): number {
  return HTTP_STATUS[err.code] ?? 403;
}

/**
 * When a ban ends, in UTC: "18:45 UTC" within a day of `now`, else "3 Dec 18:45 UTC" (the web shows the
 * local time from `bannedUntil`).
 */
export function banEnd(until: Date, now: Date): string {
  const time = `${until.toISOString().slice(11, 16)} UTC`;
  if (until.getTime() - now.getTime() < 24 * 3600 * 1000) return time;
  const day = until.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${day} ${time}`;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

export const roomErrors = {
  validation: (message: string) => new RoomError('VALIDATION_FAILED', message),
  notFound: () => new RoomError('ROOM_NOT_FOUND', 'There is no room at this address. Check the link.'),
  inactive: () => new RoomError('ROOM_INACTIVE', 'This room is closed. Its leader can reopen it.'),
  full: (max: number) => new RoomError('ROOM_FULL', `This room is full: all ${max} seats are taken. Try again later.`),
  locked: () => new RoomError('ROOM_LOCKED', 'The leader locked this room: nobody new can join right now.'),
  private: () => new RoomError('ROOM_PRIVATE', 'This room is private. Ask its leader for an invite link.'),
  friendsOnly: () => new RoomError('ROOM_FRIENDS_ONLY', "This room is only open to the leader's friends."),
  inviteInvalid: () => new RoomError('INVITE_INVALID', 'This invite link is not valid. Ask for a new one.'),
  inviteExpired: () => new RoomError('INVITE_EXPIRED', 'This invite link has expired. Ask for a new one.'),
  banned: (until: Date | null, now: Date) =>
    new RoomError(
      'BANNED',
      until ? `You were banned from this room until ${banEnd(until, now)}.` : 'You were banned from this room.',
    ),
  notMember: () => new RoomError('NOT_A_MEMBER', 'Join the room first.'),
  forbidden: (what: string) => new RoomError('FORBIDDEN', `Only ${what}.`),
  muted: () => new RoomError('MUTED', 'You were muted in this room: you cannot chat or speak.'),
  chatOff: () => new RoomError('CHAT_OFF', 'The leader turned chat off in this room.'),
  chatModsOnly: () => new RoomError('CHAT_MODS_ONLY', 'Only the leader and moderators can chat in this room right now.'),
  slowMode: (waitMs: number) => new RoomError('SLOW_MODE', `Slow mode: wait ${seconds(waitMs)} before your next message.`),
  rateLimited: (waitMs: number) =>
    new RoomError('RATE_LIMITED', `You are sending messages too fast. Wait ${seconds(waitMs)} and try again.`),
  internal: () => new RoomError('INTERNAL', 'Something went wrong on our side. Please try again in a moment.'),
};

/** Parses a payload with its shared schema, or refuses with the first issue's sentence. */
export function parsePayload<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return parseOrRefuse(schema, value, roomErrors.validation);
}
