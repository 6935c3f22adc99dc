import type { RoomMember } from '@wt/schemas';
import { personName } from './people';

/** How the roster describes each member: short tags beside the name and one sentence for screen readers. */

export type MemberTagKind = 'leader' | 'moderator' | 'you' | 'muted' | 'buffering' | 'offline';

export interface MemberTag {
  kind: MemberTagKind;
  label: string;
}

const LABELS: Record<MemberTagKind, string> = {
  leader: 'Leader',
  moderator: 'Moderator',
  you: 'You',
  muted: 'Muted',
  buffering: 'Buffering',
  offline: 'Offline',
};

export function memberTags(member: RoomMember, youId: string): MemberTag[] {
  const kinds: MemberTagKind[] = [];
  if (member.role === 'leader') kinds.push('leader');
  if (member.role === 'moderator') kinds.push('moderator');
  if (member.id === youId) kinds.push('you');
  if (member.isMuted) kinds.push('muted');
  if (!member.online) kinds.push('offline');
  else if (member.buffering) kinds.push('buffering');
  return kinds.map((kind) => ({ kind, label: LABELS[kind] }));
}

/** "Sam (Leader, Muted)": the member as one line of text. */
export function memberSummary(member: RoomMember, youId: string): string {
  const tags = memberTags(member, youId).map((t) => t.label);
  return tags.length > 0 ? `${personName(member)} (${tags.join(', ')})` : personName(member);
}

/** "3 here" or "3 here, 1 away": online members first, the rest are between reconnects. */
export function presenceLabel(members: readonly RoomMember[]): string {
  const online = members.filter((m) => m.online).length;
  const away = members.length - online;
  return away > 0 ? `${online} here, ${away} away` : `${online} here`;
}
