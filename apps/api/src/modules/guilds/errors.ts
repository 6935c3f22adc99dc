import { LIMITS, type GuildErrorCode, type SocketError } from '@wt/schemas';

/**
 * A refused guild action: a stable code from GUILD_ERROR_CODES and a sentence a person reads. Mapped
 * once to tRPC errors (`data.guildCode`), socket acks and HTTP bodies (`{ error: { code, message } }`).
 */
export class GuildError extends Error {
  override name = 'GuildError';
  readonly code: GuildErrorCode;

  constructor(code: GuildErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  toSocketError(): SocketError {
    return { code: this.code, message: this.message };
  }
}

export function isGuildError(value: unknown): value is GuildError {
  return value instanceof GuildError;
}

const HTTP_STATUS: Partial<Record<GuildErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  CONFIRMATION_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  GUILD_NOT_FOUND: 404,
  EVENT_NOT_FOUND: 404,
  ROOM_NOT_FOUND: 404,
  NO_REQUEST: 404,
  NOT_INVITED: 403,
  NAME_TAKEN: 409,
  ALREADY_IN_GUILD: 409,
  GUILD_FULL: 409,
  REQUEST_PENDING: 409,
  ALREADY_INVITED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function guildHttpStatus(err: GuildError): number {
  return HTTP_STATUS[err.code] ?? 403;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

export const guildErrors = {
  validation: (message: string) => new GuildError('VALIDATION_FAILED', message),
  notFound: () => new GuildError('GUILD_NOT_FOUND', 'That guild does not exist any more.'),
  nameTaken: (name: string) => new GuildError('NAME_TAKEN', `There is already a guild called “${name}”. Pick another name.`),
  alreadyInGuild: () =>
    new GuildError('ALREADY_IN_GUILD', 'You are already in a guild. Leave it first: a person belongs to one guild at a time.'),
  targetInGuild: () => new GuildError('ALREADY_IN_GUILD', 'This person is already in a guild.'),
  full: () => new GuildError('GUILD_FULL', `This guild is full: a guild holds at most ${LIMITS.guildMembersMax} members.`),
  private: () =>
    new GuildError('GUILD_PRIVATE', 'This guild is private: ask to join, or wait for an invite from its leader or an officer.'),
  publicNoRequest: () => new GuildError('VALIDATION_FAILED', 'This guild is public: join it directly.'),
  kicked: () =>
    new GuildError('KICKED', 'You were removed from this guild: you can come back with an invite from its leader or an officer.'),
  notMember: () => new GuildError('NOT_MEMBER', 'You are not a member of this guild.'),
  targetNotMember: () => new GuildError('NOT_MEMBER', 'This person is not a member of the guild any more.'),
  forbidden: (what: string) => new GuildError('FORBIDDEN', `Only ${what}.`),
  leaderMustTransfer: () =>
    new GuildError('LEADER_MUST_TRANSFER', 'You lead this guild: transfer the leadership to another member first, or disband the guild.'),
  cannotKickLeader: () => new GuildError('CANNOT_KICK', 'The leader cannot be kicked.'),
  cannotKickOfficer: () => new GuildError('CANNOT_KICK', 'Officers can only kick members; ask the leader to remove an officer.'),
  cannotKickSelf: () => new GuildError('CANNOT_KICK', 'You cannot kick yourself: leave the guild instead.'),
  notInvited: () => new GuildError('NOT_INVITED', 'There is no invite for you from this guild any more.'),
  noRequest: () => new GuildError('NO_REQUEST', 'That join request is not waiting any more. Reload the guild.'),
  requestPending: () => new GuildError('REQUEST_PENDING', 'You already asked to join this guild. Wait for an officer to answer.'),
  alreadyInvited: () => new GuildError('ALREADY_INVITED', 'This person already has an invite from your guild.'),
  blocked: () => new GuildError('BLOCKED', 'You cannot invite this person.'),
  confirmationMismatch: () =>
    new GuildError('CONFIRMATION_MISMATCH', 'Type the guild name exactly as it is written to disband it.'),
  self: (what: string) => new GuildError('VALIDATION_FAILED', `You cannot ${what} yourself.`),
  eventNotFound: () => new GuildError('EVENT_NOT_FOUND', 'That challenge does not exist any more.'),
  roomNotFound: () => new GuildError('ROOM_NOT_FOUND', 'That room is not one of this guild’s rooms.'),
  rateLimited: (waitMs: number) => new GuildError('RATE_LIMITED', `You are sending messages too fast. Wait ${seconds(waitMs)}.`),
  unauthenticated: () => new GuildError('UNAUTHENTICATED', 'Sign in to do that.'),
  internal: () => new GuildError('INTERNAL', 'Something went wrong on our side. Please try again in a moment.'),
};
