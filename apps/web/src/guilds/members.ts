import { GUILD_ROLES, guildMayKick, guildRoleMay, type GuildMember, type GuildRole } from '@wt/schemas';

/** Who is in a guild as its page lists them, and what the viewer may do to each member. */

export const ROLE_LABELS: Record<GuildRole, string> = {
  leader: 'Leader',
  officer: 'Officer',
  member: 'Member',
};

/** The leader first, then officers, then members; longest-standing first within each. */
export function sortMembers<M extends Pick<GuildMember, 'role' | 'joinedAt'>>(members: readonly M[]): M[] {
  return [...members].sort(
    (a, b) =>
      GUILD_ROLES.indexOf(a.role) - GUILD_ROLES.indexOf(b.role) ||
      Date.parse(a.joinedAt) - Date.parse(b.joinedAt),
  );
}

export type MemberAction = 'promote' | 'demote' | 'transfer' | 'kick';

/**
 * The buttons beside a member: the leader promotes members, demotes officers and hands over the
 * guild; kicking follows `guildMayKick`. Nobody acts on themselves. The server checks it all again.
 */
export function memberActionsFor(
  viewer: { id: string; role: GuildRole | null },
  member: Pick<GuildMember, 'id' | 'role'>,
): MemberAction[] {
  if (viewer.id === member.id || viewer.role === null) return [];
  const actions: MemberAction[] = [];
  if (guildRoleMay(viewer.role, 'setRole')) {
    if (member.role === 'member') actions.push('promote');
    if (member.role === 'officer') actions.push('demote');
  }
  if (guildRoleMay(viewer.role, 'transfer') && member.role !== 'leader') actions.push('transfer');
  if (guildMayKick(viewer.role, member.role)) actions.push('kick');
  return actions;
}

/** What a person reads when the guild's channel tells them they are out (`guild:removed`). */
export function removalText(reason: 'left' | 'kicked' | 'disbanded', guildName: string): string {
  switch (reason) {
    case 'left':
      return `You left ${guildName}.`;
    case 'kicked':
      return `You were removed from ${guildName} by its leader or an officer.`;
    case 'disbanded':
      return `${guildName} was disbanded by its leader.`;
  }
}
