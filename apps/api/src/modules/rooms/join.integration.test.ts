import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { sql } from 'drizzle-orm';
import type { LobbyPage, RoomDetail, RoomPage, InviteInfo, Person as PersonView } from '@wt/schemas';
import { type TestDatabase } from '../../../test/helpers';
import { connected, openSocket } from '../../../test/auth-helpers';
import {
  roomTestApp,
  ack,
  createRoom,
  makeFriends,
  next,
  person,
  socketFor,
  trpc,
  type Person,
} from '../../../test/room-helpers';
import {
  expectHttpRefusal,
  expectOk,
  expectRefusal,
  expectSentence,
  expectTrpcRefusal,
  getInvite,
  inviteCode,
  postInviteUser,
} from '../../../test/room-expect';

/*
 * Issue 4, "Find and join" and "Invites": who may come into a room, through the real /rooms socket,
 * tRPC and REST, against a real database. Every refusal: a stable code and a sentence.
 */

const env = roomTestApp();
const { sockets } = env;
let database: TestDatabase;
let app: FastifyInstance;
beforeAll(() => ({ database, app } = env));

async function someone(name: string): Promise<Person> {
  const p = await person(app, database.db, name);
  sockets.push(p.socket);
  return p;
}

function join(p: Person | Socket, roomId: string, code?: string) {
  const socket = 'socket' in p ? p.socket : p;
  return ack(socket, 'room:join', code === undefined ? { roomId } : { roomId, inviteCode: code });
}

async function joined(p: Person, roomId: string, code?: string) {
  return expectOk(await join(p, roomId, code));
}

/** A room with its leader inside. */
async function roomLedBy(
  name: string,
  input: Parameters<typeof createRoom>[2] = {},
): Promise<{ leader: Person; room: RoomDetail }> {
  const leader = await someone(name);
  const room = await createRoom(app, leader, input);
  await joined(leader, room.id);
  return { leader, room };
}

