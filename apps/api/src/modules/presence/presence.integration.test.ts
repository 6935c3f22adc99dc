import { describe, expect, it } from 'vitest';
import type { Presence, RoomVisibility } from '@wt/schemas';
import {
  collect,
  friends,
  member,
  nextEvent,
  offlineMember,
  openGlobal,
  openRooms,
  presenceOf,
  setPrivacy,
  type Member,
} from '../../../test/friend-helpers';
import { ack, createRoom, makeFriends, roomTestApp, type Person as RoomPerson } from '../../../test/room-helpers';

/*
 * Issue 6 item 2 on one instance (in-memory presence): online while a socket is connected, watching
 * while in a room (named only to friends who may see the room), privacy.presence 'nobody', blocks, and
 * strangers who never hear a thing.
 */

const env = roomTestApp();
const db = () => env.database.db;

async function friendsOf(...pairs: [Member, Member][]): Promise<void> {
  for (const [a, b] of pairs) await makeFriends(db(), a.user.id, b.user.id);
}

const presenceList = (m: Member) => friends<Presence[]>(env.app, m, 'presence', undefined, 'query');
const seenBy = async (viewer: Member, subject: Member) =>
  (await presenceList(viewer)).data?.find((p) => p.userId === subject.user.id);

async function roomOf(leader: Member, visibility: RoomVisibility, name: string) {
  return createRoom(env.app, { user: leader.user, token: leader.token } as RoomPerson, { visibility, name });
}

async function inviteCode(leader: Member, roomId: string): Promise<string> {
  const response = await env.app.inject({
    method: 'GET',
    url: `/api/rooms/${roomId}/invite?uses=multi&expiresIn=3600`,
    headers: { authorization: `Bearer ${leader.token}` },
  });
  return (response.json() as { code: string }).code;
}

