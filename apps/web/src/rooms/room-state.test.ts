import type { RoomSnapshot } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import {
  initialRoomState,
  mergeReactions,
  roomReducer,
  sortRoster,
  type RoomServerEvent,
  type RoomState,
} from './room-state';
import {
  LEADER,
  ME,
  member,
  nth,
  OTHER_ROOM_ID,
  playback,
  playbackState,
  room,
  ROOM_ID,
  snapshot,
  T0,
  THIRD,
} from './test-fixtures';

const NOW = new Date(2026, 0, 1, 12, 0);

function joined(snap: RoomSnapshot = snapshot()): RoomState {
  return roomReducer(initialRoomState(ROOM_ID), { type: 'joined', snapshot: snap });
}

function apply(state: RoomState, event: RoomServerEvent): RoomState {
  return roomReducer(state, { type: 'server', event, now: NOW });
}

function snap(state: RoomState): RoomSnapshot {
  if (state.phase !== 'in') throw new Error(`expected to be in the room, was ${state.phase}`);
  return state.snapshot;
}

describe('joining', () => {
  it('starts joining, then holds the snapshot', () => {
    expect(initialRoomState(ROOM_ID)).toEqual({ phase: 'joining', roomId: ROOM_ID, previous: null });
    expect(snap(joined()).room.name).toBe('Friday Movie Night');
  });

  it('shows a refusal', () => {
    const state = roomReducer(initialRoomState(ROOM_ID), {
      type: 'join-refused',
      error: { code: 'ROOM_FULL', message: 'This room is full.' },
    });
    expect(state).toEqual({
      phase: 'refused',
      roomId: ROOM_ID,
      error: { code: 'ROOM_FULL', message: 'This room is full.' },
    });
  });

  it('keeps drawing the room while re-joining after a reconnect, then takes the fresh snapshot', () => {
    const before = joined(snapshot({ messages: [nth(1), nth(2), nth(3)], hasMoreMessages: false }));
    const rejoining = roomReducer(before, { type: 'join-started' });
    expect(rejoining.phase).toBe('joining');
    expect(rejoining.phase === 'joining' && rejoining.previous?.room.id).toBe(ROOM_ID);

    const fresh = snapshot({
      messages: [nth(3), nth(4)],
      hasMoreMessages: true,
      room: room({ name: 'Renamed' }),
    });
    const after = snap(roomReducer(rejoining, { type: 'joined', snapshot: fresh }));
    expect(after.room.name).toBe('Renamed');
    expect(after.messages.map((m) => m.content)).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
    ]);
    expect(after.hasMoreMessages).toBe(false);
  });
});

