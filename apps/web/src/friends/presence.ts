import type { Friend, Presence } from '@wt/schemas';

/**
 * Friends' presence on the page: the first render comes with friends.list, then `presence` events from
 * /global replace one friend's presence at a time.
 */

/** The list with one friend's presence replaced; the same array when that person is not a friend (any more). */
export function applyPresence(friends: readonly Friend[], presence: Presence): readonly Friend[] {
  const index = friends.findIndex((f) => f.person.id === presence.userId);
  if (index < 0) return friends;
  const current = friends[index]!.presence;
  if (current.status === presence.status && current.room?.id === presence.room?.id && current.room?.name === presence.room?.name) {
    return friends;
  }
  const next = [...friends];
  next[index] = { ...friends[index]!, presence };
  return next;
}

/** What the dot's label says: "Online", "Watching Movie night", "Watching a room", "Offline". */
export function presenceLabel(presence: Presence): string {
  if (presence.status === 'online') return 'Online';
  if (presence.status === 'watching') return presence.room ? `Watching ${presence.room.name}` : 'Watching a room';
  return 'Offline';
}

const RANK: Record<Presence['status'], number> = { watching: 0, online: 1, offline: 2 };

/** Watching first, then online, then offline; by name within each (the server's order is by name). */
export function byPresence(friends: readonly Friend[]): Friend[] {
  return [...friends].sort((a, b) => RANK[a.presence.status] - RANK[b.presence.status]);
}

/** How many friends are online or watching. */
export function onlineCount(friends: readonly Friend[]): number {
  return friends.filter((f) => f.presence.status !== 'offline').length;
}
