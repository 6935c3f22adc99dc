import { describe, expect, it } from 'vitest';
import { connectionsKey, presenceAsSeen } from './rules';

const ROOM_A = '00000000-0000-4000-8000-00000000000a';
const ROOM_B = '00000000-0000-4000-8000-00000000000b';
const USER = '00000000-0000-4000-8000-000000000001';

describe('presenceAsSeen', () => {
  const none = new Map<string, string>();

  it('is offline without a connection', () => {
    expect(presenceAsSeen(USER, { online: false, roomIds: [] }, { hidden: false, visibleRooms: none })).toEqual({
      userId: USER,
      status: 'offline',
      room: null,
    });
  });

  it('is offline to everyone when the subject hides their presence, even while watching', () => {
    const seen = presenceAsSeen(USER, { online: true, roomIds: [ROOM_A] }, { hidden: true, visibleRooms: new Map([[ROOM_A, 'A']]) });
    expect(seen).toEqual({ userId: USER, status: 'offline', room: null });
  });

  it('is online when connected outside any room', () => {
    expect(presenceAsSeen(USER, { online: true, roomIds: [] }, { hidden: false, visibleRooms: none }).status).toBe('online');
  });

  it('names the room only when the viewer may see it', () => {
    const watching = { online: true, roomIds: [ROOM_A] };
    expect(presenceAsSeen(USER, watching, { hidden: false, visibleRooms: new Map([[ROOM_A, 'Movie night']]) })).toEqual({
      userId: USER,
      status: 'watching',
      room: { id: ROOM_A, name: 'Movie night' },
    });
    expect(presenceAsSeen(USER, watching, { hidden: false, visibleRooms: none })).toEqual({
      userId: USER,
      status: 'watching',
      room: null,
    });
  });

  it('with rooms in several tabs, names the first one the viewer may see', () => {
    const seen = presenceAsSeen(USER, { online: true, roomIds: [ROOM_A, ROOM_B] }, { hidden: false, visibleRooms: new Map([[ROOM_B, 'B']]) });
    expect(seen.room).toEqual({ id: ROOM_B, name: 'B' });
  });
});

describe('connectionsKey', () => {
  it('changes with the rooms and the connection, not with anything else', () => {
    expect(connectionsKey({ online: false, roomIds: [] })).toBe('off');
    expect(connectionsKey({ online: true, roomIds: [] })).toBe('on:');
    expect(connectionsKey({ online: true, roomIds: [ROOM_A, ROOM_B] })).not.toBe(connectionsKey({ online: true, roomIds: [ROOM_A] }));
  });
});
