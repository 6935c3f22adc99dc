import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type {
  AppNotification,
  BlockedUser,
  Friend,
  FriendActionResult,
  FriendRequests,
  Person,
  Presence,
  UserSearchResult,
} from '@wt/schemas';
import { createUser } from '../../../test/auth-helpers';
import { collect, friends, member, nextEvent, presenceOf, rowsBetween, setPrivacy, type Member } from '../../../test/friend-helpers';
import { createRoom, roomTestApp, trpc, type Person as RoomPerson } from '../../../test/room-helpers';

/*
 * Issue 6 item 1: the friends state machine (every transition and every refusal), requests both ways at
 * once, blocking and what it takes away (friendship, requests, invites, presence, search), search
 * privacy and the "who can friend you" policies, through the real tRPC procedures and /global sockets.
 */

const env = roomTestApp();

async function people(n: number): Promise<Member[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => member(env.app, env.database.db, `Friend ${i}`, env.sockets)));
}

async function befriend(a: Member, b: Member): Promise<void> {
  expect((await friends(env.app, a, 'send', { userId: b.user.id })).data).toEqual({ userId: b.user.id, state: 'request_sent' });
  expect((await friends(env.app, b, 'accept', { userId: a.user.id })).data).toEqual({ userId: a.user.id, state: 'friends' });
}

const list = (m: Member) => friends<Friend[]>(env.app, m, 'list', undefined, 'query');
const requests = (m: Member) => friends<FriendRequests>(env.app, m, 'requests', undefined, 'query');
const search = (m: Member, query: string) => friends<UserSearchResult[]>(env.app, m, 'search', { query }, 'query');
const stateIn = async (m: Member, other: Member) =>
  (await search(m, other.user.username)).data?.find((r) => r.person.id === other.user.id)?.state ?? 'absent';

