import type {
  ChatMessage,
  PlaybackSnapshot,
  RoomDetail,
  RoomMember,
  RoomPlaybackWire,
  RoomSnapshot,
} from '@wt/schemas';

/** Builders for the rooms unit tests: readable defaults, overridable per test. */

export const ROOM_ID = '00000000-0000-4000-8000-000000000001';
export const OTHER_ROOM_ID = '00000000-0000-4000-8000-000000000002';

let counter = 0;
/** A valid uuid that sorts by creation order. */
export function uuid(n = ++counter): string {
  return `00000000-0000-4000-9000-${n.toString().padStart(12, '0')}`;
}

export function member(overrides: Partial<RoomMember> & { id: string }): RoomMember {
  return {
    username: `user_${overrides.id.slice(-4)}`,
    displayName: null,
    avatarUrl: null,
    role: 'member',
    isMuted: false,
    joinedAt: '2026-01-01T10:00:00.000Z',
    online: true,
    buffering: false,
    ...overrides,
  };
}

export function message(overrides: Partial<ChatMessage> & { id: string; createdAt: string }): ChatMessage {
  return {
    roomId: ROOM_ID,
    kind: 'user',
    author: { id: uuid(900), username: 'alex', displayName: 'Alex', avatarUrl: null },
    content: 'hello',
    replyTo: null,
    reactions: [],
    ...overrides,
  };
}

/** Message n at 10:00 + n seconds (so ids and times sort alike). */
export function nth(n: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  const createdAt = new Date(Date.UTC(2026, 0, 1, 10, 0, n)).toISOString();
  return message({ id: uuid(1000 + n), createdAt, content: `message ${n}`, ...overrides });
}

export function room(overrides: Partial<RoomDetail> = {}): RoomDetail {
  return {
    id: ROOM_ID,
    name: 'Friday Movie Night',
    visibility: 'public',
    content: {
      platform: 'youtube',
      url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
      mediaId: 'aqz-KE-bpKQ',
    },
    leader: { id: LEADER, username: 'lead', displayName: 'Lead', avatarUrl: null },
    memberCount: 2,
    maxMembers: 10,
    isLocked: false,
    isActive: true,
    guild: null,
    micEnabled: false,
    playbackControl: 'leader',
    chatMode: 'all',
    slowMode: false,
    ...overrides,
  };
}

export const LEADER = uuid(1);
export const ME = uuid(2);
export const THIRD = uuid(3);

export function snapshot(overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    room: room(),
    members: [
      member({
        id: LEADER,
        username: 'lead',
        displayName: 'Lead',
        role: 'leader',
        joinedAt: '2026-01-01T09:00:00.000Z',
      }),
      member({ id: ME, username: 'me' }),
    ],
    messages: [nth(1), nth(2), nth(3)],
    hasMoreMessages: true,
    you: { userId: ME, role: 'member', isMuted: false },
    playback: playback(),
    ...overrides,
  };
}

/** Server time of the fixtures' playback states. */
export const T0 = Date.UTC(2026, 0, 1, 12, 0);

/** A state of the room's playback: the fixture room's video, paused at 0, seq 1. */
export function playbackState(overrides: Partial<RoomPlaybackWire> = {}): RoomPlaybackWire {
  return {
    mediaId: 'youtube:aqz-KE-bpKQ',
    isPlaying: false,
    positionSec: 0,
    rate: 1,
    updatedAtMs: T0,
    seq: 1,
    ...overrides,
  };
}

export function playback(overrides: Partial<PlaybackSnapshot> = {}): PlaybackSnapshot {
  return {
    serverNowMs: T0,
    timeline: [playbackState()],
    waitingForMembers: false,
    positionSec: 0,
    settings: { waitForEveryone: true, maxWaitMs: 6_000 },
    ...overrides,
  };
}
