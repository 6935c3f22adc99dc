import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { CreateRoomInput, RoomDetail } from '@wt/schemas';
import { buildTestApp, type TestDatabase } from '../../../test/helpers';
import {
  roomTestApp,
  ack,
  createRoom,
  next,
  person,
  socketFor,
  type Person,
} from '../../../test/room-helpers';
import { expectOk, expectRefusal, record, sleep } from '../../../test/room-expect';

/*
 * Issue 4, "Leader powers", presence and watch sessions: each power enforced on the server and
 * broadcast to the room, each refusal a stable code and a sentence, over real sockets and a real database.
 */

const env = roomTestApp();
const { sockets } = env;
let database: TestDatabase;
let app: FastifyInstance;
beforeAll(() => ({ database, app } = env));

async function someone(on: FastifyInstance, name: string): Promise<Person> {
  const p = await person(on, database.db, name);
  sockets.push(p.socket);
  return p;
}

/** A room led by the first name, everyone else joined after, in order (so the first of them is the heir). */
async function roomOf(
  names: string[],
  input: Partial<CreateRoomInput> = {},
  on: FastifyInstance = app,
): Promise<{ room: RoomDetail; people: Person[] }> {
  const people: Person[] = [];
  for (const name of names) people.push(await someone(on, name));
  const room = await createRoom(on, people[0]!, input);
  for (const p of people) expectOk(await ack(p.socket, 'room:join', { roomId: room.id }));
  return { room, people };
}

/** The leader presses play: watch time runs only while the room plays. */
async function play(leader: Person, roomId: string): Promise<void> {
  expectOk(await ack(leader.socket, 'video:play', { roomId, positionSec: 0, baseSeq: 0 }));
}

async function member(
  roomId: string,
  userId: string,
): Promise<{ role: string; is_muted: boolean; left_at: Date | null } | undefined> {
  const { rows } = await database.db.execute<{ role: string; is_muted: boolean; left_at: Date | null }>(
    sql`SELECT role, is_muted, left_at FROM room_members WHERE room_id = ${roomId} AND user_id = ${userId}`,
  );
  return rows[0];
}

async function leaderOf(roomId: string): Promise<string> {
  const { rows } = await database.db.execute<{ leader_id: string }>(
    sql`SELECT leader_id FROM rooms WHERE id = ${roomId}`,
  );
  return rows[0]!.leader_id;
}

async function sessions(roomId: string, userId: string) {
  const { rows } = await database.db.execute<{
    started_at: Date;
    ended_at: Date | null;
    duration_secs: number | null;
  }>(sql`
    SELECT started_at, ended_at, duration_secs FROM watch_sessions WHERE room_id = ${roomId} AND user_id = ${userId} ORDER BY started_at, ended_at NULLS LAST`);
  return rows;
}

const promote = (leader: Person, roomId: string, p: Person) =>
  ack(leader.socket, 'room:moderator', { roomId, userId: p.user.id, moderator: true });

