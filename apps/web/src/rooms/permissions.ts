import { SLOW_MODE_SECONDS, type RoomDetail, type RoomRole } from '@wt/schemas';

/**
 * Who may do what in a room, as the client shows it. The server decides (every action is checked
 * there); these only hide buttons a person could not use and explain why the composer is closed.
 */

export interface Actor {
  userId: string;
  role: RoomRole;
  isMuted: boolean;
}

export interface Target {
  id: string;
  role: RoomRole;
}

const RANK: Record<RoomRole, number> = { leader: 2, moderator: 1, member: 0 };

/** Kick, ban and mute: the leader over everyone else, a moderator over plain members. */
export function canModerate(actor: Actor, target: Target): boolean {
  if (actor.userId === target.id) return false;
  if (actor.role === 'member') return false;
  return RANK[actor.role] > RANK[target.role];
}

/** Only the leader hands out (or takes back) the moderator role and the leadership. */
export function canPromote(actor: Actor, target: Target): boolean {
  return actor.role === 'leader' && actor.userId !== target.id;
}

export function canEditSettings(actor: Actor): boolean {
  return actor.role === 'leader';
}

/** What plays: the leader, or every member when the room hands playback to anyone. */
export function canChangeContent(actor: Actor, room: Pick<RoomDetail, 'playbackControl'>): boolean {
  return actor.role === 'leader' || room.playbackControl === 'any';
}

/** Invite links are made by the leader and moderators (the API's GET /api/rooms/:id/invite). */
export function canInvite(actor: Actor): boolean {
  return actor.role !== 'member';
}

export type MemberAction =
  'mute' | 'unmute' | 'kick' | 'ban' | 'make-moderator' | 'remove-moderator' | 'make-leader';

/** The entries of a member's menu for this actor, in display order; empty means no menu. */
export function memberActions(actor: Actor, target: Target & { isMuted: boolean }): MemberAction[] {
  const actions: MemberAction[] = [];
  if (canModerate(actor, target)) actions.push(target.isMuted ? 'unmute' : 'mute');
  if (canPromote(actor, target)) {
    if (target.role === 'member') actions.push('make-moderator');
    if (target.role === 'moderator') actions.push('remove-moderator');
    actions.push('make-leader');
  }
  if (canModerate(actor, target)) actions.push('kick', 'ban');
  return actions;
}

export type ChatAvailability = { canSend: true; note: string | null } | { canSend: false; reason: string };

/** Whether the composer is open for this person, and the sentence shown when it is not. */
export function chatAvailability(
  actor: Actor,
  room: Pick<RoomDetail, 'chatMode' | 'slowMode'>,
): ChatAvailability {
  if (room.chatMode === 'off') return { canSend: false, reason: 'Chat is turned off in this room.' };
  if (actor.isMuted) return { canSend: false, reason: 'You are muted in this room, so you cannot chat.' };
  if (room.chatMode === 'mods' && actor.role === 'member') {
    return { canSend: false, reason: 'Only the leader and moderators can chat right now.' };
  }
  const notes: string[] = [];
  if (room.chatMode === 'mods') notes.push('Only moderators can chat right now.');
  if (room.slowMode) notes.push(`Slow mode: one message every ${SLOW_MODE_SECONDS} s.`);
  return { canSend: true, note: notes.length ? notes.join(' ') : null };
}

/** Seconds left before slow mode lets this person send again (0: now). */
export function slowModeWaitSeconds(lastSentAtMs: number | null, nowMs: number, slowMode: boolean): number {
  if (!slowMode || lastSentAtMs === null) return 0;
  const left = SLOW_MODE_SECONDS * 1000 - (nowMs - lastSentAtMs);
  return left > 0 ? Math.ceil(left / 1000) : 0;
}