describe('presence on /global', () => {
  it('a friend comes online with a socket and goes offline with the last one; strangers hear nothing', async () => {
    const ana = await member(env.app, db(), 'Ana', env.sockets);
    const stranger = await member(env.app, db(), 'Stranger', env.sockets);
    const ben = await offlineMember(env.app, db(), 'Ben');
    await friendsOf([ana, ben]);
    expect(await seenBy(ana, ben)).toEqual({ userId: ben.user.id, status: 'offline', room: null });

    const strangerHears = collect<Presence>(stranger.global!, 'presence', 1500);
    const online = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id));
    const tab1 = await openGlobal(env.app, ben, env.sockets);
    expect(await online).toEqual({ userId: ben.user.id, status: 'online', room: null });
    expect(await seenBy(ana, ben)).toMatchObject({ status: 'online' });

    // A second tab, then closing the first: still online, nothing to announce.
    const tab2 = await openGlobal(env.app, ben, env.sockets);
    const quiet = collect<Presence>(ana.global!, 'presence', 500);
    tab1.disconnect();
    expect(await quiet).toEqual([]);
    expect(await seenBy(ana, ben)).toMatchObject({ status: 'online' });

    const offline = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id));
    tab2.disconnect();
    expect(await offline).toEqual({ userId: ben.user.id, status: 'offline', room: null });
    expect(await strangerHears).toEqual([]);
    // Presence is for friends: a stranger's list has nobody in it.
    expect((await presenceList(stranger)).data).toEqual([]);
  });

  it('watching: the room is named to a friend who may see it, and unnamed to one who may not', async () => {
    const ana = await member(env.app, db(), 'Ana', env.sockets);
    const eve = await member(env.app, db(), 'Eve', env.sockets);
    const leader = await member(env.app, db(), 'Lea', env.sockets);
    const ben = await member(env.app, db(), 'Ben', env.sockets);
    // Ana and Eve are Ben's friends; the friends room's leader is a friend of Ana's and Ben's, not Eve's.
    await friendsOf([ana, ben], [eve, ben], [leader, ben], [leader, ana]);
    const benRooms = await openRooms(env.app, ben, env.sockets);

    const publicRoom = await roomOf(leader, 'public', 'Public night');
    const anaSeesPublic = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'watching'));
    const eveSeesPublic = nextEvent<Presence>(eve.global!, 'presence', presenceOf(ben.user.id, 'watching'));
    expect(await ack(benRooms, 'room:join', { roomId: publicRoom.id })).toMatchObject({ ok: true });
    expect((await anaSeesPublic).room).toEqual({ id: publicRoom.id, name: 'Public night' });
    expect((await eveSeesPublic).room).toEqual({ id: publicRoom.id, name: 'Public night' });

    const backOnline = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'online'));
    expect(await ack(benRooms, 'room:leave', { roomId: publicRoom.id })).toMatchObject({ ok: true });
    await backOnline;

    const friendsRoom = await roomOf(leader, 'friends', 'Friends only');
    const anaSeesFriends = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'watching'));
    const eveSeesFriends = nextEvent<Presence>(eve.global!, 'presence', presenceOf(ben.user.id, 'watching'));
    expect(await ack(benRooms, 'room:join', { roomId: friendsRoom.id })).toMatchObject({ ok: true });
    expect((await anaSeesFriends).room).toEqual({ id: friendsRoom.id, name: 'Friends only' });
    expect((await eveSeesFriends).room).toBeNull();
    expect(await seenBy(eve, ben)).toEqual({ userId: ben.user.id, status: 'watching', room: null });
    expect(await seenBy(ana, ben)).toMatchObject({ status: 'watching', room: { id: friendsRoom.id } });
    await ack(benRooms, 'room:leave', { roomId: friendsRoom.id });

    // A private room: only its members (and leader) see which one it is.
    const privateRoom = await roomOf(leader, 'private', 'Secret');
    const code = await inviteCode(leader, privateRoom.id);
    const leaderRooms = await openRooms(env.app, leader, env.sockets);
    expect(await ack(leaderRooms, 'room:join', { roomId: privateRoom.id })).toMatchObject({ ok: true });
    const anaSeesPrivate = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'watching'));
    const leaderSeesPrivate = nextEvent<Presence>(leader.global!, 'presence', presenceOf(ben.user.id, 'watching'));
    expect(await ack(benRooms, 'room:join', { roomId: privateRoom.id, inviteCode: code })).toMatchObject({ ok: true });
    expect((await anaSeesPrivate).room).toBeNull();
    expect((await leaderSeesPrivate).room).toEqual({ id: privateRoom.id, name: 'Secret' });

    // Disconnecting from the room's socket ends "watching" at once (the seat's grace is the room's business).
    const notWatching = nextEvent<Presence>(ana.global!, 'presence', presenceOf(ben.user.id, 'online'));
    benRooms.disconnect();
    await notWatching;
  });

  it("privacy.presence 'nobody': friends see offline, on the list and live", async () => {
    const ana = await member(env.app, db(), 'Ana', env.sockets);
    const ben = await offlineMember(env.app, db(), 'Ben');
    await friendsOf([ana, ben]);
    await setPrivacy(db(), ben.user.id, { presence: 'nobody' });
    const heard = collect<Presence>(ana.global!, 'presence', 1200);
    await openGlobal(env.app, ben, env.sockets);
    const room = await roomOf(ana, 'public', 'Open');
    const benRooms = await openRooms(env.app, ben, env.sockets);
    expect(await ack(benRooms, 'room:join', { roomId: room.id })).toMatchObject({ ok: true });
    expect(await seenBy(ana, ben)).toEqual({ userId: ben.user.id, status: 'offline', room: null });
    const events = await heard;
    expect(events.filter((p) => p.userId === ben.user.id && p.status !== 'offline')).toEqual([]);
  });

  it('a block: the blocked person stops hearing the blocker and no longer has them in the list', async () => {
    const ana = await offlineMember(env.app, db(), 'Ana');
    const ben = await member(env.app, db(), 'Ben', env.sockets);
    await friendsOf([ana, ben]);
    const anaSocket = await openGlobal(env.app, ana, env.sockets);
    ana.global = anaSocket;
    // The block itself hides Ana from Ben at once...
    const hidden = nextEvent<Presence>(ben.global!, 'presence', presenceOf(ana.user.id, 'offline'));
    await friends(env.app, ana, 'block', { userId: ben.user.id });
    await hidden;
    // ...and her comings and goings after it never reach him.
    const heard = collect<Presence>(ben.global!, 'presence', 800);
    anaSocket.disconnect();
    await openGlobal(env.app, ana, env.sockets);
    expect((await heard).filter((p) => p.userId === ana.user.id)).toEqual([]);
    expect(await seenBy(ben, ana)).toBeUndefined();
  });
});