describe('kick', () => {
  it('removes the member, tells the room and the kicked person why, and stops their room traffic', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    const toBob = next(bob.socket, 'room:kick');
    const toCy = next(cy.socket, 'room:kick');
    const leaveSeen = next(cy.socket, 'room:leave');
    const line = next(
      cy.socket,
      'chat:message',
      (p) => p.message.kind === 'system' && p.message.content.includes('removed'),
    );
    expectOk(await ack(ann.socket, 'room:kick', { roomId: room.id, userId: bob.user.id, reason: 'spam' }));

    expect(await toBob).toEqual({
      roomId: room.id,
      userId: bob.user.id,
      bannedUntil: null,
      reason: 'spam',
      message: 'Ann removed you from the room and banned you from it. Reason: spam',
    });
    expect((await toCy).userId).toBe(bob.user.id);
    expect(await leaveSeen).toEqual({ roomId: room.id, userId: bob.user.id });
    expect((await line).message.content).toBe('Bob was removed by Ann');
    expect((await member(room.id, bob.user.id))!.left_at).not.toBeNull();

    const bobHears = record(bob.socket, 'chat:message');
    expectOk(await ack(cy.socket, 'chat:message', { roomId: room.id, content: 'bye Bob' }));
    expectRefusal(
      await ack(bob.socket, 'chat:message', { roomId: room.id, content: 'wait' }),
      'NOT_A_MEMBER',
    );
    await sleep(150);
    expect(bobHears).toEqual([]);
  });

  it('is refused to a plain member, against anyone (FORBIDDEN)', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    expect(
      expectRefusal(await ack(bob.socket, 'room:kick', { roomId: room.id, userId: cy.user.id }), 'FORBIDDEN'),
    ).toBe('Only the leader (or a moderator, for members) can remove people.');
    expectRefusal(await ack(bob.socket, 'room:kick', { roomId: room.id, userId: ann.user.id }), 'FORBIDDEN');
    expect((await member(room.id, cy.user.id))!.left_at).toBeNull();
    expect((await member(room.id, ann.user.id))!.left_at).toBeNull();
  });

  it('lets a moderator remove a member, but never the leader nor another moderator (FORBIDDEN)', async () => {
    const { room, people } = await roomOf(['Ann', 'Mo', 'Max', 'Cy']);
    const [ann, mo, max, cy] = people as [Person, Person, Person, Person];
    expectOk(await promote(ann, room.id, mo));
    expectOk(await promote(ann, room.id, max));
    expectRefusal(await ack(mo.socket, 'room:kick', { roomId: room.id, userId: ann.user.id }), 'FORBIDDEN');
    expectRefusal(await ack(mo.socket, 'room:kick', { roomId: room.id, userId: max.user.id }), 'FORBIDDEN');
    expect((await member(room.id, ann.user.id))!.left_at).toBeNull();
    const seen = next(ann.socket, 'room:kick');
    expectOk(await ack(mo.socket, 'room:kick', { roomId: room.id, userId: cy.user.id, banMinutes: 5 }));
    expect((await seen).userId).toBe(cy.user.id);
    expectRefusal(await ack(cy.socket, 'room:join', { roomId: room.id }), 'BANNED');
  });

  it('is refused against yourself, someone not in the room, and from outside the room', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const sam = await someone(app, 'Sam');
    expectRefusal(await ack(ann.socket, 'room:kick', { roomId: room.id, userId: ann.user.id }), 'FORBIDDEN');
    expect(
      expectRefusal(
        await ack(ann.socket, 'room:kick', { roomId: room.id, userId: sam.user.id }),
        'NOT_A_MEMBER',
      ),
    ).toBe('That person is not in this room.');
    expect(
      expectRefusal(
        await ack(sam.socket, 'room:kick', { roomId: room.id, userId: bob.user.id }),
        'NOT_A_MEMBER',
      ),
    ).toBe('Join the room first.');
    expect((await member(room.id, bob.user.id))!.left_at).toBeNull();
  });

  it('refuses a malformed ban length with a sentence', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    expectRefusal(
      await ack(ann.socket, 'room:kick', { roomId: room.id, userId: bob.user.id, banMinutes: -5 }),
      'VALIDATION_FAILED',
    );
    expectRefusal(
      await ack(ann.socket, 'room:kick', { roomId: room.id, userId: bob.user.id, banMinutes: 'forever' }),
      'VALIDATION_FAILED',
    );
    expectRefusal(
      await ack(ann.socket, 'room:kick', { roomId: room.id, userId: bob.user.id, reason: 'x'.repeat(201) }),
      'VALIDATION_FAILED',
    );
    expect((await member(room.id, bob.user.id))!.left_at).toBeNull();
  });
});