describe('server events', () => {
  it('ignores events of another room', () => {
    const state = joined();
    expect(apply(state, { name: 'room:leave', payload: { roomId: OTHER_ROOM_ID, userId: LEADER } })).toBe(
      state,
    );
  });

  it('room:join adds a member and the live count follows', () => {
    const s = snap(
      apply(joined(), { name: 'room:join', payload: { roomId: ROOM_ID, member: member({ id: THIRD }) } }),
    );
    expect(s.members.map((m) => m.id)).toEqual([LEADER, ME, THIRD]);
    expect(s.room.memberCount).toBe(3);
  });

  it('room:join for someone already listed (a reconnect) updates instead of duplicating', () => {
    const s = snap(
      apply(joined(), {
        name: 'room:join',
        payload: { roomId: ROOM_ID, member: member({ id: ME, online: false }) },
      }),
    );
    expect(s.members).toHaveLength(2);
    expect(s.members.find((m) => m.id === ME)?.online).toBe(false);
  });

  it('room:leave removes the member', () => {
    const s = snap(apply(joined(), { name: 'room:leave', payload: { roomId: ROOM_ID, userId: LEADER } }));
    expect(s.members.map((m) => m.id)).toEqual([ME]);
    expect(s.room.memberCount).toBe(1);
  });

  it('room:kick of someone else removes them', () => {
    const withThird = apply(joined(), {
      name: 'room:join',
      payload: { roomId: ROOM_ID, member: member({ id: THIRD }) },
    });
    const s = snap(
      apply(withThird, {
        name: 'room:kick',
        payload: { roomId: ROOM_ID, userId: THIRD, bannedUntil: null, reason: null, message: 'Removed.' },
      }),
    );
    expect(s.members.map((m) => m.id)).toEqual([LEADER, ME]);
  });

  it('room:kick of me ends the room for me, saying why', () => {
    const state = apply(joined(), {
      name: 'room:kick',
      payload: {
        roomId: ROOM_ID,
        userId: ME,
        bannedUntil: new Date(2026, 0, 1, 13, 0).toISOString(),
        reason: null,
        message: 'Lead removed you from the room and banned you until 13:00 UTC.',
      },
    });
    expect(state.phase).toBe('removed');
    expect(state.phase === 'removed' && state.notice.canRejoin).toBe(false);
    expect(state.phase === 'removed' && state.notice.message).toBe(
      'Lead removed you from the room and banned you until 13:00 UTC.',
    );
    expect(state.phase === 'removed' && state.notice.next).toMatch(/^You can come back after /);
  });

  it('room:kick of me lands even while re-joining', () => {
    const rejoining = roomReducer(joined(), { type: 'join-started' });
    const state = apply(rejoining, {
      name: 'room:kick',
      payload: { roomId: ROOM_ID, userId: ME, bannedUntil: null, reason: null, message: 'Removed.' },
    });
    expect(state.phase).toBe('removed');
  });

  it('room:member updates role and mute, and `you` follows my own entry', () => {
    const s = snap(
      apply(joined(), {
        name: 'room:member',
        payload: {
          roomId: ROOM_ID,
          member: member({ id: ME, username: 'me', role: 'moderator', isMuted: true }),
        },
      }),
    );
    expect(s.you).toEqual({ userId: ME, role: 'moderator', isMuted: true });
  });

  it('a leadership transfer (two room:member events) moves the leader', () => {
    let state = apply(joined(), {
      name: 'room:member',
      payload: { roomId: ROOM_ID, member: member({ id: LEADER, role: 'member' }) },
    });
    state = apply(state, {
      name: 'room:member',
      payload: { roomId: ROOM_ID, member: member({ id: ME, username: 'me', role: 'leader' }) },
    });
    const s = snap(state);
    expect(s.room.leader.id).toBe(ME);
    expect(s.you.role).toBe('leader');
  });

  it('room:mic_toggle and room:updated change the room', () => {
    let state = apply(joined(), { name: 'room:mic_toggle', payload: { roomId: ROOM_ID, enabled: true } });
    expect(snap(state).room.micEnabled).toBe(true);
    state = apply(state, {
      name: 'room:updated',
      payload: {
        roomId: ROOM_ID,
        room: room({ isLocked: true, slowMode: true, chatMode: 'mods', memberCount: 7 }),
      },
    });
    const s = snap(state);
    expect(s.room).toMatchObject({ isLocked: true, slowMode: true, chatMode: 'mods' });
    // The roster (2 here) is the live count between updates.
    expect(s.room.memberCount).toBe(2);
  });

  it('chat:message appends once', () => {
    let state = apply(joined(), { name: 'chat:message', payload: { roomId: ROOM_ID, message: nth(4) } });
    state = apply(state, { name: 'chat:message', payload: { roomId: ROOM_ID, message: nth(4) } });
    expect(snap(state).messages.map((m) => m.content)).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
    ]);
  });

  it('chat:unsent drops the message the room heard but the server could not store', () => {
    const heard = apply(joined(), { name: 'chat:message', payload: { roomId: ROOM_ID, message: nth(4) } });
    const state = apply(heard, { name: 'chat:unsent', payload: { roomId: ROOM_ID, messageId: nth(4).id } });
    expect(snap(state).messages.map((m) => m.content)).toEqual(['message 1', 'message 2', 'message 3']);
  });

  it('video:buffer flags the member', () => {
    const s = snap(
      apply(joined(), {
        name: 'video:buffer',
        payload: { roomId: ROOM_ID, userId: LEADER, buffering: true },
      }),
    );
    expect(s.members.find((m) => m.id === LEADER)?.buffering).toBe(true);
  });

  it('room:closed closes the room with the server sentence', () => {
    expect(
      apply(joined(), { name: 'room:closed', payload: { roomId: ROOM_ID, message: 'The room was closed.' } }),
    ).toEqual({
      phase: 'closed',
      roomId: ROOM_ID,
      message: 'The room was closed.',
    });
  });
});

