import type { Presence } from '@wt/schemas';
import type { Connections } from './store';

/**
 * What one person sees of another's presence: pure, so the visibility rules are tested on their own
 * (rules.test.ts). The caller only asks for viewers who are the subject's friends and not blocked.
 */

export interface ViewFacts {
  /** The subject's privacy.presence is 'nobody': offline to everyone. */
  hidden: boolean;
  /** Names of the subject's rooms this viewer may see (public, a friend's friends room, one they are in...). */
  visibleRooms: ReadonlyMap<string, string>;
}

export function presenceAsSeen(subjectId: string, connections: Connections, facts: ViewFacts): Presence {
  if (facts.hidden || !connections.online) return { userId: subjectId, status: 'offline', room: null };
  if (connections.roomIds.length === 0) return { userId: subjectId, status: 'online', room: null };
  // Several tabs in several rooms: the first one the viewer may see; none, and the room stays unnamed.
  const shown = connections.roomIds.find((id) => facts.visibleRooms.has(id));
  return {
    userId: subjectId,
    status: 'watching',
    room: shown ? { id: shown, name: facts.visibleRooms.get(shown)! } : null,
  };
}

/** The value compared between announcements: a change of it is what friends hear about. */
export function connectionsKey(c: Connections): string {
  return c.online ? `on:${c.roomIds.join(',')}` : 'off';
}
