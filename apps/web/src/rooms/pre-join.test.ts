import type { RoomPage } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { canReopen, preJoin } from './pre-join';
import { LEADER, ME, room } from './test-fixtures';

function page(access: RoomPage['access']): RoomPage {
  const { micEnabled: _m, playbackControl: _p, chatMode: _c, slowMode: _s, ...summary } = room();
  return { room: summary, access };
}

describe('preJoin', () => {
  it('joins when the API says so', () => {
    expect(preJoin(page({ canJoin: true, code: null, message: null }), ME)).toEqual({ kind: 'join' });
  });

  it('shows the refusal with its title and the API sentence', () => {
    const view = preJoin(
      page({ canJoin: false, code: 'BANNED', message: 'You were banned from this room until 14:05 UTC.' }),
      ME,
    );
    expect(view).toEqual({
      kind: 'refused',
      refusal: {
        title: 'You were banned from this room',
        message: 'You were banned from this room until 14:05 UTC.',
        canRetry: false,
      },
      canReopen: false,
    });
  });

  it('offers the leader to reopen a closed room', () => {
    const access = {
      canJoin: false,
      code: 'ROOM_INACTIVE' as const,
      message: 'This room is closed. Its leader can reopen it.',
    };
    expect(preJoin(page(access), LEADER)).toMatchObject({ kind: 'refused', canReopen: true });
    expect(preJoin(page(access), ME)).toMatchObject({ kind: 'refused', canReopen: false });
  });
});

describe('canReopen', () => {
  it('is only for a closed room and its leader', () => {
    expect(canReopen({ code: 'ROOM_INACTIVE' }, LEADER, LEADER)).toBe(true);
    expect(canReopen({ code: 'ROOM_FULL' }, LEADER, LEADER)).toBe(false);
    expect(canReopen({ code: 'ROOM_INACTIVE' }, null, LEADER)).toBe(false);
  });
});
