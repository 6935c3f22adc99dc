import type {
  ChatMessage,
  RoomDetail,
  RoomMember,
  RoomSnapshot,
  RoomsServerToClientEvents,
  SocketError,
} from '@wt/schemas';
import { memberSyncMap, withTransition, type MemberSyncMap } from '@/sync/playback-state';
import { appendMessage, mergeSnapshotMessages, prependHistory } from './chat-messages';
import { removalNotice, type RemovalNotice } from './refusals';

/**
 * The room page's state and the one reducer that applies everything the server says to it: the
 * `room:join` snapshot, every RoomsServerToClientEvents event and chat history pages. Pure (the
 * clock is passed in), so each event is tested without a socket.
 */

type RoomEventName = Exclude<keyof RoomsServerToClientEvents, 'force_logout' | 'auth:expired'>;

/** One server event as data: `{ name: 'chat:message', payload: { roomId, message } }`. */
export type RoomServerEvent = {
  [K in RoomEventName]: { name: K; payload: Parameters<RoomsServerToClientEvents[K]>[0] };
}[RoomEventName];

export const ROOM_EVENT_NAMES = [
  'room:join',
  'room:leave',
  'room:kick',
  'room:mic_toggle',
  'room:member',
  'room:updated',
  'room:closed',
  'chat:message',
  'chat:reaction',
  'chat:unsent',
  'video:buffer',
  'video:state',
  'video:sync_states',
  'video:sync_settings',
] as const satisfies readonly RoomEventName[];

/**
 * The joined room: the `room:join` snapshot kept live, plus what only live events carry (each
 * member's measured drift, from `video:sync_states`).
 */
export type LiveRoom = RoomSnapshot & { memberSync: MemberSyncMap };

export function liveRoom(snapshot: RoomSnapshot, memberSync: MemberSyncMap = {}): LiveRoom {
  return { ...snapshot, memberSync };
}

export type RoomState =
  | { phase: 'joining'; roomId: string; previous: LiveRoom | null }
  | { phase: 'in'; roomId: string; snapshot: LiveRoom }
  | { phase: 'refused'; roomId: string; error: SocketError }
  | { phase: 'removed'; roomId: string; notice: RemovalNotice }
  | { phase: 'closed'; roomId: string; message: string };

export type RoomAction =
  | { type: 'join-started' }
  | { type: 'joined'; snapshot: RoomSnapshot }
  | { type: 'join-refused'; error: SocketError }
  | { type: 'history'; messages: ChatMessage[]; hasMore: boolean }
  | { type: 'server'; event: RoomServerEvent; now: Date }
  | { type: 'reaction-toggled'; messageId: string; emoji: string; mine: boolean };

export function initialRoomState(roomId: string): RoomState {
  return { phase: 'joining', roomId, previous: null };
}

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'join-started':
      // Keep drawing the room we had while re-joining after a reconnect.
      if (state.phase === 'in') return { phase: 'joining', roomId: state.roomId, previous: state.snapshot };
      if (state.phase === 'joining') return state;
      return { phase: 'joining', roomId: state.roomId, previous: null };
    case 'joined': {
      const previous =
        state.phase === 'in' ? state.snapshot : state.phase === 'joining' ? state.previous : null;
      const snapshot = previous
        ? liveRoom(withSnapshotMessages(action.snapshot, previous), previous.memberSync)
        : liveRoom(action.snapshot);
      return { phase: 'in', roomId: state.roomId, snapshot };
    }
    case 'join-refused':
      return { phase: 'refused', roomId: state.roomId, error: action.error };
    case 'history': {
      if (state.phase !== 'in') return state;
      const page = prependHistory(
        { messages: state.snapshot.messages, hasMore: state.snapshot.hasMoreMessages },
        { messages: action.messages, hasMore: action.hasMore },
      );
      return inRoom(state, { ...state.snapshot, messages: page.messages, hasMoreMessages: page.hasMore });
    }
    case 'reaction-toggled':
      if (state.phase !== 'in') return state;
      return inRoom(state, {
        ...state.snapshot,
        messages: state.snapshot.messages.map((m) =>
          m.id === action.messageId
            ? { ...m, reactions: toggleMine(m.reactions, action.emoji, action.mine) }
            : m,
        ),
      });
    case 'server':
      return applyServerEvent(state, action.event, action.now);
  }
}

function inRoom(state: Extract<RoomState, { phase: 'in' }>, snapshot: LiveRoom): RoomState {
  return { ...state, snapshot };
}

function withSnapshotMessages(fresh: RoomSnapshot, previous: LiveRoom): RoomSnapshot {
  if (fresh.room.id !== previous.room.id) return fresh;
  const page = mergeSnapshotMessages(
    { messages: previous.messages, hasMore: previous.hasMoreMessages },
    { messages: fresh.messages, hasMore: fresh.hasMoreMessages },
  );
  return {
    ...fresh,
    messages: page.messages,
    hasMoreMessages: page.hasMore,
    playback: withNewerStates(fresh.playback, previous.playback),
  };
}

/** States announced while the join was answered are newer than its snapshot: keep them. */
function withNewerStates(
  fresh: RoomSnapshot['playback'],
  held: RoomSnapshot['playback'],
): RoomSnapshot['playback'] {
  const newest = Math.max(-1, ...fresh.timeline.map((s) => s.seq));
  const newer = held.timeline.filter((s) => s.seq > newest);
  return newer.length === 0 ? fresh : { ...fresh, timeline: [...fresh.timeline, ...newer] };
}