async function presentIds(roomId: string): Promise<string[]> {
  const { rows } = await database.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM room_members WHERE room_id = ${roomId} AND left_at IS NULL ORDER BY joined_at`,
  );
  return rows.map((r) => r.user_id);
}

async function inviteUses(code: string): Promise<number> {
  const { rows } = await database.db.execute<{ uses: number }>(
    sql`SELECT uses FROM room_invites WHERE code = ${code}`,
  );
  return rows[0]!.uses;
}

function roomPage(p: Person, roomId: string, code?: string) {
  return trpc<RoomPage>(app, p.token, 'rooms.get', code ? { roomId, inviteCode: code } : { roomId }, 'query');
}

async function lobbyIds(p: Person, tab: 'all' | 'public' | 'friends' | 'guild' | 'mine'): Promise<string[]> {
  const result = await trpc<LobbyPage>(app, p.token, 'rooms.lobby', { tab }, 'query');
  return result.data!.rooms.map((r) => r.id);
}

async function makeGuild(ownerId: string, memberIds: string[]): Promise<string> {
  const { rows } = await database.db.execute<{ id: string }>(
    sql`INSERT INTO guilds (name, owner_id) VALUES (${`Guild ${randomUUID().slice(0, 8)}`}, ${ownerId}) RETURNING id`,
  );
  const guildId = rows[0]!.id;
  for (const userId of [ownerId, ...memberIds]) {
    await database.db.execute(
      sql`INSERT INTO guild_members (guild_id, user_id, role) VALUES (${guildId}, ${userId}, ${userId === ownerId ? 'leader' : 'member'})`,
    );
  }
  return guildId;
}

describe('public rooms', () => {
  it('let anyone signed in join, tell the room, and hand back the snapshot', async () => {
    const { leader, room } = await roomLedBy('Ann');
    const bob = await someone('Bob');
    const arrival = next(leader.socket, 'room:join');
    const line = next(leader.socket, 'chat:message', (p) => p.message.kind === 'system');
    const snap = await joined(bob, room.id);
    expect(snap.room.id).toBe(room.id);
    expect(snap.you).toEqual({ userId: bob.user.id, role: 'member', isMuted: false });
    expect(snap.members.map((m) => [m.displayName, m.role, m.online])).toEqual([
      ['Ann', 'leader', true],
      ['Bob', 'member', true],
    ]);
    expect((await arrival).member).toMatchObject({ id: bob.user.id, role: 'member', online: true });
    expect((await line).message.content).toBe('Bob joined');
  });

  it('refuse a socket without a signed-in user at the handshake', async () => {
    const anonymous = openSocket(app, '/rooms', undefined);
    const err = await connected(anonymous).then(
      () => null,
      (e: Error & { data?: { code?: string } }) => e,
    );
    anonymous.disconnect();
    expect(err?.data?.code).toBe('UNAUTHENTICATED');
    expectSentence(err?.message);
  });

  it('answer ROOM_NOT_FOUND for a room that does not exist, on the socket and in rooms.get', async () => {
    const ann = await someone('Ann');
    const roomId = randomUUID();
    expectRefusal(await join(ann, roomId), 'ROOM_NOT_FOUND');
    expectTrpcRefusal(await roomPage(ann, roomId), 'ROOM_NOT_FOUND', 404);
  });

  it('count a second tab of someone present as the same seat', async () => {
    const { room } = await roomLedBy('Ann', { maxMembers: 2 });
    const bob = await someone('Bob');
    await joined(bob, room.id);
    const secondTab = await socketFor(app, bob);
    sockets.push(secondTab);
    const snap = expectOk(await join(secondTab, room.id));
    expect(snap.members).toHaveLength(2);
    expect(await presentIds(room.id)).toHaveLength(2);
  });
});

describe('friends-only rooms', () => {
  it('refuse a stranger with ROOM_FRIENDS_ONLY, on the socket and in rooms.get', async () => {
    const { room } = await roomLedBy('Ann', { visibility: 'friends' });
    const stranger = await someone('Sam');
    expect(expectRefusal(await join(stranger, room.id), 'ROOM_FRIENDS_ONLY')).toBe(
      "This room is only open to the leader's friends.",
    );
    const page = await roomPage(stranger, room.id);
    expect(page.data!.access).toEqual({
      canJoin: false,
      code: 'ROOM_FRIENDS_ONLY',
      message: "This room is only open to the leader's friends.",
    });
    expect(await presentIds(room.id)).toHaveLength(1);
  });

  it('refuse someone whose friend request is still pending', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'friends' });
    const hopeful = await someone('Hope');
    await database.db.execute(
      sql`INSERT INTO friend_requests (from_user_id, to_user_id, status) VALUES (${hopeful.user.id}, ${leader.user.id}, 'pending')`,
    );
    expectRefusal(await join(hopeful, room.id), 'ROOM_FRIENDS_ONLY');
  });

  it('let a friend of the leader in, whichever of them sent the request', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'friends' });
    const asked = await someone('Fay');
    const asker = await someone('Gus');
    await makeFriends(database.db, leader.user.id, asked.user.id);
    await makeFriends(database.db, asker.user.id, leader.user.id);
    expect((await roomPage(asked, room.id)).data!.access).toEqual({
      canJoin: true,
      code: null,
      message: null,
    });
    await joined(asked, room.id);
    await joined(asker, room.id);
    expect(await presentIds(room.id)).toEqual([leader.user.id, asked.user.id, asker.user.id]);
  });

  it("let members of the room's guild in without being friends", async () => {
    const leader = await someone('Ann');
    const guildmate = await someone('Gil');
    const guildId = await makeGuild(leader.user.id, [guildmate.user.id]);
    const room = await createRoom(app, leader, { visibility: 'friends', guildId });
    expect(room.guild?.id).toBe(guildId);
    await joined(guildmate, room.id);
    expectRefusal(await join(await someone('Sam'), room.id), 'ROOM_FRIENDS_ONLY');
  });

  it('refuse to link a room to a guild its creator is not in', async () => {
    const ann = await someone('Ann');
    const other = await someone('Oz');
    const guildId = await makeGuild(other.user.id, []);
    const result = await trpc(app, ann.token, 'rooms.create', {
      name: 'Guild night',
      contentUrl: 'https://youtu.be/dQw4w9WgXcQ',
      guildId,
    });
    expectTrpcRefusal(result, 'FORBIDDEN', 403);
  });

  it('refuse a guild room from a plain member (officers and the leader manage guild rooms)', async () => {
    const gil = await someone('Gil');
    const owner = await someone('Oz');
    const guildId = await makeGuild(owner.user.id, [gil.user.id]);
    const result = await trpc(app, gil.token, 'rooms.create', {
      name: 'Guild night',
      contentUrl: 'https://youtu.be/dQw4w9WgXcQ',
      guildId,
    });
    expectTrpcRefusal(result, 'FORBIDDEN', 403);
  });

  it('let a stranger in with a valid invite, and use it up', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'friends' });
    const code = await inviteCode(app, leader.token, room.id, '?uses=single');
    await joined(await someone('Ivy'), room.id, code);
    expect(await inviteUses(code)).toBe(1);
  });
});

describe('private rooms', () => {
  it('refuse without an invite (ROOM_PRIVATE), a friend of the leader included', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const stranger = await someone('Sam');
    const friend = await someone('Fay');
    await makeFriends(database.db, leader.user.id, friend.user.id);
    expect(expectRefusal(await join(stranger, room.id), 'ROOM_PRIVATE')).toBe(
      'This room is private. Ask its leader for an invite link.',
    );
    expectRefusal(await join(friend, room.id), 'ROOM_PRIVATE');
    expect((await roomPage(stranger, room.id)).data!.access).toMatchObject({
      canJoin: false,
      code: 'ROOM_PRIVATE',
    });
    expect(await presentIds(room.id)).toEqual([leader.user.id]);
  });

  it('let people in with a valid multi-use invite, counting each use', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const code = await inviteCode(app, leader.token, room.id);
    const ivy = await someone('Ivy');
    const joe = await someone('Joe');
    expect((await roomPage(ivy, room.id, code)).data!.access.canJoin).toBe(true);
    const arrival = next(leader.socket, 'room:join');
    await joined(ivy, room.id, code);
    expect((await arrival).member.id).toBe(ivy.user.id);
    expect(await inviteUses(code)).toBe(1);
    await joined(joe, room.id, code);
    expect(await inviteUses(code)).toBe(2);
  });

  it('take a single-use invite once: a second person is refused with INVITE_INVALID', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const code = await inviteCode(app, leader.token, room.id, '?uses=single');
    await joined(await someone('Ivy'), room.id, code);
    const late = await someone('Lou');
    expect(expectRefusal(await join(late, room.id, code), 'INVITE_INVALID')).toBe(
      'This invite link is not valid. Ask for a new one.',
    );
    const info = await trpc<InviteInfo>(app, late.token, 'rooms.inviteInfo', { code }, 'query');
    expect(info.data).toMatchObject({ valid: false, room: { id: room.id } });
    expectSentence(info.data!.message);
    expect(await inviteUses(code)).toBe(1);
  });

  it('refuse an expired invite with INVITE_EXPIRED', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const code = await inviteCode(app, leader.token, room.id, '?expiresIn=60');
    await database.db.execute(
      sql`UPDATE room_invites SET expires_at = now() - interval '1 second' WHERE code = ${code}`,
    );
    const ivy = await someone('Ivy');
    expect(expectRefusal(await join(ivy, room.id, code), 'INVITE_EXPIRED')).toBe(
      'This invite link has expired. Ask for a new one.',
    );
    expect((await roomPage(ivy, room.id, code)).data!.access).toMatchObject({
      canJoin: false,
      code: 'INVITE_EXPIRED',
    });
    const info = await trpc<InviteInfo>(app, ivy.token, 'rooms.inviteInfo', { code }, 'query');
    expect(info.data).toMatchObject({
      valid: false,
      message: 'This invite link has expired. Ask for a new one.',
    });
    expect(await inviteUses(code)).toBe(0);
  });

  it('refuse a code of another room, a made-up code and a malformed one', async () => {
    const { room } = await roomLedBy('Ann', { visibility: 'private' });
    const other = await roomLedBy('Oz', { visibility: 'private' });
    const otherCode = await inviteCode(app, other.leader.token, other.room.id);
    const ivy = await someone('Ivy');
    expectRefusal(await join(ivy, room.id, otherCode), 'INVITE_INVALID');
    expectRefusal(await join(ivy, room.id, 'madeUpCode123'), 'INVITE_INVALID');
    expect(expectRefusal(await join(ivy, room.id, 'no!'), 'VALIDATION_FAILED')).toBe(
      'That invite link is not valid.',
    );
    expectTrpcRefusal(
      await trpc(app, ivy.token, 'rooms.inviteInfo', { code: 'madeUpCode123' }, 'query'),
      'INVITE_INVALID',
      404,
    );
    expect(await inviteUses(otherCode)).toBe(0);
  });

  it('let a past member who left come back without an invite', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const code = await inviteCode(app, leader.token, room.id, '?uses=single');
    const ivy = await someone('Ivy');
    await joined(ivy, room.id, code);
    expectOk(await ack(ivy.socket, 'room:leave', { roomId: room.id }));
    expect(await presentIds(room.id)).toEqual([leader.user.id]);
    await joined(ivy, room.id);
    expect(await presentIds(room.id)).toEqual([leader.user.id, ivy.user.id]);
  });
});

describe('bans', () => {
  it('keep a kicked user out for good, a fresh valid invite included', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const bob = await someone('Bob');
    const first = await inviteCode(app, leader.token, room.id);
    await joined(bob, room.id, first);
    const kicked = next(bob.socket, 'room:kick');
    expectOk(await ack(leader.socket, 'room:kick', { roomId: room.id, userId: bob.user.id }));
    expect(await kicked).toMatchObject({
      userId: bob.user.id,
      bannedUntil: null,
      message: 'Ann removed you from the room and banned you from it.',
    });

    expect(expectRefusal(await join(bob, room.id, first), 'BANNED')).toBe('You were banned from this room.');
    const fresh = await inviteCode(app, leader.token, room.id, '?uses=single');
    expectRefusal(await join(bob, room.id, fresh), 'BANNED');
    expectRefusal(await join(bob, room.id), 'BANNED');
    expect((await roomPage(bob, room.id, fresh)).data!.access).toMatchObject({
      canJoin: false,
      code: 'BANNED',
    });
    // The refusal did not spend the invite: it still lets someone else in.
    expect(await inviteUses(fresh)).toBe(0);
    await joined(await someone('Cy'), room.id, fresh);
  });

  it('keep a friend out of a friends room after a kick, and out of a public room too', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'friends' });
    const fay = await someone('Fay');
    await makeFriends(database.db, leader.user.id, fay.user.id);
    await joined(fay, room.id);
    expectOk(await ack(leader.socket, 'room:kick', { roomId: room.id, userId: fay.user.id }));
    expectRefusal(await join(fay, room.id), 'BANNED');

    const pub = await roomLedBy('Ann2');
    await joined(fay, pub.room.id);
    expectOk(await ack(pub.leader.socket, 'room:kick', { roomId: pub.room.id, userId: fay.user.id }));
    expectRefusal(await join(fay, pub.room.id), 'BANNED');
  });

  it('lift a timed ban when it ends, and say until when before that', async () => {
    const { leader, room } = await roomLedBy('Ann');
    const bob = await someone('Bob');
    await joined(bob, room.id);
    const kicked = next(bob.socket, 'room:kick');
    expectOk(
      await ack(leader.socket, 'room:kick', {
        roomId: room.id,
        userId: bob.user.id,
        banMinutes: 30,
        reason: 'spoilers',
      }),
    );
    const notice = await kicked;
    expect(notice.bannedUntil).not.toBeNull();
    const until = new Date(notice.bannedUntil!);
    expect(until.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(until.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    const hhmm = until.toISOString().slice(11, 16);
    expect(notice.message).toBe(
      `Ann removed you from the room and banned you until ${hhmm} UTC. Reason: spoilers`,
    );

    expect(expectRefusal(await join(bob, room.id), 'BANNED')).toBe(
      `You were banned from this room until ${hhmm} UTC.`,
    );
    await database.db.execute(
      sql`UPDATE room_bans SET until = now() - interval '1 second' WHERE room_id = ${room.id} AND user_id = ${bob.user.id}`,
    );
    expect((await roomPage(bob, room.id)).data!.access.canJoin).toBe(true);
    await joined(bob, room.id);
    expect(await presentIds(room.id)).toEqual([leader.user.id, bob.user.id]);
  });
});

describe('room size', () => {
  it('refuses a newcomer to a full room with ROOM_FULL and the number of seats', async () => {
    const { room } = await roomLedBy('Ann', { maxMembers: 2 });
    await joined(await someone('Bob'), room.id);
    const cy = await someone('Cy');
    expect(expectRefusal(await join(cy, room.id), 'ROOM_FULL')).toBe(
      'This room is full: all 2 seats are taken. Try again later.',
    );
    expect((await roomPage(cy, room.id)).data!.access).toMatchObject({ canJoin: false, code: 'ROOM_FULL' });
  });

  it('never goes over its size under concurrent joins: 8 at once into 3 seats', async () => {
    const leader = await someone('Ann');
    const room = await createRoom(app, leader, { maxMembers: 3 });
    const crowd = await Promise.all(Array.from({ length: 8 }, (_, i) => someone(`Guest ${i}`)));
    const answers = await Promise.all(crowd.map((p) => join(p, room.id)));
    const admitted = crowd.filter((_, i) => answers[i]!.ok);
    expect(admitted).toHaveLength(3);
    for (const answer of answers.filter((a) => !a.ok)) expectRefusal(answer, 'ROOM_FULL');
    expect((await presentIds(room.id)).sort()).toEqual(admitted.map((p) => p.user.id).sort());
    const page = await roomPage(leader, room.id);
    expect(page.data!.room.memberCount).toBe(3);
  });

  it('frees a seat when someone leaves', async () => {
    const { leader, room } = await roomLedBy('Ann', { maxMembers: 2 });
    const bob = await someone('Bob');
    await joined(bob, room.id);
    const cy = await someone('Cy');
    expectRefusal(await join(cy, room.id), 'ROOM_FULL');
    const gone = next(leader.socket, 'room:leave');
    expectOk(await ack(bob.socket, 'room:leave', { roomId: room.id }));
    expect(await gone).toEqual({ roomId: room.id, userId: bob.user.id });
    await joined(cy, room.id);
  });
});

describe('locked rooms', () => {
  it('take nobody new, invites included, but keep who is in and let the leader back', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const code = await inviteCode(app, leader.token, room.id);
    const bob = await someone('Bob');
    await joined(bob, room.id, code);
    const updated = next(bob.socket, 'room:updated');
    expect(
      expectOk(await ack(leader.socket, 'room:update', { roomId: room.id, patch: { isLocked: true } }))
        .isLocked,
    ).toBe(true);
    expect((await updated).room.isLocked).toBe(true);

    const cy = await someone('Cy');
    expect(expectRefusal(await join(cy, room.id, code), 'ROOM_LOCKED')).toBe(
      'The leader locked this room: nobody new can join right now.',
    );
    expect((await roomPage(cy, room.id, code)).data!.access).toMatchObject({
      canJoin: false,
      code: 'ROOM_LOCKED',
    });
    // A second tab of someone inside is no newcomer.
    const bobTab = await socketFor(app, bob);
    sockets.push(bobTab);
    expectOk(await join(bobTab, room.id));
    expectOk(await ack(leader.socket, 'room:leave', { roomId: room.id }));
    // Bob leads now (the longest present); the old leader is a past member and the room is still locked.
    expectRefusal(await join(leader, room.id), 'ROOM_LOCKED');
    expectOk(await ack(bob.socket, 'room:update', { roomId: room.id, patch: { isLocked: false } }));
    await joined(cy, room.id, code);
    await joined(leader, room.id);
  });

  it('let the leader of a locked room in', async () => {
    const leader = await someone('Ann');
    const room = await createRoom(app, leader);
    await database.db.execute(sql`UPDATE rooms SET is_locked = true WHERE id = ${room.id}`);
    const snap = await joined(leader, room.id);
    expect(snap.you.role).toBe('leader');
    expectRefusal(await join(await someone('Bob'), room.id), 'ROOM_LOCKED');
  });
});

describe('empty rooms', () => {
  it('become inactive after the grace, refuse joins with ROOM_INACTIVE, and reopen for their leader only', async () => {
    const { leader, room } = await roomLedBy('Ann');
    const bob = await someone('Bob');
    expectOk(await ack(leader.socket, 'room:leave', { roomId: room.id }));
    const { rows } = await database.db.execute<{ empty_since: Date | null }>(
      sql`SELECT empty_since FROM rooms WHERE id = ${room.id}`,
    );
    expect(rows[0]!.empty_since).not.toBeNull();

    await app.roomSockets.sweep();
    expect((await roomPage(bob, room.id)).data!.room.isActive).toBe(true);

    await database.db.execute(
      sql`UPDATE rooms SET empty_since = now() - interval '6 minutes' WHERE id = ${room.id}`,
    );
    await app.roomSockets.sweep();
    const page = await roomPage(bob, room.id);
    expect(page.data!.room.isActive).toBe(false);
    expect(page.data!.access).toEqual({
      canJoin: false,
      code: 'ROOM_INACTIVE',
      message: 'This room is closed. Its leader can reopen it.',
    });
    expectRefusal(await join(bob, room.id), 'ROOM_INACTIVE');
    expectRefusal(await join(leader, room.id), 'ROOM_INACTIVE');
    expect(await lobbyIds(bob, 'public')).not.toContain(room.id);
    expect(await lobbyIds(leader, 'mine')).toContain(room.id);

    expectTrpcRefusal(await trpc(app, bob.token, 'rooms.reopen', { roomId: room.id }), 'FORBIDDEN', 403);
    const reopened = await trpc<RoomDetail>(app, leader.token, 'rooms.reopen', { roomId: room.id });
    expect(reopened.data!.isActive).toBe(true);
    await joined(bob, room.id);
    expect(await lobbyIds(leader, 'public')).toContain(room.id);
  });

  it('never close a room with somebody in it', async () => {
    const { room } = await roomLedBy('Ann');
    await database.db.execute(
      sql`UPDATE rooms SET empty_since = now() - interval '1 hour' WHERE id = ${room.id}`,
    );
    await app.roomSockets.sweep();
    const { rows } = await database.db.execute<{ is_active: boolean }>(
      sql`SELECT is_active FROM rooms WHERE id = ${room.id}`,
    );
    expect(rows[0]!.is_active).toBe(true);
  });
});

describe('the lobby', () => {
  it('lists public rooms to strangers, friends rooms to friends, private rooms to nobody but their leader', async () => {
    const bob = await someone('Bob');
    const cat = await someone('Cat');
    const dan = await someone('Dan');
    await makeFriends(database.db, cat.user.id, bob.user.id);
    const pub = await createRoom(app, bob, { visibility: 'public', name: 'Open' });
    const fr = await createRoom(app, bob, { visibility: 'friends', name: 'Friends' });
    const priv = await createRoom(app, bob, { visibility: 'private', name: 'Secret' });

    for (const tab of ['all', 'public', 'friends', 'guild', 'mine'] as const) {
      const seenByDan = await lobbyIds(dan, tab);
      expect(seenByDan, tab).not.toContain(priv.id);
      expect(seenByDan, tab).not.toContain(fr.id);
      expect(await lobbyIds(cat, tab), tab).not.toContain(priv.id);
    }
    expect(await lobbyIds(dan, 'public')).toContain(pub.id);
    expect(await lobbyIds(dan, 'all')).toContain(pub.id);
    expect(await lobbyIds(dan, 'mine')).not.toContain(pub.id);
    expect(await lobbyIds(cat, 'friends')).toEqual(expect.arrayContaining([pub.id, fr.id]));
    expect(await lobbyIds(cat, 'all')).toEqual(expect.arrayContaining([pub.id, fr.id]));
    expect(await lobbyIds(cat, 'public')).not.toContain(fr.id);
    expect(await lobbyIds(bob, 'mine')).toEqual(expect.arrayContaining([pub.id, fr.id, priv.id]));
    expect(await lobbyIds(bob, 'all')).toEqual(expect.arrayContaining([pub.id, fr.id, priv.id]));
  });

  it("lists the user's guild rooms under the guild tab", async () => {
    const gia = await someone('Gia');
    const gus = await someone('Gus');
    const guildId = await makeGuild(gia.user.id, [gus.user.id]);
    const room = await createRoom(app, gia, { visibility: 'friends', guildId });
    expect(await lobbyIds(gus, 'guild')).toContain(room.id);
    expect(await lobbyIds(gus, 'all')).toContain(room.id);
    expect(await lobbyIds(await someone('Sam'), 'guild')).not.toContain(room.id);
  });

  it('shows live member counts and what is playing', async () => {
    const { leader, room } = await roomLedBy('Ann');
    const viewer = await someone('Vic');
    const card = async () =>
      (await trpc<LobbyPage>(app, viewer.token, 'rooms.lobby', { tab: 'public' }, 'query')).data!.rooms.find(
        (r) => r.id === room.id,
      )!;
    expect(await card()).toMatchObject({
      memberCount: 1,
      maxMembers: 10,
      content: { platform: 'youtube', mediaId: 'dQw4w9WgXcQ' },
      leader: { id: leader.user.id },
    });
    const bob = await someone('Bob');
    await joined(bob, room.id);
    expect((await card()).memberCount).toBe(2);
    expectOk(await ack(bob.socket, 'room:leave', { roomId: room.id }));
    expect((await card()).memberCount).toBe(1);
  });

  it('lists a private room under mine for a member who is not its leader', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const ivy = await someone('Ivy');
    await joined(ivy, room.id, await inviteCode(app, leader.token, room.id));
    expect(await lobbyIds(ivy, 'mine')).toContain(room.id);
    expect(await lobbyIds(ivy, 'public')).not.toContain(room.id);
  });

  it('refuses a forged page cursor with a sentence', async () => {
    const ann = await someone('Ann');
    const result = await trpc(app, ann.token, 'rooms.lobby', { tab: 'all', cursor: 'not-a-cursor' }, 'query');
    expectTrpcRefusal(result, 'VALIDATION_FAILED', 400);
  });

  it('pages with a cursor without repeating a room', async () => {
    const owner = await someone('Pam');
    const made = [];
    for (let i = 0; i < 26; i += 1) made.push((await createRoom(app, owner, { name: `Room ${i}` })).id);
    const first = (await trpc<LobbyPage>(app, owner.token, 'rooms.lobby', { tab: 'mine' }, 'query')).data!;
    expect(first.rooms).toHaveLength(24);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await trpc<LobbyPage>(
        app,
        owner.token,
        'rooms.lobby',
        { tab: 'mine', cursor: first.nextCursor },
        'query',
      )
    ).data!;
    expect(second.nextCursor).toBeNull();
    expect([...first.rooms, ...second.rooms].map((r) => r.id).sort()).toEqual(made.sort());
  });
});

describe('invites over REST', () => {
  it('requires a signed-in user (401)', async () => {
    const { room } = await roomLedBy('Ann');
    expectHttpRefusal(await getInvite(app, null, room.id), 401, 'UNAUTHENTICATED');
    expectHttpRefusal(
      await postInviteUser(app, null, room.id, { userId: randomUUID() }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('gives the leader a multi-use code for an hour by default, with the link to share', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const response = await getInvite(app, leader.token, room.id);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { code: string; expires_in: number; url: string };
    expect(body.expires_in).toBe(3600);
    expect(body.code).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
    expect(body.url).toMatch(new RegExp(`^https?://[^/]+/invite/${body.code}$`));
    const { rows } = await database.db.execute<{ max_uses: number | null; seconds: number }>(sql`
      SELECT max_uses, extract(epoch FROM expires_at - created_at)::int AS seconds FROM room_invites WHERE code = ${body.code}`);
    expect(rows[0]).toEqual({ max_uses: null, seconds: 3600 });
  });

  it('makes single-use codes with the expiry asked for', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const response = await getInvite(app, leader.token, room.id, '?uses=single&expiresIn=600');
    expect(response.json()).toMatchObject({ expires_in: 600 });
    const { rows } = await database.db.execute<{ max_uses: number | null }>(
      sql`SELECT max_uses FROM room_invites WHERE code = ${(response.json() as { code: string }).code}`,
    );
    expect(rows[0]!.max_uses).toBe(1);
  });

  it('lets moderators invite, but not plain members (403 FORBIDDEN) nor outsiders (403 NOT_A_MEMBER)', async () => {
    const { leader, room } = await roomLedBy('Ann');
    const mo = await someone('Mo');
    const bob = await someone('Bob');
    await joined(mo, room.id);
    await joined(bob, room.id);
    expectHttpRefusal(await getInvite(app, bob.token, room.id), 403, 'FORBIDDEN');
    expectHttpRefusal(await getInvite(app, (await someone('Sam')).token, room.id), 403, 'NOT_A_MEMBER');
    expectOk(
      await ack(leader.socket, 'room:moderator', { roomId: room.id, userId: mo.user.id, moderator: true }),
    );
    expect((await getInvite(app, mo.token, room.id)).statusCode).toBe(200);
  });

  it('refuses a bad query or room id with 400 and a sentence, an unknown room with 404', async () => {
    const { leader, room } = await roomLedBy('Ann');
    expectHttpRefusal(await getInvite(app, leader.token, room.id, '?uses=triple'), 400, 'VALIDATION_FAILED');
    expect(
      expectHttpRefusal(
        await getInvite(app, leader.token, room.id, '?expiresIn=10'),
        400,
        'VALIDATION_FAILED',
      ),
    ).toBe('Invites work for at least a minute.');
    expect(
      expectHttpRefusal(
        await getInvite(app, leader.token, room.id, '?expiresIn=999999999'),
        400,
        'VALIDATION_FAILED',
      ),
    ).toBe('Invites work for at most 7 days.');
    expectHttpRefusal(
      await getInvite(app, leader.token, room.id, '?expiresIn=soon'),
      400,
      'VALIDATION_FAILED',
    );
    expect(
      expectHttpRefusal(await getInvite(app, leader.token, 'not-a-room'), 400, 'VALIDATION_FAILED'),
    ).toBe('That room link is not valid.');
    expectHttpRefusal(await getInvite(app, leader.token, randomUUID()), 404, 'ROOM_NOT_FOUND');
  });

  it('refuses invites to an inactive room', async () => {
    const { leader, room } = await roomLedBy('Ann');
    await database.db.execute(sql`UPDATE rooms SET is_active = false WHERE id = ${room.id}`);
    expectHttpRefusal(await getInvite(app, leader.token, room.id), 409, 'ROOM_INACTIVE');
  });
});