describe('mute', () => {
  it('is broadcast to the room both ways; a moderator may mute members only', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Mo', 'Max']);
    const [ann, bob, mo, max] = people as [Person, Person, Person, Person];
    const toBob = next(bob.socket, 'room:member', (p) => p.member.id === bob.user.id);
    const toMo = next(mo.socket, 'room:member', (p) => p.member.id === bob.user.id);
    expectOk(await ack(ann.socket, 'room:mute', { roomId: room.id, userId: bob.user.id, muted: true }));
    expect((await toBob).member).toMatchObject({ isMuted: true, role: 'member' });
    expect((await toMo).member.isMuted).toBe(true);
    expect((await member(room.id, bob.user.id))!.is_muted).toBe(true);

    const unmuted = next(ann.socket, 'room:member', (p) => p.member.id === bob.user.id && !p.member.isMuted);
    expectOk(await ack(ann.socket, 'room:mute', { roomId: room.id, userId: bob.user.id, muted: false }));
    await unmuted;

    expectOk(await promote(ann, room.id, mo));
    expectOk(await promote(ann, room.id, max));
    expectOk(await ack(mo.socket, 'room:mute', { roomId: room.id, userId: bob.user.id, muted: true }));
    expect(
      expectRefusal(
        await ack(mo.socket, 'room:mute', { roomId: room.id, userId: ann.user.id, muted: true }),
        'FORBIDDEN',
      ),
    ).toBe('Only the leader (or a moderator, for members) can mute people.');
    expectRefusal(
      await ack(mo.socket, 'room:mute', { roomId: room.id, userId: max.user.id, muted: true }),
      'FORBIDDEN',
    );
    expectRefusal(
      await ack(bob.socket, 'room:mute', { roomId: room.id, userId: mo.user.id, muted: true }),
      'FORBIDDEN',
    );
    expect((await member(room.id, ann.user.id))!.is_muted).toBe(false);
    expect((await member(room.id, max.user.id))!.is_muted).toBe(false);
  });

  it('shows in the snapshot of a muted member who reconnects', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    expectOk(await ack(ann.socket, 'room:mute', { roomId: room.id, userId: bob.user.id, muted: true }));
    const tab = await socketFor(app, bob);
    sockets.push(tab);
    const snap = expectOk(await ack(tab, 'room:join', { roomId: room.id }));
    expect(snap.you.isMuted).toBe(true);
    expect(snap.members.find((m) => m.id === bob.user.id)?.isMuted).toBe(true);
  });
});

describe('moderators', () => {
  it('are named and unnamed by the leader alone, broadcast to the room', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    const seen = next(cy.socket, 'room:member', (p) => p.member.id === bob.user.id);
    expectOk(await promote(ann, room.id, bob));
    expect((await seen).member.role).toBe('moderator');
    expect((await member(room.id, bob.user.id))!.role).toBe('moderator');

    expect(expectRefusal(await promote(bob, room.id, cy), 'FORBIDDEN')).toBe(
      'Only the leader can choose moderators.',
    );
    expectRefusal(await promote(cy, room.id, cy), 'FORBIDDEN');
    expect(expectRefusal(await promote(ann, room.id, ann), 'VALIDATION_FAILED')).toBe(
      'The leader is already in charge.',
    );

    const demoted = next(bob.socket, 'room:member', (p) => p.member.id === bob.user.id);
    expectOk(
      await ack(ann.socket, 'room:moderator', { roomId: room.id, userId: bob.user.id, moderator: false }),
    );
    expect((await demoted).member.role).toBe('member');
  });
});

describe('transfer', () => {
  it('hands the room over, broadcast to everyone, and the old leader loses the powers', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    const updated = next(cy.socket, 'room:updated');
    const bobRole = next(cy.socket, 'room:member', (p) => p.member.id === bob.user.id);
    const annRole = next(cy.socket, 'room:member', (p) => p.member.id === ann.user.id);
    const line = next(
      cy.socket,
      'chat:message',
      (p) => p.message.kind === 'system' && p.message.content.includes('leads'),
    );
    expectOk(await ack(ann.socket, 'room:transfer', { roomId: room.id, userId: bob.user.id }));
    expect((await updated).room.leader.id).toBe(bob.user.id);
    expect((await bobRole).member.role).toBe('leader');
    expect((await annRole).member.role).toBe('member');
    expect((await line).message.content).toBe('Bob leads the room now');
    expect(await leaderOf(room.id)).toBe(bob.user.id);

    expectRefusal(await ack(ann.socket, 'room:kick', { roomId: room.id, userId: cy.user.id }), 'FORBIDDEN');
    expect(
      expectRefusal(
        await ack(ann.socket, 'room:transfer', { roomId: room.id, userId: cy.user.id }),
        'FORBIDDEN',
      ),
    ).toBe('Only the leader can hand over the room.');
    expect(
      expectRefusal(
        await ack(bob.socket, 'room:transfer', { roomId: room.id, userId: bob.user.id }),
        'VALIDATION_FAILED',
      ),
    ).toBe('You already lead this room.');
    const sam = await someone(app, 'Sam');
    expectRefusal(
      await ack(bob.socket, 'room:transfer', { roomId: room.id, userId: sam.user.id }),
      'NOT_A_MEMBER',
    );
    expectOk(await ack(bob.socket, 'room:kick', { roomId: room.id, userId: ann.user.id, banMinutes: 1 }));
  });

  it('is refused to a moderator', async () => {
    const { room, people } = await roomOf(['Ann', 'Mo', 'Cy']);
    const [ann, mo, cy] = people as [Person, Person, Person];
    expectOk(await promote(ann, room.id, mo));
    expectRefusal(
      await ack(mo.socket, 'room:transfer', { roomId: room.id, userId: cy.user.id }),
      'FORBIDDEN',
    );
    expect(await leaderOf(room.id)).toBe(ann.user.id);
  });
});

