import type { RoomRole, RoomVisibility } from '@wt/schemas';
import { type RoomError, roomErrors } from './errors';

/**
 * Who may come into a room, and who may do what inside it. Pure: the service gathers the facts in one
 * transaction (room row locked) and these rules decide, so every rule has a table-driven test.
 */

export type InviteStatus = 'none' | 'valid' | 'invalid' | 'expired' | 'used';

export interface JoinFacts {
  isActive: boolean;
  isLocked: boolean;
  visibility: RoomVisibility;
  maxMembers: number;
  /** Members present now (left_at IS NULL), this user excluded. */
  presentCount: number;
  isLeader: boolean;
  /** Already present (a reconnect or a second tab): nothing else is checked but bans. */
  isPresent: boolean;
  /** Was admitted before and left (not kicked: a kick bans). */
  wasMember: boolean;
  /** A ban in force (`until` null: for good). */
  ban: { until: Date | null } | null;
  isFriendOfLeader: boolean;
  /** The room is linked to a guild this user belongs to. */
  isGuildMember: boolean;
  invite: InviteStatus;
  /** When the decision is made (the ban sentence says how long is left). */
  now: Date;
}

export type JoinDecision = { ok: true; consumeInvite: boolean } | { ok: false; error: RoomError };

/**
 * The join rules of issue 4: public = anyone signed in; friends = friends of the leader (and members
 * of the room's guild); private = only with a valid invite (or a past member coming back). A ban beats
 * everything, invites included; a locked room takes nobody new; a full room takes nobody.
 */
export function decideJoin(f: JoinFacts): JoinDecision {
  if (f.ban && !f.isLeader) return { ok: false, error: roomErrors.banned(f.ban.until, f.now) };
  if (!f.isActive) return { ok: false, error: roomErrors.inactive() };
  if (f.isPresent) return { ok: true, consumeInvite: false };

  let consumeInvite = false;
  if (!f.isLeader && !hasAccessWithoutInvite(f)) {
    if (f.invite === 'valid') consumeInvite = true;
    else if (f.invite === 'expired') return { ok: false, error: roomErrors.inviteExpired() };
    else if (f.invite === 'invalid' || f.invite === 'used') return { ok: false, error: roomErrors.inviteInvalid() };
    else return { ok: false, error: f.visibility === 'private' ? roomErrors.private() : roomErrors.friendsOnly() };
  }
  if (f.isLocked && !f.isLeader) return { ok: false, error: roomErrors.locked() };
  if (f.presentCount >= f.maxMembers) return { ok: false, error: roomErrors.full(f.maxMembers) };
  return { ok: true, consumeInvite };
}

function hasAccessWithoutInvite(f: JoinFacts): boolean {
  switch (f.visibility) {
    case 'public':
      return true;
    case 'friends':
      return f.isFriendOfLeader || f.isGuildMember || f.wasMember;
    case 'private':
      return f.wasMember;
  }
}

const RANK: Record<RoomRole, number> = { leader: 2, moderator: 1, member: 0 };

/** Kick, ban and mute: the leader over everyone else, a moderator over plain members. */
export function canModerate(actor: RoomRole, target: RoomRole): boolean {
  return actor !== 'member' && RANK[actor] > RANK[target];
}

/** Invite links and friend invites: the leader and moderators. */
export function canInvite(actor: RoomRole): boolean {
  return actor !== 'member';
}

/** Changing what plays: the leader, or anyone when the room lets any member control playback. */
export function canControlPlayback(actor: RoomRole, playbackControl: 'leader' | 'any'): boolean {
  return actor === 'leader' || playbackControl === 'any';
}

/** Who may write in the chat right now; null when they may. */
export function chatRefusal(
  member: { role: RoomRole; isMuted: boolean },
  room: { chatMode: 'all' | 'mods' | 'off' },
): RoomError | null {
  if (room.chatMode === 'off') return roomErrors.chatOff();
  if (member.isMuted) return roomErrors.muted();
  if (room.chatMode === 'mods' && member.role === 'member') return roomErrors.chatModsOnly();
  return null;
}

/**
 * Slow mode and the per-user rate limit from the sender's latest messages (newest first, every room):
 * returns how long they must wait, 0 when they may send now.
 */
export function chatWaitMs(
  latest: { roomId: string; createdAt: Date }[],
  roomId: string,
  now: Date,
  rules: { slowMode: boolean; slowModeMs: number; limit: number; windowMs: number },
): { kind: 'slow' | 'rate'; waitMs: number } | null {
  if (rules.slowMode) {
    const lastHere = latest.find((m) => m.roomId === roomId);
    if (lastHere) {
      const wait = lastHere.createdAt.getTime() + rules.slowModeMs - now.getTime();
      if (wait > 0) return { kind: 'slow', waitMs: wait };
    }
  }
  const oldest = latest[rules.limit - 1];
  if (oldest) {
    const wait = oldest.createdAt.getTime() + rules.windowMs - now.getTime();
    if (wait > 0) return { kind: 'rate', waitMs: wait };
  }
  return null;
}

/**
 * Who leads when the leader goes: the longest-present member (issue 4); null when nobody is left.
 */
export function nextLeader<T extends { userId: string; joinedAt: Date }>(present: T[]): T | null {
  const sorted = [...present].sort(
    (a, b) =>
      a.joinedAt.getTime() - b.joinedAt.getTime() ||
      a.userId.localeCompare(b.userId),
  );
  return sorted[0] ?? null;
}