function applyServerEvent(state: RoomState, event: RoomServerEvent, now: Date): RoomState {
  if (event.payload.roomId !== state.roomId) return state;
  // A removal or closure reaches us even while we are re-joining.
  if (event.name === 'room:closed')
    return { phase: 'closed', roomId: state.roomId, message: event.payload.message };
  const snapshot = state.phase === 'in' ? state.snapshot : state.phase === 'joining' ? state.previous : null;
  if (!snapshot) return state;
  if (event.name === 'room:kick' && event.payload.userId === snapshot.you.userId) {
    return { phase: 'removed', roomId: state.roomId, notice: removalNotice(event.payload, now) };
  }
  const next = applyToSnapshot(snapshot, event);
  if (next === snapshot) return state;
  return state.phase === 'in'
    ? { ...state, snapshot: next }
    : { phase: 'joining', roomId: state.roomId, previous: next };
}

/** A server event applied to a snapshot the person is in (the same object back when nothing changed). */
export function applyToSnapshot(snapshot: LiveRoom, event: RoomServerEvent): LiveRoom {
  switch (event.name) {
    case 'room:join':
    case 'room:member':
      return withMembers(snapshot, upsertMember(snapshot.members, event.payload.member));
    case 'room:leave':
    case 'room:kick':
      return withMembers(
        snapshot,
        snapshot.members.filter((m) => m.id !== event.payload.userId),
      );
    case 'room:mic_toggle':
      return { ...snapshot, room: { ...snapshot.room, micEnabled: event.payload.enabled } };
    case 'room:updated':
      return { ...snapshot, room: withLiveCount(event.payload.room, snapshot.members) };
    case 'chat:message':
      return { ...snapshot, messages: appendMessage(snapshot.messages, event.payload.message) };
    case 'chat:unsent':
      return { ...snapshot, messages: snapshot.messages.filter((m) => m.id !== event.payload.messageId) };
    case 'chat:reaction':
      return {
        ...snapshot,
        messages: snapshot.messages.map((m) =>
          m.id === event.payload.messageId
            ? {
                ...m,
                // Our own reaction (perhaps from another tab): its `mine` flags are ours.
                reactions:
                  event.payload.userId === snapshot.you.userId
                    ? event.payload.reactions.filter((r) => r.count > 0)
                    : mergeReactions(m.reactions, event.payload.reactions),
              }
            : m,
        ),
      };
    case 'video:buffer': {
      const member = snapshot.members.find((m) => m.id === event.payload.userId);
      if (!member || member.buffering === event.payload.buffering) return snapshot;
      return withMembers(
        snapshot,
        upsertMember(snapshot.members, { ...member, buffering: event.payload.buffering }),
      );
    }
    case 'video:state': {
      const playback = withTransition(snapshot.playback, event.payload.transition, event.payload.waitingForMembers);
      return playback === snapshot.playback ? snapshot : { ...snapshot, playback };
    }
    case 'video:sync_settings':
      return { ...snapshot, playback: { ...snapshot.playback, settings: event.payload.settings } };
    case 'video:sync_states':
      return { ...snapshot, memberSync: memberSyncMap(event.payload.states) };
    case 'room:closed':
      return snapshot;
  }
}

function upsertMember(members: readonly RoomMember[], member: RoomMember): RoomMember[] {
  const index = members.findIndex((m) => m.id === member.id);
  if (index === -1) return [...members, member];
  const next = [...members];
  next[index] = member;
  return next;
}

/** New members list; the leader, the live count and `you` follow it. */
function withMembers(snapshot: LiveRoom, members: RoomMember[]): LiveRoom {
  const me = members.find((m) => m.id === snapshot.you.userId);
  const leader = members.find((m) => m.role === 'leader');
  const room: RoomDetail = {
    ...snapshot.room,
    memberCount: members.length,
    leader: leader
      ? {
          id: leader.id,
          username: leader.username,
          displayName: leader.displayName,
          avatarUrl: leader.avatarUrl,
        }
      : snapshot.room.leader,
  };
  return {
    ...snapshot,
    room,
    members,
    you: me ? { userId: me.id, role: me.role, isMuted: me.isMuted } : snapshot.you,
  };
}

/** A room update carries the server's count; between updates the roster is the live truth. */
function withLiveCount(room: RoomDetail, members: readonly RoomMember[]): RoomDetail {
  return members.length > 0 ? { ...room, memberCount: members.length } : room;
}

type Reactions = ChatMessage['reactions'];

/**
 * `chat:reaction` goes to the whole room with the counts; whether a reaction is "mine" is only known
 * for the person who reacted, so our own flags are kept from what we held (and set on our ack).
 */
export function mergeReactions(held: Reactions, incoming: Reactions): Reactions {
  const mine = new Map(held.map((r) => [r.emoji, r.mine]));
  return incoming
    .filter((r) => r.count > 0)
    .map((r) => ({ emoji: r.emoji, count: r.count, mine: mine.get(r.emoji) ?? false }));
}

/** Our own reaction flag after the server accepted a toggle (counts come with `chat:reaction`). */
function toggleMine(reactions: Reactions, emoji: string, mine: boolean): Reactions {
  const found = reactions.some((r) => r.emoji === emoji);
  if (!found) return mine ? [...reactions, { emoji, count: 1, mine: true }] : reactions;
  return reactions.map((r) => (r.emoji === emoji ? { ...r, mine } : r));
}

/** Leader first, then moderators, then everyone else in the order they arrived. */
export function sortRoster(members: readonly RoomMember[]): RoomMember[] {
  const rank = { leader: 0, moderator: 1, member: 2 } as const;
  return [...members].sort(
    (a, b) =>
      rank[a.role] - rank[b.role] ||
      Date.parse(a.joinedAt) - Date.parse(b.joinedAt) ||
      (a.id < b.id ? -1 : 1),
  );
}