describe('microphones', () => {
  it('are switched for everyone by the leader alone, broadcast to the room', async () => {
    const { room, people } = await roomOf(['Ann', 'Mo', 'Bob']);
    const [ann, mo, bob] = people as [Person, Person, Person];
    expectOk(await promote(ann, room.id, mo));
    const toggled = next(bob.socket, 'room:mic_toggle');
    const updated = next(bob.socket, 'room:updated');
    expectOk(await ack(ann.socket, 'room:mic_toggle', { roomId: room.id, enabled: true }));
    expect(await toggled).toEqual({ roomId: room.id, enabled: true });
    expect((await updated).room.micEnabled).toBe(true);

    expect(
      expectRefusal(
        await ack(mo.socket, 'room:mic_toggle', { roomId: room.id, enabled: false }),
        'FORBIDDEN',
      ),
    ).toBe('Only the leader can turn the microphones on or off.');
    expectRefusal(await ack(bob.socket, 'room:mic_toggle', { roomId: room.id, enabled: false }), 'FORBIDDEN');
    expectRefusal(
      await ack(ann.socket, 'room:mic_toggle', { roomId: room.id, enabled: 'off' }),
      'VALIDATION_FAILED',
    );
    const off = next(mo.socket, 'room:mic_toggle');
    expectOk(await ack(ann.socket, 'room:mic_toggle', { roomId: room.id, enabled: false }));
    expect((await off).enabled).toBe(false);
  });
});

describe('room settings', () => {
  it('are changed by the leader alone and broadcast to the room', async () => {
    const { room, people } = await roomOf(['Ann', 'Mo', 'Bob']);
    const [ann, mo, bob] = people as [Person, Person, Person];
    expectOk(await promote(ann, room.id, mo));
    const patch = {
      name: 'Late show',
      visibility: 'friends',
      maxMembers: 5,
      playbackControl: 'any',
      chatMode: 'mods',
      isLocked: true,
      slowMode: true,
    } as const;
    const seen = next(bob.socket, 'room:updated');
    const answer = expectOk(await ack(ann.socket, 'room:update', { roomId: room.id, patch }));
    expect(answer).toMatchObject(patch);
    expect((await seen).room).toMatchObject(patch);

    expect(
      expectRefusal(
        await ack(mo.socket, 'room:update', { roomId: room.id, patch: { isLocked: false } }),
        'FORBIDDEN',
      ),
    ).toBe('Only the leader can change the room settings.');
    expectRefusal(
      await ack(bob.socket, 'room:update', { roomId: room.id, patch: { slowMode: false } }),
      'FORBIDDEN',
    );
    expect(
      expectRefusal(
        await ack(ann.socket, 'room:update', { roomId: room.id, patch: {} }),
        'VALIDATION_FAILED',
      ),
    ).toBe('Nothing to change.');
    expect(
      expectRefusal(
        await ack(ann.socket, 'room:update', { roomId: room.id, patch: { maxMembers: 51 } }),
        'VALIDATION_FAILED',
      ),
    ).toBe('Rooms hold at most 50 people.');
    expect(
      expectRefusal(
        await ack(ann.socket, 'room:update', { roomId: room.id, patch: { name: '   ' } }),
        'VALIDATION_FAILED',
      ),
    ).toBe('Give the room a name.');
    expectRefusal(
      await ack(ann.socket, 'room:update', { roomId: room.id, patch: { chatMode: 'loud' } }),
      'VALIDATION_FAILED',
    );
  });

  it('keep everyone in when the size goes below the head count, and take nobody new', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann] = people as [Person];
    const answer = expectOk(
      await ack(ann.socket, 'room:update', { roomId: room.id, patch: { maxMembers: 2 } }),
    );
    expect(answer).toMatchObject({ maxMembers: 2, memberCount: 3 });
    const dee = await someone(app, 'Dee');
    expectRefusal(await ack(dee.socket, 'room:join', { roomId: room.id }), 'ROOM_FULL');
  });
});

