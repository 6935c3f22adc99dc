import { guildMayKick, guildRoleMay, LIMITS, type GuildAction, type GuildRole } from '@wt/schemas';
import type { GuildError } from './errors';
import { guildErrors } from './errors';

/**
 * The guild rules as pure decisions (issue 8): what the service checks after it read and locked the
 * facts. Each returns the refusal to throw, or null when the action may go ahead.
 */

/** Who may do each action, as the sentence of a refusal ("Only the leader can disband the guild."). */
const WHO: Record<GuildAction, string> = {
  chat: 'members can chat in the guild',
  viewRooms: 'members can see the guild’s rooms',
  invite: 'the leader and officers can invite people',
  reviewRequests: 'the leader and officers can answer join requests',
  kick: 'the leader and officers can remove members',
  manageRooms: 'the leader and officers can manage guild rooms',
  createEvent: 'the leader and officers can post guild challenges',
  setRole: 'the leader can promote and demote officers',
  transfer: 'the leader can hand over the guild',
  edit: 'the leader can edit the guild',
  disband: 'the leader can disband the guild',
};

export function requireRole(role: GuildRole | null, action: GuildAction): GuildError | null {
  if (role === null) return guildErrors.notMember();
  return guildRoleMay(role, action) ? null : guildErrors.forbidden(WHO[action]);
}

export interface JoinFacts {
  isPublic: boolean;
  memberCount: number;
  maxMembers: number;
  /** The person's current guild, if any. */
  currentGuildId: string | null;
  invited: boolean;
  /** Their last membership of this guild ended with a kick. */
  wasKicked: boolean;
}

/** Joining directly (public) or through an invite (any guild); full and second guilds are refused. */
export function joinRefusal(guildId: string, f: JoinFacts): GuildError | null {
  if (f.currentGuildId === guildId) return guildErrors.validation('You are already a member of this guild.');
  if (f.currentGuildId !== null) return guildErrors.alreadyInGuild();
  if (!f.isPublic && !f.invited) return guildErrors.private();
  // A kick is not undone by walking back in: an invite (or an approved request) is.
  if (f.wasKicked && !f.invited) return guildErrors.kicked();
  if (f.memberCount >= Math.min(f.maxMembers, LIMITS.guildMembersMax)) return guildErrors.full();
  return null;
}

export function kickRefusal(actorId: string, actor: GuildRole | null, targetId: string, target: GuildRole | null): GuildError | null {
  const refusal = requireRole(actor, 'kick');
  if (refusal) return refusal;
  if (actorId === targetId) return guildErrors.cannotKickSelf();
  if (target === null) return guildErrors.targetNotMember();
  if (guildMayKick(actor, target)) return null;
  return target === 'leader' ? guildErrors.cannotKickLeader() : guildErrors.cannotKickOfficer();
}

export function setRoleRefusal(actorId: string, actor: GuildRole | null, targetId: string, target: GuildRole | null): GuildError | null {
  const refusal = requireRole(actor, 'setRole');
  if (refusal) return refusal;
  if (actorId === targetId) return guildErrors.self('change the role of');
  if (target === null) return guildErrors.targetNotMember();
  return null;
}

export function transferRefusal(actorId: string, actor: GuildRole | null, targetId: string, target: GuildRole | null): GuildError | null {
  const refusal = requireRole(actor, 'transfer');
  if (refusal) return refusal;
  if (actorId === targetId) return guildErrors.self('hand the guild to');
  if (target === null) return guildErrors.targetNotMember();
  return null;
}

export function leaveRefusal(role: GuildRole | null): GuildError | null {
  if (role === null) return guildErrors.notMember();
  return role === 'leader' ? guildErrors.leaderMustTransfer() : null;
}

/** The name typed to confirm a disband matches (case and surrounding spaces aside). */
export function disbandConfirmed(name: string, typed: string): boolean {
  return name.trim().toLowerCase() === typed.trim().toLowerCase();
}

export type GuildEventStatus = 'upcoming' | 'running' | 'ended';

export function guildEventStatus(startsAt: Date, endsAt: Date, now: Date): GuildEventStatus {
  if (now.getTime() < startsAt.getTime()) return 'upcoming';
  return now.getTime() < endsAt.getTime() ? 'running' : 'ended';
}

/** Hours rounded to hundredths for display (the stored figures are seconds). */
export function hoursOf(seconds: number): number {
  return Math.round((seconds / 3600) * 100) / 100;
}