describe('friend requests', () => {
  it('send, then accept: the receiver is notified, then the sender; both list each other as friends', async () => {
    const [ana, ben] = await people(2);
    const benNotified = nextEvent<AppNotification>(ben!.global!, 'notification', (n) => n.type === 'friend_request');
    const sent = await friends<FriendActionResult>(env.app, ana!, 'send', { userId: ben!.user.id });
    expect(sent.data).toEqual({ userId: ben!.user.id, state: 'request_sent' });
    expect((await benNotified).payload).toMatchObject({
      fromUserId: ana!.user.id,
      fromUsername: ana!.user.username,
      fromName: ana!.user.displayName,
    });

    expect((await requests(ana!)).data).toMatchObject({ incoming: [], outgoing: [{ person: { id: ben!.user.id } }] });
    expect((await requests(ben!)).data).toMatchObject({ incoming: [{ person: { id: ana!.user.id } }], outgoing: [] });
    expect(await stateIn(ana!, ben!)).toBe('request_sent');
    expect(await stateIn(ben!, ana!)).toBe('request_received');

    const anaNotified = nextEvent<AppNotification>(ana!.global!, 'notification', (n) => n.type === 'friend_accepted');
    // The new friend's presence arrives with the friendship: Ben is online (his /global socket is open).
    const anaSeesBen = nextEvent<Presence>(ana!.global!, 'presence', presenceOf(ben!.user.id, 'online'));
    expect((await friends(env.app, ben!, 'accept', { userId: ana!.user.id })).data).toEqual({ userId: ana!.user.id, state: 'friends' });
    expect((await anaNotified).payload).toMatchObject({ fromUserId: ben!.user.id, fromUsername: ben!.user.username });
    await anaSeesBen;

    expect((await list(ana!)).data).toMatchObject([{ person: { id: ben!.user.id }, presence: { status: 'online' } }]);
    expect((await list(ben!)).data).toMatchObject([{ person: { id: ana!.user.id }, presence: { status: 'online' } }]);
    expect((await requests(ben!)).data).toEqual({ incoming: [], outgoing: [] });
    expect(await rowsBetween(env.database.db, ana!.user.id, ben!.user.id)).toEqual([{ from: ana!.user.id, status: 'accepted' }]);
    expect(await stateIn(ana!, ben!)).toBe('friends');
  });

  it('sending back to someone who asked first accepts their request', async () => {
    const [ana, ben] = await people(2);
    await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    const anaNotified = nextEvent<AppNotification>(ana!.global!, 'notification', (n) => n.type === 'friend_accepted');
    expect((await friends(env.app, ben!, 'send', { userId: ana!.user.id })).data).toEqual({ userId: ana!.user.id, state: 'friends' });
    await anaNotified;
    expect(await rowsBetween(env.database.db, ana!.user.id, ben!.user.id)).toEqual([{ from: ana!.user.id, status: 'accepted' }]);
  });

  it('reject: the request leaves both lists, the sender is not told, and may ask again', async () => {
    const [ana, ben] = await people(2);
    await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    const anaHears = collect<AppNotification>(ana!.global!, 'notification', 400);
    expect((await friends(env.app, ben!, 'reject', { userId: ana!.user.id })).data).toEqual({ userId: ana!.user.id, state: 'none' });
    expect(await anaHears).toEqual([]);
    expect((await requests(ben!)).data).toEqual({ incoming: [], outgoing: [] });
    expect((await requests(ana!)).data).toEqual({ incoming: [], outgoing: [] });
    expect(await stateIn(ana!, ben!)).toBe('none');
    // Rejecting or accepting what is no longer pending is refused.
    expect((await friends(env.app, ben!, 'reject', { userId: ana!.user.id })).code).toBe('NOT_FOUND');
    expect((await friends(env.app, ben!, 'accept', { userId: ana!.user.id })).code).toBe('NOT_FOUND');
    expect((await friends(env.app, ana!, 'send', { userId: ben!.user.id })).data?.state).toBe('request_sent');
  });

  it('cancel: only the sender, only while pending', async () => {
    const [ana, ben] = await people(2);
    await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    // The receiver cannot cancel a request they did not send.
    expect((await friends(env.app, ben!, 'cancel', { userId: ana!.user.id })).code).toBe('NOT_FOUND');
    expect((await friends(env.app, ana!, 'cancel', { userId: ben!.user.id })).data).toEqual({ userId: ben!.user.id, state: 'none' });
    expect(await rowsBetween(env.database.db, ana!.user.id, ben!.user.id)).toEqual([]);
    const again = await friends(env.app, ana!, 'cancel', { userId: ben!.user.id });
    expect(again).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(again.message).toMatch(/not waiting any more/);
  });

  it('unfriend from either side deletes the friendship; the other sees them go offline', async () => {
    const [ana, ben] = await people(2);
    await befriend(ana!, ben!);
    const anaSeesBenGo = nextEvent<Presence>(ana!.global!, 'presence', presenceOf(ben!.user.id, 'offline'));
    expect((await friends(env.app, ben!, 'remove', { userId: ana!.user.id })).data).toEqual({ userId: ana!.user.id, state: 'none' });
    await anaSeesBenGo;
    expect(await rowsBetween(env.database.db, ana!.user.id, ben!.user.id)).toEqual([]);
    expect((await list(ana!)).data).toEqual([]);
    expect((await friends(env.app, ana!, 'remove', { userId: ben!.user.id })).code).toBe('NOT_FOUND');

    await befriend(ben!, ana!);
    expect((await friends(env.app, ana!, 'remove', { userId: ben!.user.id })).data?.state).toBe('none');
    expect(await rowsBetween(env.database.db, ana!.user.id, ben!.user.id)).toEqual([]);
  });

  it('refuses with a sentence and a stable code: yourself, nobody, friends, twice, bad input, signed out', async () => {
    const [ana, ben] = await people(2);
    const self = await friends(env.app, ana!, 'send', { userId: ana!.user.id });
    expect(self).toMatchObject({ status: 400, code: 'SELF' });
    expect(self.message).toMatch(/^That is you/);

    expect(await friends(env.app, ana!, 'send', { userId: randomUUID() })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const closed = await createUser(env.database.db);
    await env.database.db.execute(sql`UPDATE users SET deactivated_at = now() WHERE id = ${closed.id}`);
    expect(await friends(env.app, ana!, 'send', { userId: closed.id })).toMatchObject({ code: 'NOT_FOUND' });

    await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    const twice = await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    expect(twice).toMatchObject({ status: 409, code: 'REQUEST_PENDING' });
    expect(twice.message).toMatch(/already sent/);

    await friends(env.app, ben!, 'accept', { userId: ana!.user.id });
    for (const [from, to] of [
      [ana!, ben!],
      [ben!, ana!],
    ] as const) {
      const again = await friends(env.app, from, 'send', { userId: to.user.id });
      expect(again).toMatchObject({ status: 409, code: 'ALREADY_FRIENDS', message: 'You are already friends.' });
    }

    const bad = await friends(env.app, ana!, 'send', { userId: 'not-a-user' });
    expect(bad).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(bad.message).toContain('Choose someone.');

    const signedOut = await trpc(env.app, '', 'friends.send', { userId: ben!.user.id });
    expect(signedOut.status).toBe(401);
  });

  it('requests sent both ways at the same moment end in exactly one friendship', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [ana, ben] = await people(2);
      const [one, two] = await Promise.all([
        friends<FriendActionResult>(env.app, ana!, 'send', { userId: ben!.user.id }),
        friends<FriendActionResult>(env.app, ben!, 'send', { userId: ana!.user.id }),
      ]);
      expect([one.data?.state, two.data?.state].sort()).toEqual(['friends', 'request_sent']);
      const rows = await rowsBetween(env.database.db, ana!.user.id, ben!.user.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe('accepted');
    }
  });
});