describe('content', () => {
  it('is changed by the leader, broadcast with a system line, and rolls the watch sessions over', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    await play(ann, room.id);
    // The app's clock, not the database's: durations are measured with the app's `now`.
    await database.db.execute(
      sql`UPDATE watch_sessions SET started_at = ${new Date(Date.now() - 120_000)} WHERE room_id = ${room.id}`,
    );
    const updated = next(bob.socket, 'room:updated');
    const newMedia = next(
      bob.socket,
      'video:state',
      (p) => p.transition.playback.mediaId?.startsWith('spotify:') === true,
    );
    const line = next(
      bob.socket,
      'chat:message',
      (p) => p.message.kind === 'system' && p.message.content.includes('plays'),
    );
    const answer = expectOk(
      await ack(ann.socket, 'room:content', {
        roomId: room.id,
        url: 'https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT?si=x',
      }),
    );
    const content = {
      platform: 'spotify',
      url: 'https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT',
      mediaId: 'track:4cOdK2wGLETKBW3PvgPWqT',
    };
    expect(answer.content).toEqual(content);
    expect((await updated).room.content).toEqual(content);
    expect((await line).message.content).toBe('Ann changed what plays');

    // The old content ended for everyone; the new one waits, paused at the start, for a play.
    const state = await newMedia;
    expect(state.transition.playback).toMatchObject({
      mediaId: 'spotify:track:4cOdK2wGLETKBW3PvgPWqT',
      isPlaying: false,
      positionSec: 0,
    });
    for (const p of [ann, bob]) {
      const rows = await sessions(room.id, p.user.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.ended_at).not.toBeNull();
      expect(rows[0]!.duration_secs).toBeGreaterThanOrEqual(119);
      expect(rows[0]!.duration_secs).toBeLessThanOrEqual(125);
    }
    await play(ann, room.id);
    for (const p of [ann, bob]) {
      const rows = await sessions(room.id, p.user.id);
      expect(rows).toHaveLength(2);
      expect(rows[1]!.ended_at).toBeNull();
    }
  });

  it('refuses javascript: and other non-web links with a sentence', async () => {
    const { room, people } = await roomOf(['Ann']);
    const [ann] = people as [Person];
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
    ]) {
      expect(
        expectRefusal(await ack(ann.socket, 'room:content', { roomId: room.id, url }), 'VALIDATION_FAILED'),
      ).toBe('Only http and https links can be played in a room.');
    }
    expectRefusal(
      await ack(ann.socket, 'room:content', {
        roomId: room.id,
        url: 'https://www.youtube.com/feed/trending',
      }),
      'VALIDATION_FAILED',
    );
    const { rows } = await database.db.execute<{ content_url: string }>(
      sql`SELECT content_url FROM rooms WHERE id = ${room.id}`,
    );
    expect(rows[0]!.content_url).toBe(room.content!.url);
  });

  it('is the leader’s unless the room lets any member control playback', async () => {
    const { room, people } = await roomOf(['Ann', 'Mo', 'Bob']);
    const [ann, mo, bob] = people as [Person, Person, Person];
    expectOk(await promote(ann, room.id, mo));
    const url = 'https://www.youtube.com/watch?v=9bZkp7q19f0';
    expect(expectRefusal(await ack(bob.socket, 'room:content', { roomId: room.id, url }), 'FORBIDDEN')).toBe(
      'Only the leader can change what plays.',
    );
    expectRefusal(await ack(mo.socket, 'room:content', { roomId: room.id, url }), 'FORBIDDEN');
    expectOk(await ack(ann.socket, 'room:update', { roomId: room.id, patch: { playbackControl: 'any' } }));
    const seen = next(ann.socket, 'room:updated');
    expect(expectOk(await ack(bob.socket, 'room:content', { roomId: room.id, url })).content?.mediaId).toBe(
      '9bZkp7q19f0',
    );
    expect((await seen).room.content?.mediaId).toBe('9bZkp7q19f0');
  });
});