describe('inviting a friend', () => {
  it('creates a room_invite notification with a single-use code that opens a private room', async () => {
    const { leader, room } = await roomLedBy('Ann', { visibility: 'private' });
    const fay = await someone('Fay');
    await makeFriends(database.db, fay.user.id, leader.user.id);
    const global = await connected(openSocket(app, '/global', fay.token));
    sockets.push(global);
    const live = new Promise<{ type: string; userId: string; payload: { code: string } }>((resolve) =>
      global.once('notification', resolve),
    );

    const friends = await trpc<PersonView[]>(
      app,
      leader.token,
      'rooms.invitableFriends',
      { roomId: room.id },
      'query',
    );
    expect(friends.data!.map((f) => f.id)).toEqual([fay.user.id]);
    const response = await postInviteUser(app, leader.token, room.id, { userId: fay.user.id });
    expect(response.statusCode, response.body).toBe(201);

    const { rows } = await database.db.execute<{
      type: string;
      payload: Record<string, string>;
      read_at: Date | null;
    }>(sql`SELECT type, payload, read_at FROM notifications WHERE user_id = ${fay.user.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'room_invite',
      read_at: null,
      payload: { roomId: room.id, roomName: room.name, fromUserId: leader.user.id },
    });
    const code = rows[0]!.payload.code!;
    expect((await live).payload.code).toBe(code);

    await joined(fay, room.id, code);
    expect(await inviteUses(code)).toBe(1);
    expectRefusal(await join(await someone('Gus'), room.id, code), 'INVITE_INVALID');
    const after = await trpc<PersonView[]>(
      app,
      leader.token,
      'rooms.invitableFriends',
      { roomId: room.id },
      'query',
    );
    expect(after.data).toEqual([]);
  });

  it('refuses to invite someone who is not a friend (403 FORBIDDEN), and a malformed user id (400)', async () => {
    const { leader, room } = await roomLedBy('Ann');
    const sam = await someone('Sam');
    expectHttpRefusal(
      await postInviteUser(app, leader.token, room.id, { userId: sam.user.id }),
      403,
      'FORBIDDEN',
    );
    expect(
      expectHttpRefusal(
        await postInviteUser(app, leader.token, room.id, { userId: 'sam' }),
        400,
        'VALIDATION_FAILED',
      ),
    ).toBe('That person is not valid.');
    expectHttpRefusal(await postInviteUser(app, leader.token, room.id, {}), 400, 'VALIDATION_FAILED');
    const { rows } = await database.db.execute(
      sql`SELECT 1 FROM notifications WHERE user_id = ${sam.user.id}`,
    );
    expect(rows).toHaveLength(0);
  });

  it('refuses a plain member inviting their friend (403 FORBIDDEN)', async () => {
    const { room } = await roomLedBy('Ann');
    const bob = await someone('Bob');
    const bobsFriend = await someone('Bea');
    await makeFriends(database.db, bob.user.id, bobsFriend.user.id);
    await joined(bob, room.id);
    expectHttpRefusal(
      await postInviteUser(app, bob.token, room.id, { userId: bobsFriend.user.id }),
      403,
      'FORBIDDEN',
    );
  });
});