describe('who can friend you', () => {
  it('nobody: every request is refused, but their own request can still be answered', async () => {
    const [ana, ben] = await people(2);
    await setPrivacy(env.database.db, ben!.user.id, { whoCanFriend: 'nobody' });
    const refused = await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    expect(refused).toMatchObject({ status: 403, code: 'NOT_ACCEPTING', message: 'This person is not accepting friend requests.' });
    // Ben asks Ana himself: Ana answering (by sending back or accepting) is not a stranger's request.
    await friends(env.app, ben!, 'send', { userId: ana!.user.id });
    expect((await friends(env.app, ana!, 'send', { userId: ben!.user.id })).data?.state).toBe('friends');
  });

  it('friends of friends: refused without a friend in common, allowed with one', async () => {
    const [ana, ben, cleo] = await people(3);
    await setPrivacy(env.database.db, ben!.user.id, { whoCanFriend: 'friends_of_friends' });
    const refused = await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    expect(refused).toMatchObject({ code: 'NOT_ACCEPTING' });
    expect(refused.message).toMatch(/friends of their friends/);
    await befriend(ana!, cleo!);
    // Ben's policy is about who asks him: he can ask Cleo, and then Ana shares a friend with him.
    await befriend(ben!, cleo!);
    expect((await friends(env.app, ana!, 'send', { userId: ben!.user.id })).data?.state).toBe('request_sent');
  });
});