describe('leadership passing on', () => {
  it('goes to the longest-present member when the leader leaves', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    const heir = next(cy.socket, 'room:member', (p) => p.member.id === bob.user.id);
    const updated = next(bob.socket, 'room:updated');
    const gone = next(cy.socket, 'room:leave');
    const lines = record(cy.socket, 'chat:message');
    expectOk(await ack(ann.socket, 'room:leave', { roomId: room.id }));
    expect(await gone).toEqual({ roomId: room.id, userId: ann.user.id });
    expect((await heir).member.role).toBe('leader');
    expect((await updated).room.leader.id).toBe(bob.user.id);
    expect(await leaderOf(room.id)).toBe(bob.user.id);
    await sleep(100);
    expect(lines.map((l) => l.message.content)).toEqual(['Ann left', 'Bob leads the room now']);

    // The new leader has the powers; the old one comes back as a member.
    expectOk(await ack(bob.socket, 'room:update', { roomId: room.id, patch: { slowMode: true } }));
    const snap = expectOk(await ack(ann.socket, 'room:join', { roomId: room.id }));
    expect(snap.you.role).toBe('member');
    expectRefusal(await ack(ann.socket, 'room:kick', { roomId: room.id, userId: cy.user.id }), 'FORBIDDEN');
  });

  it('stays with a leader who leaves an empty room, which then counts as empty', async () => {
    const { room, people } = await roomOf(['Ann']);
    const [ann] = people as [Person];
    expectOk(await ack(ann.socket, 'room:leave', { roomId: room.id }));
    expect(await leaderOf(room.id)).toBe(ann.user.id);
    const { rows } = await database.db.execute<{ empty_since: Date | null }>(
      sql`SELECT empty_since FROM rooms WHERE id = ${room.id}`,
    );
    expect(rows[0]!.empty_since).not.toBeNull();
    expect(expectOk(await ack(ann.socket, 'room:join', { roomId: room.id })).you.role).toBe('leader');
  });
});

describe('presence sweep', () => {
  it('removes members nobody has seen for the grace (their instance died)', async () => {
    const { room, people } = await roomOf(['Ann']);
    const [ann] = people as [Person];
    const ghost = await someone(app, 'Gus');
    await database.db.execute(sql`
      INSERT INTO room_members (room_id, user_id, role, joined_at, created_at, updated_at)
      VALUES (${room.id}, ${ghost.user.id}, 'member', now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours')`);
    const gone = next(ann.socket, 'room:leave', (p) => p.userId === ghost.user.id);
    await app.roomSockets.sweep();
    await gone;
    expect((await member(room.id, ghost.user.id))!.left_at).not.toBeNull();
    expect((await member(room.id, ann.user.id))!.left_at).toBeNull();
  });
});

