import type { Friend, Presence } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { applyPresence, byPresence, onlineCount, presenceLabel } from './presence';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function friend(n: number, presence: Partial<Presence> = {}): Friend {
  return {
    person: { id: ID(n), username: `user${n}`, displayName: null, avatarUrl: null },
    since: '2026-01-01T00:00:00.000Z',
    presence: { userId: ID(n), status: 'offline', room: null, ...presence },
  };
}

describe('applyPresence', () => {
  it("replaces that friend's presence only", () => {
    const list = [friend(1), friend(2)];
    const next = applyPresence(list, { userId: ID(2), status: 'online', room: null });
    expect(next.map((f) => f.presence.status)).toEqual(['offline', 'online']);
    expect(next[0]).toBe(list[0]);
  });

  it('ignores someone who is not in the list, and a presence that changes nothing', () => {
    const list = [friend(1, { status: 'online' })];
    expect(applyPresence(list, { userId: ID(9), status: 'online', room: null })).toBe(list);
    expect(applyPresence(list, { userId: ID(1), status: 'online', room: null })).toBe(list);
  });

  it('picks up a change of room while watching', () => {
    const list = [friend(1, { status: 'watching', room: { id: ID(7), name: 'A' } })];
    const next = applyPresence(list, { userId: ID(1), status: 'watching', room: { id: ID(8), name: 'B' } });
    expect(next[0]!.presence.room?.name).toBe('B');
  });
});

describe('presenceLabel', () => {
  it.each<[Presence['status'], Presence['room'], string]>([
    ['offline', null, 'Offline'],
    ['online', null, 'Online'],
    ['watching', { id: ID(7), name: 'Movie night' }, 'Watching Movie night'],
    ['watching', null, 'Watching a room'],
  ])('%s %o reads "%s"', (status, room, label) => {
    expect(presenceLabel({ userId: ID(1), status, room })).toBe(label);
  });
});

describe('byPresence and onlineCount', () => {
  it('puts watching, then online, then offline friends first, keeping the name order within each', () => {
    const list = [friend(1), friend(2, { status: 'online' }), friend(3, { status: 'watching' }), friend(4, { status: 'online' })];
    expect(byPresence(list).map((f) => f.person.id)).toEqual([ID(3), ID(2), ID(4), ID(1)]);
    expect(onlineCount(list)).toBe(3);
  });
});