describe('blocking', () => {
  it('ends the friendship and pending requests both ways, and neither can ask again', async () => {
    const [ana, ben, cleo] = await people(3);
    await befriend(ana!, ben!);
    await friends(env.app, cleo!, 'send', { userId: ana!.user.id });

    const benSeesAnaGo = nextEvent<Presence>(ben!.global!, 'presence', presenceOf(ana!.user.id, 'offline'));
    expect((await friends(env.app, ana!, 'block', { userId: ben!.user.id })).data).toEqual({ userId: ben!.user.id, state: 'blocked' });
    await benSeesAnaGo;
    expect((await friends(env.app, ana!, 'block', { userId: cleo!.user.id })).data?.state).toBe('blocked');
    expect(await rowsBetween(env.database.db, ana!.user.id, ben!.user.id)).toEqual([]);
    expect(await rowsBetween(env.database.db, ana!.user.id, cleo!.user.id)).toEqual([]);
    expect((await list(ben!)).data).toEqual([]);
    expect((await requests(ana!)).data).toEqual({ incoming: [], outgoing: [] });

    const fromBlocked = await friends(env.app, ben!, 'send', { userId: ana!.user.id });
    expect(fromBlocked).toMatchObject({ status: 403, code: 'BLOCKED' });
    const fromBlocker = await friends(env.app, ana!, 'send', { userId: ben!.user.id });
    expect(fromBlocker).toMatchObject({ status: 403, code: 'BLOCKED', message: 'You blocked this person. Unblock them first.' });
    expect(await friends(env.app, ana!, 'block', { userId: ana!.user.id })).toMatchObject({ code: 'SELF' });

    const blocked = await friends<BlockedUser[]>(env.app, ana!, 'blocked', undefined, 'query');
    expect(blocked.data?.map((b) => b.person.id).sort()).toEqual([ben!.user.id, cleo!.user.id].sort());
    expect((await friends<BlockedUser[]>(env.app, ben!, 'blocked', undefined, 'query')).data).toEqual([]);
  });

  it('hides the blocker from the blocked person in search, and shows the blocked one to the blocker', async () => {
    const [ana, ben] = await people(2);
    await friends(env.app, ana!, 'block', { userId: ben!.user.id });
    expect(await stateIn(ben!, ana!)).toBe('absent');
    expect((await search(ben!, ana!.user.displayName)).data?.some((r) => r.person.id === ana!.user.id)).toBe(false);
    expect(await stateIn(ana!, ben!)).toBe('blocked');
  });

  it('stops room invites both ways, with a sentence, and hides them from the invite picker', async () => {
    const [ana, ben] = await people(2);
    await befriend(ana!, ben!);
    const asRoomPerson = (m: Member) => ({ user: m.user, token: m.token }) as RoomPerson;
    const room = await createRoom(env.app, asRoomPerson(ana!), { visibility: 'public' });
    const invitable = () => trpc<Person[]>(env.app, ana!.token, 'rooms.invitableFriends', { roomId: room.id }, 'query');
    expect((await invitable()).data?.map((p) => p.id)).toEqual([ben!.user.id]);

    await friends(env.app, ben!, 'block', { userId: ana!.user.id });
    const invite = await env.app.inject({
      method: 'POST',
      url: `/api/rooms/${room.id}/invite-user`,
      headers: { authorization: `Bearer ${ana!.token}` },
      payload: { userId: ben!.user.id },
    });
    expect(invite.statusCode).toBe(403);
    expect(invite.json()).toEqual({
      error: { code: 'FORBIDDEN', message: 'You cannot invite this person: one of you has blocked the other.' },
    });
    expect((await invitable()).data).toEqual([]);
    const { rows } = await env.database.db.execute(
      sql`SELECT 1 FROM notifications WHERE user_id = ${ben!.user.id} AND type = 'room_invite'`,
    );
    expect(rows).toEqual([]);
  });

  it('unblock lets them meet again; unblocking someone not blocked is refused', async () => {
    const [ana, ben] = await people(2);
    await friends(env.app, ana!, 'block', { userId: ben!.user.id });
    await friends(env.app, ben!, 'block', { userId: ana!.user.id });
    // Both blocked: Ana lifting hers still leaves Ben's.
    expect((await friends(env.app, ana!, 'unblock', { userId: ben!.user.id })).data).toEqual({ userId: ben!.user.id, state: 'blocked_by' });
    expect((await friends(env.app, ana!, 'unblock', { userId: ben!.user.id })).code).toBe('NOT_FOUND');
    expect((await friends(env.app, ben!, 'unblock', { userId: ana!.user.id })).data?.state).toBe('none');
    expect((await friends(env.app, ana!, 'send', { userId: ben!.user.id })).data?.state).toBe('request_sent');
  });
});

describe('user search', () => {
  it('finds by username or display name, any case, anywhere in the name; never yourself', async () => {
    const tag = randomUUID().slice(0, 6);
    const db = env.database.db;
    const [ana] = await people(1);
    const byName = await createUser(db, { username: `zed_${tag}`, displayName: `Quiet ${tag.toUpperCase()} Fox` });
    const byUsername = await createUser(db, { username: `${tag}_movies`, displayName: 'Someone' });

    const found = (await search(ana!, tag.toUpperCase())).data!;
    const ids = found.map((r) => r.person.id);
    expect(ids).toContain(byName.id);
    expect(ids).toContain(byUsername.id);
    // Name prefixes first: "<tag>_movies" starts with the query.
    expect(ids[0]).toBe(byUsername.id);
    expect(found.every((r) => r.state === 'none')).toBe(true);
    expect((await search(ana!, ana!.user.username)).data?.some((r) => r.person.id === ana!.user.id)).toBe(false);
  });

  it('hides people who turned searchable off', async () => {
    const tag = randomUUID().slice(0, 8);
    const [ana] = await people(1);
    const hidden = await createUser(env.database.db, { username: `hid_${tag}` });
    expect((await search(ana!, `hid_${tag}`)).data?.map((r) => r.person.id)).toEqual([hidden.id]);
    await setPrivacy(env.database.db, hidden.id, { searchable: false });
    expect((await search(ana!, `hid_${tag}`)).data).toEqual([]);
  });

  it('returns at most 20, treats % and _ literally, and refuses a query under 2 characters', async () => {
    const tag = randomUUID().slice(0, 5);
    const [ana] = await people(1);
    for (let i = 0; i < 22; i += 1) await createUser(env.database.db, { username: `many${tag}${i}` });
    expect((await search(ana!, `many${tag}`)).data).toHaveLength(20);
    expect((await search(ana!, '%%')).data).toEqual([]);
    const short = await search(ana!, 'a');
    expect(short).toMatchObject({ status: 400 });
    expect(short.message).toContain('Type at least 2 characters.');
  });
});