describe('watch sessions', () => {
  it('open while the room plays and close with the time watched on leave', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    expect(await sessions(room.id, bob.user.id)).toEqual([]);
    await play(ann, room.id);
    const open = await sessions(room.id, bob.user.id);
    expect(open).toHaveLength(1);
    expect(open[0]!.ended_at).toBeNull();
    expect(Math.abs(new Date(open[0]!.started_at).getTime() - Date.now())).toBeLessThan(5000);

    await database.db.execute(
      sql`UPDATE watch_sessions SET started_at = ${new Date(Date.now() - 90_000)} WHERE room_id = ${room.id} AND user_id = ${bob.user.id}`,
    );
    expectOk(await ack(bob.socket, 'room:leave', { roomId: room.id }));
    const closed = await sessions(room.id, bob.user.id);
    expect(closed).toHaveLength(1);
    expect(closed[0]!.ended_at).not.toBeNull();
    expect(closed[0]!.duration_secs).toBeGreaterThanOrEqual(90);
    expect(closed[0]!.duration_secs).toBeLessThanOrEqual(95);
  });

  it('close on kick, and stay one per person with two tabs', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    await play(ann, room.id);
    const tab = await socketFor(app, bob);
    sockets.push(tab);
    expectOk(await ack(tab, 'room:join', { roomId: room.id }));
    expect(await sessions(room.id, bob.user.id)).toHaveLength(1);
    expectOk(await ack(ann.socket, 'room:kick', { roomId: room.id, userId: bob.user.id }));
    const rows = await sessions(room.id, bob.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.duration_secs).not.toBeNull();
  });

  it('do not open while the room is not playing, and close when it pauses', async () => {
    const ann = await someone(app, 'Ann');
    const room = await createRoom(app, ann);
    expectOk(await ack(ann.socket, 'room:join', { roomId: room.id }));
    expect(await sessions(room.id, ann.user.id)).toEqual([]);
    await play(ann, room.id);
    expect(await sessions(room.id, ann.user.id)).toHaveLength(1);
    expectOk(await ack(ann.socket, 'video:pause', { roomId: room.id, positionSec: 1, baseSeq: 1 }));
    const [closed] = await sessions(room.id, ann.user.id);
    expect(closed!.ended_at).not.toBeNull();
  });
});

describe('disconnects (leave grace 300 ms)', () => {
  let graceApp: FastifyInstance;

  beforeAll(async () => {
    graceApp = await buildTestApp(database, { ROOM_LEAVE_GRACE_MS: '300', RATE_LIMIT_PER_MINUTE: '100000' });
    await graceApp.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await graceApp?.close();
  });

  it('show the member offline at once, stop their watch time, and let them go after the grace', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob'], {}, graceApp);
    const [ann, bob] = people as [Person, Person];
    await play(ann, room.id);
    const offline = next(ann.socket, 'room:member', (p) => p.member.id === bob.user.id && !p.member.online);
    const gone = next(ann.socket, 'room:leave', (p) => p.userId === bob.user.id);
    const leftAt = Date.now();
    bob.socket.disconnect();
    await offline;
    expect((await sessions(room.id, bob.user.id))[0]!.ended_at).not.toBeNull();
    expect((await member(room.id, bob.user.id))!.left_at).toBeNull();
    await gone;
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(250);
    expect((await member(room.id, bob.user.id))!.left_at).not.toBeNull();
  });

  it('keep the seat for a reconnect within the grace', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob'], { maxMembers: 2 }, graceApp);
    const [ann, bob] = people as [Person, Person];
    await play(ann, room.id);
    const left = record(ann.socket, 'room:leave');
    bob.socket.disconnect();
    const back = await socketFor(graceApp, bob);
    sockets.push(back);
    const online = next(ann.socket, 'room:member', (p) => p.member.id === bob.user.id && p.member.online);
    const snap = expectOk(await ack(back, 'room:join', { roomId: room.id }));
    expect(snap.members.map((m) => m.id)).toEqual([ann.user.id, bob.user.id]);
    await online;
    await sleep(700);
    expect(left).toEqual([]);
    expect((await member(room.id, bob.user.id))!.left_at).toBeNull();
    const open = (await sessions(room.id, bob.user.id)).filter((s) => s.ended_at === null);
    expect(open).toHaveLength(1);
  });

  it('keep a member with another tab open in the room', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob'], {}, graceApp);
    const [ann, bob] = people as [Person, Person];
    const tab = await socketFor(graceApp, bob);
    sockets.push(tab);
    expectOk(await ack(tab, 'room:join', { roomId: room.id }));
    const left = record(ann.socket, 'room:leave');
    bob.socket.disconnect();
    await sleep(700);
    expect(left).toEqual([]);
    expect((await member(room.id, bob.user.id))!.left_at).toBeNull();
  });

  it('pass the lead on when the leader does not come back', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob'], {}, graceApp);
    const [ann, bob] = people as [Person, Person];
    const updated = next(bob.socket, 'room:updated', (p) => p.room.leader.id === bob.user.id);
    ann.socket.disconnect();
    await updated;
    expect(await leaderOf(room.id)).toBe(bob.user.id);
  });
});