describe('chat paging and reactions', () => {
  it('history pages go in front', () => {
    const state = roomReducer(joined(snapshot({ messages: [nth(3)], hasMoreMessages: true })), {
      type: 'history',
      messages: [nth(1), nth(2)],
      hasMore: false,
    });
    expect(snap(state).messages.map((m) => m.content)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(snap(state).hasMoreMessages).toBe(false);
  });

  it('chat:reaction takes the counts and keeps whether a reaction is mine', () => {
    const mineFire = nth(3, { reactions: [{ emoji: '🔥', count: 1, mine: true }] });
    const state = apply(joined(snapshot({ messages: [mineFire] })), {
      name: 'chat:reaction',
      payload: {
        roomId: ROOM_ID,
        messageId: mineFire.id,
        userId: THIRD,
        reactions: [
          { emoji: '🔥', count: 2, mine: false },
          { emoji: '😂', count: 1, mine: true },
        ],
      },
    });
    expect(snap(state).messages[0]?.reactions).toEqual([
      { emoji: '🔥', count: 2, mine: true },
      { emoji: '😂', count: 1, mine: false },
    ]);
  });

  it('chat:reaction by ourselves (another tab) takes our flags as they come', () => {
    const mineFire = nth(3, { reactions: [{ emoji: '🔥', count: 1, mine: true }] });
    const state = apply(joined(snapshot({ messages: [mineFire] })), {
      name: 'chat:reaction',
      payload: {
        roomId: ROOM_ID,
        messageId: mineFire.id,
        userId: ME,
        reactions: [
          { emoji: '🔥', count: 0, mine: false },
          { emoji: '😂', count: 1, mine: true },
        ],
      },
    });
    expect(snap(state).messages[0]?.reactions).toEqual([{ emoji: '😂', count: 1, mine: true }]);
  });

  it('our own accepted toggle flips the flag', () => {
    const m = nth(3, { reactions: [{ emoji: '🔥', count: 2, mine: false }] });
    let state = roomReducer(joined(snapshot({ messages: [m] })), {
      type: 'reaction-toggled',
      messageId: m.id,
      emoji: '🔥',
      mine: true,
    });
    expect(snap(state).messages[0]?.reactions).toEqual([{ emoji: '🔥', count: 2, mine: true }]);
    state = roomReducer(state, { type: 'reaction-toggled', messageId: m.id, emoji: '👍', mine: true });
    expect(snap(state).messages[0]?.reactions).toContainEqual({ emoji: '👍', count: 1, mine: true });
  });

  it('mergeReactions drops emptied reactions', () => {
    expect(
      mergeReactions([{ emoji: '🔥', count: 1, mine: true }], [{ emoji: '🔥', count: 0, mine: false }]),
    ).toEqual([]);
  });
});

describe('playback', () => {
  const paused = playbackState({ seq: 4, positionSec: 30 });
  const playing = { ...paused, seq: 5, isPlaying: true, updatedAtMs: T0 + 500 };

  it('video:state adds the scheduled state after the one in force', () => {
    const s = snap(
      apply(joined(snapshot({ playback: playback({ timeline: [paused] }) })), {
        name: 'video:state',
        payload: {
          roomId: ROOM_ID,
          transition: { cause: 'command', previous: paused, playback: playing, executeAtMs: T0 + 500 },
          serverNowMs: T0,
        },
      }),
    );
    expect(s.playback.timeline).toEqual([paused, playing]);
  });

  it('a buffering pause shows the room waiting, a resume ends it', () => {
    const waiting = snap(
      apply(joined(snapshot({ playback: playback({ timeline: [playing] }) })), {
        name: 'video:state',
        payload: {
          roomId: ROOM_ID,
          transition: {
            cause: 'buffering',
            previous: playing,
            playback: { ...playing, seq: 6, isPlaying: false },
            executeAtMs: T0 + 900,
          },
          serverNowMs: T0,
        },
      }),
    );
    expect(waiting.playback.waitingForMembers).toBe(true);
    const resumed = snap(
      apply(joined(waiting), {
        name: 'video:state',
        payload: {
          roomId: ROOM_ID,
          transition: {
            cause: 'wait-timeout',
            previous: { ...playing, seq: 6, isPlaying: false },
            playback: { ...playing, seq: 7 },
            executeAtMs: T0 + 7_000,
          },
          serverNowMs: T0,
        },
      }),
    );
    expect(resumed.playback.waitingForMembers).toBe(false);
  });

  it('video:sync_settings and video:sync_states update the settings and the drift per member', () => {
    let state = apply(joined(), {
      name: 'video:sync_settings',
      payload: { roomId: ROOM_ID, settings: { waitForEveryone: false, maxWaitMs: 3_000 } },
    });
    state = apply(state, {
      name: 'video:sync_states',
      payload: {
        roomId: ROOM_ID,
        states: [
          { userId: LEADER, driftMs: 12 },
          { userId: ME, driftMs: null },
        ],
      },
    });
    expect(snap(state).playback.settings).toEqual({ waitForEveryone: false, maxWaitMs: 3_000 });
    expect(state.phase === 'in' && state.snapshot.memberSync).toEqual({ [LEADER]: 12, [ME]: null });
  });

  it('a re-join keeps states announced while it was answered, and the drift we held', () => {
    let state = apply(joined(snapshot({ playback: playback({ timeline: [paused] }) })), {
      name: 'video:sync_states',
      payload: { roomId: ROOM_ID, states: [{ userId: LEADER, driftMs: 40 }] },
    });
    state = roomReducer(state, { type: 'join-started' });
    state = apply(state, {
      name: 'video:state',
      payload: {
        roomId: ROOM_ID,
        transition: { cause: 'command', previous: paused, playback: playing, executeAtMs: T0 + 500 },
        serverNowMs: T0,
      },
    });
    const after = roomReducer(state, {
      type: 'joined',
      snapshot: snapshot({ playback: playback({ timeline: [paused] }) }),
    });
    expect(snap(after).playback.timeline.map((p) => p.seq)).toEqual([4, 5]);
    expect(after.phase === 'in' && after.snapshot.memberSync).toEqual({ [LEADER]: 40 });
  });
});

describe('sortRoster', () => {
  it('puts the leader first, then moderators, then members by arrival', () => {
    const list = sortRoster([
      member({ id: 'c', joinedAt: '2026-01-01T10:02:00Z' }),
      member({ id: 'b', role: 'moderator', joinedAt: '2026-01-01T10:05:00Z' }),
      member({ id: 'a', joinedAt: '2026-01-01T10:01:00Z' }),
      member({ id: 'l', role: 'leader', joinedAt: '2026-01-01T10:09:00Z' }),
    ]);
    expect(list.map((m) => m.id)).toEqual(['l', 'b', 'a', 'c']);
  });
});
