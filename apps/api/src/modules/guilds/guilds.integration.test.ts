import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { AppNotification, GuildDetail, GuildDirectory, MyGuild } from '@wt/schemas';
import { guildAck, guildPerson, guilds, ok, openGuilds, refused, type GuildPerson } from '../../../test/guild-helpers';
import { nextEvent, openGlobal } from '../../../test/friend-helpers';
import { expectHttpRefusal } from '../../../test/room-expect';
import { createRoom, roomTestApp } from '../../../test/room-helpers';

/*
 * Issue 8: every guild permission through the real tRPC procedures (allowed and refused), the 10-member
 * cap under concurrent joins, one guild per person under concurrent joins, invites and join requests,
 * ownership transfer, leaving, disbanding (members freed, rooms unlinked, history kept), the avatar
 * through the storage port, and guild chat on /guilds.
 */

const env = roomTestApp();
const db = () => env.database.db;

let counter = 0;
const uniqueName = (base: string) => `${base} ${++counter}${Date.now().toString(36).slice(-4)}`;

async function people(n: number): Promise<GuildPerson[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => guildPerson(env.app, db(), `Guildie ${i}`)));
}

async function guildOf(leader: GuildPerson, options: { isPublic?: boolean; name?: string } = {}): Promise<GuildDetail> {
  return ok(await guilds(env.app, leader, 'create', { name: options.name ?? uniqueName('Night Owls'), description: 'We watch late.', isPublic: options.isPublic ?? true }));
}

/** A guild with a leader, an officer and `members` plain members. */
async function crew(members = 1, isPublic = true) {
  const [leader, officer, ...rest] = await people(2 + members);
  const guild = await guildOf(leader!, { isPublic });
  for (const p of [officer!, ...rest]) {
    ok(await guilds(env.app, leader!, 'invite', { guildId: guild.id, userId: p.user.id }));
    ok(await guilds(env.app, p, 'acceptInvite', { guildId: guild.id }));
  }
  ok(await guilds(env.app, leader!, 'setRole', { guildId: guild.id, userId: officer!.user.id, role: 'officer' }));
  return { guild, leader: leader!, officer: officer!, members: rest };
}

const get = async (p: GuildPerson, guildId: string) => ok(await guilds(env.app, p, 'get', { guildId }, 'query'));
const rolesOf = (g: GuildDetail) => Object.fromEntries(g.members.map((m) => [m.id, m.role]));

async function memberships(userId: string) {
  const { rows } = await db().execute<{ guild_id: string; left_at: Date | null }>(
    sql`SELECT guild_id, left_at FROM guild_memberships WHERE user_id = ${userId} ORDER BY joined_at`,
  );
  return rows;
}

describe('creating a guild', () => {
  it('makes the creator its leader; the name is unique whatever its case', async () => {
    const [ann, ben] = await people(2);
    const name = uniqueName('Couch Potatoes');
    const guild = await guildOf(ann!, { name });
    expect(guild).toMatchObject({ name, description: 'We watch late.', isPublic: true, memberCount: 1, maxMembers: 10, myRole: 'leader' });
    expect(guild.members).toMatchObject([{ id: ann!.user.id, role: 'leader' }]);
    expect(await memberships(ann!.user.id)).toMatchObject([{ guild_id: guild.id, left_at: null }]);

    refused(await guilds(env.app, ben!, 'create', { name: name.toUpperCase() }), 'NAME_TAKEN', 409);
  });

  it('refuses a second guild, and names that are not names', async () => {
    const [ann] = await people(1);
    await guildOf(ann!);
    refused(await guilds(env.app, ann!, 'create', { name: uniqueName('Second') }), 'ALREADY_IN_GUILD', 409);
    for (const name of ['ab', '  ', '<script>', 'x'.repeat(40)]) {
      const call = await guilds(env.app, (await people(1))[0]!, 'create', { name });
      expect(call.status).toBe(400);
      expect(call.message).toMatch(/Guild names|name/);
    }
  });

  it('lets only the leader edit it', async () => {
    const { guild, leader, officer, members } = await crew();
    refused(await guilds(env.app, officer, 'update', { guildId: guild.id, description: 'Hijacked' }), 'FORBIDDEN', 403);
    refused(await guilds(env.app, members[0]!, 'update', { guildId: guild.id, isPublic: false }), 'FORBIDDEN', 403);
    const edited = ok(await guilds(env.app, leader, 'update', { guildId: guild.id, description: 'Fridays at nine.', isPublic: false }));
    expect(edited).toMatchObject({ description: 'Fridays at nine.', isPublic: false });
  });

  it('finds guilds by name in the directory', async () => {
    const [ann] = await people(1);
    const name = uniqueName('Zebra Crossing');
    await guildOf(ann!, { name });
    const found = ok(await guilds<GuildDirectory>(env.app, ann!, 'directory', { query: 'zebra cross' }, 'query'));
    expect(found.guilds.map((g) => g.name)).toContain(name);
    const none = ok(await guilds<GuildDirectory>(env.app, ann!, 'directory', { query: '%' }, 'query'));
    expect(none.guilds.map((g) => g.name)).not.toContain(name);
  });
});

describe('joining', () => {
  it('joins a public guild directly; a private one only by invite or an approved request', async () => {
    const [lead, pub, priv, asker] = await people(4);
    const open = await guildOf(lead!);
    expect(ok(await guilds(env.app, pub!, 'join', { guildId: open.id })).myRole).toBe('member');

    const [lead2] = await people(1);
    const closed = await guildOf(lead2!, { isPublic: false });
    refused(await guilds(env.app, priv!, 'join', { guildId: closed.id }), 'GUILD_PRIVATE', 403);
    refused(await guilds(env.app, priv!, 'acceptInvite', { guildId: closed.id }), 'NOT_INVITED', 403);

    const leadHears = nextEvent<AppNotification>(await openGlobal(env.app, lead2!, env.sockets), 'notification', (n) => n.type === 'guild_invite');
    expect(ok(await guilds(env.app, asker!, 'requestJoin', { guildId: closed.id, message: 'Big fan of your Friday nights.' })).requestedByMe).toBe(true);
    expect((await leadHears).payload).toMatchObject({ kind: 'request', guildId: closed.id, fromUserId: asker!.user.id });
    refused(await guilds(env.app, asker!, 'requestJoin', { guildId: closed.id }), 'REQUEST_PENDING', 409);
    const seen = await get(lead2!, closed.id);
    expect(seen.requests).toMatchObject([{ id: asker!.user.id, message: 'Big fan of your Friday nights.' }]);
    // Others do not see who asked.
    expect((await get(priv!, closed.id)).requests).toEqual([]);

    const approved = ok(await guilds(env.app, lead2!, 'approveRequest', { guildId: closed.id, userId: asker!.user.id }));
    expect(rolesOf(approved)[asker!.user.id]).toBe('member');
    refused(await guilds(env.app, lead2!, 'approveRequest', { guildId: closed.id, userId: asker!.user.id }), 'NO_REQUEST', 404);
  });

  it('refuses a second guild, and asking a public guild', async () => {
    const [a, b, joiner] = await people(3);
    const first = await guildOf(a!);
    const second = await guildOf(b!);
    ok(await guilds(env.app, joiner!, 'join', { guildId: first.id }));
    refused(await guilds(env.app, joiner!, 'join', { guildId: second.id }), 'ALREADY_IN_GUILD', 409);
    refused(await guilds(env.app, joiner!, 'requestJoin', { guildId: second.id }), 'ALREADY_IN_GUILD', 409);
    const [loner] = await people(1);
    refused(await guilds(env.app, loner!, 'requestJoin', { guildId: second.id }), 'VALIDATION_FAILED', 400);
  });

  it('holds ten members when twelve people join at once, and refuses the rest with GUILD_FULL', async () => {
    const [lead] = await people(1);
    const guild = await guildOf(lead!);
    const seven = await people(7);
    for (const p of seven) ok(await guilds(env.app, p, 'join', { guildId: guild.id }));
    const crowd = await people(12);
    const answers = await Promise.all(crowd.map((p) => guilds(env.app, p, 'join', { guildId: guild.id })));
    expect(answers.filter((a) => a.data).length).toBe(2);
    for (const refusal of answers.filter((a) => !a.data)) refused(refusal, 'GUILD_FULL', 409);
    const { rows } = await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM guild_members WHERE guild_id = ${guild.id}`);
    expect(rows[0]!.n).toBe(10);
    // Full also stops invites.
    refused(await guilds(env.app, lead!, 'invite', { guildId: guild.id, userId: crowd[11]!.user.id }), 'GUILD_FULL', 409);
  });

  it('lets one person who joins two guilds at once into exactly one', async () => {
    const leads = await people(4);
    const all = await Promise.all(leads.map((l) => guildOf(l)));
    const [eager] = await people(1);
    const answers = await Promise.all(all.map((g) => guilds(env.app, eager!, 'join', { guildId: g.id })));
    expect(answers.filter((a) => a.data).length).toBe(1);
    for (const refusal of answers.filter((a) => !a.data)) refused(refusal, 'ALREADY_IN_GUILD', 409);
    expect((await memberships(eager!.user.id)).filter((m) => m.left_at === null)).toHaveLength(1);
  });
});

describe('invites', () => {
  it('officers and the leader invite; members cannot; the invitee hears it and may decline', async () => {
    const { guild, leader, officer, members } = await crew(1, false);
    const [zoe, yan] = await people(2);
    refused(await guilds(env.app, members[0]!, 'invite', { guildId: guild.id, userId: zoe!.user.id }), 'FORBIDDEN', 403);

    const zoeHears = nextEvent<AppNotification>(await openGlobal(env.app, zoe!, env.sockets), 'notification', (n) => n.type === 'guild_invite');
    const seen = ok(await guilds(env.app, officer, 'invite', { guildId: guild.id, userId: zoe!.user.id }));
    expect(seen.invites.map((i) => i.id)).toEqual([zoe!.user.id]);
    expect((await zoeHears).payload).toMatchObject({ kind: 'invite', guildId: guild.id, guildName: guild.name, fromUserId: officer.user.id });
    refused(await guilds(env.app, leader, 'invite', { guildId: guild.id, userId: zoe!.user.id }), 'ALREADY_INVITED', 409);
    const mine = ok(await guilds<MyGuild>(env.app, zoe!, 'mine', undefined, 'query'));
    expect(mine.invites).toMatchObject([{ id: guild.id, invitedBy: { id: officer.user.id } }]);
    expect(ok(await guilds<MyGuild>(env.app, zoe!, 'declineInvite', { guildId: guild.id })).invites).toEqual([]);
    refused(await guilds(env.app, zoe!, 'acceptInvite', { guildId: guild.id }), 'NOT_INVITED', 403);

    ok(await guilds(env.app, leader, 'invite', { guildId: guild.id, userId: yan!.user.id }));
    refused(await guilds(env.app, members[0]!, 'revokeInvite', { guildId: guild.id, userId: yan!.user.id }), 'FORBIDDEN', 403);
    expect(ok(await guilds(env.app, officer, 'revokeInvite', { guildId: guild.id, userId: yan!.user.id })).invites).toEqual([]);
    refused(await guilds(env.app, yan!, 'acceptInvite', { guildId: guild.id }), 'NOT_INVITED', 403);
  });

  it('refuses inviting someone in another guild, yourself, or someone who blocked you', async () => {
    const { guild, leader } = await crew(0);
    const [other, blocker] = await people(2);
    await guildOf(other!);
    refused(await guilds(env.app, leader, 'invite', { guildId: guild.id, userId: other!.user.id }), 'ALREADY_IN_GUILD', 409);
    refused(await guilds(env.app, leader, 'invite', { guildId: guild.id, userId: leader.user.id }), 'VALIDATION_FAILED', 400);
    await db().execute(sql`INSERT INTO user_blocks (blocker_id, blocked_id) VALUES (${blocker!.user.id}, ${leader.user.id})`);
    refused(await guilds(env.app, leader, 'invite', { guildId: guild.id, userId: blocker!.user.id }), 'BLOCKED', 403);
  });

  it('only officers and the leader answer join requests', async () => {
    const { guild, officer, members } = await crew(1, false);
    const [asker, other] = await people(2);
    ok(await guilds(env.app, asker!, 'requestJoin', { guildId: guild.id }));
    refused(await guilds(env.app, members[0]!, 'approveRequest', { guildId: guild.id, userId: asker!.user.id }), 'FORBIDDEN', 403);
    refused(await guilds(env.app, members[0]!, 'declineRequest', { guildId: guild.id, userId: asker!.user.id }), 'FORBIDDEN', 403);
    expect(ok(await guilds(env.app, officer, 'declineRequest', { guildId: guild.id, userId: asker!.user.id })).requests).toEqual([]);
    ok(await guilds(env.app, other!, 'requestJoin', { guildId: guild.id }));
    expect(ok(await guilds(env.app, other!, 'cancelRequest', { guildId: guild.id })).requestedByMe).toBe(false);
  });
});

describe('roles', () => {
  it('kicks: the leader anyone, an officer members only, a member nobody; the leader never', async () => {
    const { guild, leader, officer, members } = await crew(3);
    const [m1, m2, m3] = members;
    refused(await guilds(env.app, m1!, 'kick', { guildId: guild.id, userId: m2!.user.id }), 'FORBIDDEN', 403);
    refused(await guilds(env.app, officer, 'kick', { guildId: guild.id, userId: leader.user.id }), 'CANNOT_KICK', 403);
    refused(await guilds(env.app, leader, 'kick', { guildId: guild.id, userId: leader.user.id }), 'CANNOT_KICK', 403);

    const m1Socket = await openGuilds(env.app, m1!, env.sockets);
    expect((await guildAck(m1Socket, 'guild:open', { guildId: guild.id })).ok).toBe(true);
    const told = nextEvent<{ guildId: string; reason: string }>(m1Socket, 'guild:removed');
    const after = ok(await guilds(env.app, officer, 'kick', { guildId: guild.id, userId: m1!.user.id }));
    expect(rolesOf(after)[m1!.user.id]).toBeUndefined();
    expect(await told).toEqual({ guildId: guild.id, reason: 'kicked' });
    // Kicked: no more chat, and the membership has ended (its watch time stays with the guild).
    expect(await guildAck(m1Socket, 'chat:message', { guildId: guild.id, content: 'Let me back in' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MEMBER' },
    });
    expect((await memberships(m1!.user.id))[0]!.left_at).not.toBeNull();
    // A kick is not undone by joining again (the guild is public): an invite is needed.
    refused(await guilds(env.app, m1!, 'join', { guildId: guild.id }), 'KICKED', 403);
    ok(await guilds(env.app, officer, 'invite', { guildId: guild.id, userId: m1!.user.id }));
    ok(await guilds(env.app, m1!, 'acceptInvite', { guildId: guild.id }));
    ok(await guilds(env.app, officer, 'kick', { guildId: guild.id, userId: m1!.user.id }));

    // An officer cannot remove another officer; the leader can.
    ok(await guilds(env.app, leader, 'setRole', { guildId: guild.id, userId: m2!.user.id, role: 'officer' }));
    refused(await guilds(env.app, officer, 'kick', { guildId: guild.id, userId: m2!.user.id }), 'CANNOT_KICK', 403);
    ok(await guilds(env.app, leader, 'kick', { guildId: guild.id, userId: m2!.user.id }));
    refused(await guilds(env.app, officer, 'kick', { guildId: guild.id, userId: m2!.user.id }), 'NOT_MEMBER', 403);
    expect(rolesOf(await get(leader, guild.id))[m3!.user.id]).toBe('member');
  });

  it('promotes and demotes: the leader only', async () => {
    const { guild, leader, officer, members } = await crew(1);
    const [m1] = members;
    refused(await guilds(env.app, officer, 'setRole', { guildId: guild.id, userId: m1!.user.id, role: 'officer' }), 'FORBIDDEN', 403);
    refused(await guilds(env.app, m1!, 'setRole', { guildId: guild.id, userId: m1!.user.id, role: 'officer' }), 'FORBIDDEN', 403);
    expect(rolesOf(ok(await guilds(env.app, leader, 'setRole', { guildId: guild.id, userId: m1!.user.id, role: 'officer' })))[m1!.user.id]).toBe('officer');
    expect(rolesOf(ok(await guilds(env.app, leader, 'setRole', { guildId: guild.id, userId: officer.user.id, role: 'member' })))[officer.user.id]).toBe('member');
    refused(await guilds(env.app, leader, 'setRole', { guildId: guild.id, userId: leader.user.id, role: 'member' }), 'VALIDATION_FAILED', 400);
    const bad = await guilds(env.app, leader, 'setRole', { guildId: guild.id, userId: m1!.user.id, role: 'leader' });
    expect(bad.status).toBe(400);
  });

  it('transfers the leadership: the leader only; the old leader stays as an officer and may then leave', async () => {
    const { guild, leader, officer, members } = await crew(1);
    const [m1] = members;
    refused(await guilds(env.app, officer, 'transfer', { guildId: guild.id, userId: m1!.user.id }), 'FORBIDDEN', 403);
    refused(await guilds(env.app, leader, 'leave', { guildId: guild.id }), 'LEADER_MUST_TRANSFER', 403);
    const after = ok(await guilds(env.app, leader, 'transfer', { guildId: guild.id, userId: m1!.user.id }));
    expect(rolesOf(after)).toMatchObject({ [m1!.user.id]: 'leader', [leader.user.id]: 'officer', [officer.user.id]: 'officer' });
    expect(after.leader.id).toBe(m1!.user.id);
    const { rows } = await db().execute<{ owner_id: string }>(sql`SELECT owner_id FROM guilds WHERE id = ${guild.id}`);
    expect(rows[0]!.owner_id).toBe(m1!.user.id);
    // The new leader's powers, and the old leader's lack of them.
    refused(await guilds(env.app, leader, 'disband', { guildId: guild.id, confirmName: guild.name }), 'FORBIDDEN', 403);
    expect(ok(await guilds<MyGuild>(env.app, leader, 'leave', { guildId: guild.id })).guild).toBeNull();
    expect((await memberships(leader.user.id))[0]!.left_at).not.toBeNull();
  });

  it('lets members leave and join another guild', async () => {
    const { guild, members } = await crew(1);
    const [other] = await people(1);
    const elsewhere = await guildOf(other!);
    refused(await guilds(env.app, members[0]!, 'join', { guildId: elsewhere.id }), 'ALREADY_IN_GUILD', 409);
    ok(await guilds<MyGuild>(env.app, members[0]!, 'leave', { guildId: guild.id }));
    ok(await guilds(env.app, members[0]!, 'join', { guildId: elsewhere.id }));
    refused(await guilds(env.app, members[0]!, 'leave', { guildId: guild.id }), 'NOT_MEMBER', 403);
  });
});

describe('disbanding', () => {
  it('the leader only, with the name typed; members are freed, rooms unlinked, chat and the row kept', async () => {
    const { guild, leader, officer, members } = await crew(1);
    const room = await createRoom(env.app, { token: leader.token } as never, { guildId: guild.id, visibility: 'friends' });
    expect(room.guild?.id).toBe(guild.id);
    const chat = await openGuilds(env.app, officer, env.sockets);
    expect((await guildAck(chat, 'guild:open', { guildId: guild.id })).ok).toBe(true);
    expect((await guildAck(chat, 'chat:message', { guildId: guild.id, content: 'Last one out turns off the TV.' })).ok).toBe(true);
    await db().execute(sql`
      INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES ('guild:alltime', ${guild.id}, 7200)`);

    refused(await guilds(env.app, officer, 'disband', { guildId: guild.id, confirmName: guild.name }), 'FORBIDDEN', 403);
    refused(await guilds(env.app, members[0]!, 'disband', { guildId: guild.id, confirmName: guild.name }), 'FORBIDDEN', 403);
    refused(await guilds(env.app, leader, 'disband', { guildId: guild.id, confirmName: 'Something else' }), 'CONFIRMATION_MISMATCH', 400);

    const told = nextEvent<{ reason: string }>(chat, 'guild:removed');
    expect(ok(await guilds<MyGuild>(env.app, leader, 'disband', { guildId: guild.id, confirmName: ` ${guild.name.toLowerCase()} ` })).guild).toBeNull();
    expect((await told).reason).toBe('disbanded');

    refused(await guilds(env.app, leader, 'get', { guildId: guild.id }, 'query'), 'GUILD_NOT_FOUND', 404);
    refused(await guilds(env.app, members[0]!, 'join', { guildId: guild.id }), 'GUILD_NOT_FOUND', 404);
    const { rows } = await db().execute<{ members: number; open: number; messages: number; disbanded: boolean; room_guild: string | null; entries: number }>(sql`
      SELECT (SELECT count(*)::int FROM guild_members WHERE guild_id = ${guild.id}) AS members,
             (SELECT count(*)::int FROM guild_memberships WHERE guild_id = ${guild.id} AND left_at IS NULL) AS open,
             (SELECT count(*)::int FROM guild_messages WHERE guild_id = ${guild.id}) AS messages,
             (SELECT disbanded_at IS NOT NULL FROM guilds WHERE id = ${guild.id}) AS disbanded,
             (SELECT guild_id FROM rooms WHERE id = ${room.id}) AS room_guild,
             (SELECT count(*)::int FROM leaderboard_entries WHERE entity_id = ${guild.id}) AS entries`);
    expect(rows[0]).toEqual({ members: 0, open: 0, messages: 1, disbanded: true, room_guild: null, entries: 0 });

    // Everyone is free, and the name can be used again.
    const [other] = await people(1);
    const next = await guildOf(other!, { name: guild.name });
    for (const p of [leader, officer, members[0]!]) ok(await guilds(env.app, p, 'join', { guildId: next.id }));
    const listed = ok(await guilds<GuildDirectory>(env.app, other!, 'directory', { query: guild.name }, 'query'));
    expect(listed.guilds.map((g) => g.id)).toEqual([next.id]);
  });
});

describe('guild rooms and challenges', () => {
  it('members see the guild rooms; officers unlink them and post challenges; members cannot', async () => {
    const { guild, leader, officer, members } = await crew(1);
    const [outsider] = await people(1);
    const room = await createRoom(env.app, { token: officer.token } as never, { guildId: guild.id, visibility: 'friends' });
    expect((await get(members[0]!, guild.id)).rooms.map((r) => r.id)).toEqual([room.id]);
    expect((await get(outsider!, guild.id)).rooms).toEqual([]);

    refused(await guilds(env.app, members[0]!, 'unlinkRoom', { guildId: guild.id, roomId: room.id }), 'FORBIDDEN', 403);
    expect(ok(await guilds(env.app, officer, 'unlinkRoom', { guildId: guild.id, roomId: room.id })).rooms).toEqual([]);
    refused(await guilds(env.app, officer, 'unlinkRoom', { guildId: guild.id, roomId: room.id }), 'ROOM_NOT_FOUND', 404);

    const now = Date.now();
    const challenge = {
      guildId: guild.id,
      title: 'Weekend marathon',
      description: 'Ten hours together.',
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 2 * 86_400_000).toISOString(),
      goalHours: 10,
    };
    refused(await guilds(env.app, members[0]!, 'createEvent', challenge), 'FORBIDDEN', 403);
    const memberHears = nextEvent<AppNotification>(await openGlobal(env.app, members[0]!, env.sockets), 'notification', (n) => n.type === 'guild_event');
    const posted = ok(await guilds(env.app, officer, 'createEvent', challenge));
    expect(posted.events).toMatchObject([{ title: 'Weekend marathon', goalHours: 10, progressHours: 0, status: 'running', completed: false }]);
    expect((await memberHears).payload).toMatchObject({ guildId: guild.id, eventName: 'Weekend marathon' });

    const tooLong = await guilds(env.app, officer, 'createEvent', { ...challenge, endsAt: new Date(now + 40 * 86_400_000).toISOString() });
    expect(tooLong.status).toBe(400);
    expect(tooLong.message).toContain('at most 31 days');
    const backwards = await guilds(env.app, officer, 'createEvent', { ...challenge, endsAt: challenge.startsAt, startsAt: challenge.endsAt });
    expect(backwards.message).toContain('ends after it starts');
    refused(await guilds(env.app, officer, 'createEvent', { ...challenge, startsAt: new Date(now - 5 * 3600_000).toISOString(), endsAt: new Date(now - 3600_000).toISOString() }), 'VALIDATION_FAILED', 400);

    const eventId = posted.events[0]!.id;
    refused(await guilds(env.app, members[0]!, 'deleteEvent', { eventId }), 'FORBIDDEN', 403);
    expect(ok(await guilds(env.app, leader, 'deleteEvent', { eventId })).events).toEqual([]);
    refused(await guilds(env.app, leader, 'deleteEvent', { eventId }), 'EVENT_NOT_FOUND', 404);
  });

  it('refuses a guild room from a plain member', async () => {
    const { guild, members } = await crew(1);
    const result = await env.app.inject({
      method: 'POST',
      url: '/trpc/rooms.create',
      headers: { authorization: `Bearer ${members[0]!.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ json: { name: 'Guild night', contentUrl: 'https://youtu.be/dQw4w9WgXcQ', guildId: guild.id } }),
    });
    expect(result.statusCode).toBe(403);
  });
});

describe('the guild avatar', () => {
  async function upload(p: GuildPerson, guildId: string, bytes: Buffer) {
    const boundary = '----guildavatar';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return env.app.inject({
      method: 'POST',
      url: `/api/guilds/${guildId}/avatar`,
      headers: { authorization: `Bearer ${p.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  }

  it('is set by the leader through the storage port; an officer is refused; a non-image is refused', async () => {
    const { guild, leader, officer } = await crew(0);
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3355ff' } }).png().toBuffer();
    expectHttpRefusal(await upload(officer, guild.id, png), 403, 'FORBIDDEN');
    const response = await upload(leader, guild.id, png);
    expect(response.statusCode, response.body).toBe(201);
    const { avatarUrl } = response.json() as { avatarUrl: string };
    expect(avatarUrl).toMatch(new RegExp(`guild-avatars/${guild.id}/[0-9a-f]{32}\\.webp$`));
    expect((await get(officer, guild.id)).avatarUrl).toBe(avatarUrl);
    const stored = await env.app.inject({ method: 'GET', url: new URL(avatarUrl, 'http://x').pathname });
    expect(stored.statusCode).toBe(200);

    const notImage = await upload(leader, guild.id, Buffer.from('definitely not a picture'));
    expect(notImage.statusCode).toBe(415);
    expect((await get(leader, guild.id)).avatarUrl).toBe(avatarUrl);
    const removed = await env.app.inject({ method: 'DELETE', url: `/api/guilds/${guild.id}/avatar`, headers: { authorization: `Bearer ${leader.token}` } });
    expect(removed.json()).toEqual({ avatarUrl: null });
  });
});

describe('guild chat on /guilds', () => {
  it('members open the chat with its history, hear each other, and are rate limited; outsiders are refused', async () => {
    const { guild, leader, members } = await crew(1);
    const [outsider] = await people(1);
    const a = await openGuilds(env.app, leader, env.sockets);
    const b = await openGuilds(env.app, members[0]!, env.sockets);
    const c = await openGuilds(env.app, outsider!, env.sockets);
    expect(await guildAck(c, 'guild:open', { guildId: guild.id })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(await guildAck(c, 'chat:message', { guildId: guild.id, content: 'Hello?' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });

    expect(await guildAck(a, 'guild:open', { guildId: guild.id })).toEqual({ ok: true, data: { messages: [], hasMore: false } });
    expect((await guildAck(b, 'guild:open', { guildId: guild.id })).ok).toBe(true);
    const bHears = nextEvent<{ message: { content: string; author: { id: string } } }>(b, 'chat:message');
    const sent = await guildAck(a, 'chat:message', { guildId: guild.id, content: '  Movie at nine?  ' });
    expect(sent).toMatchObject({ ok: true, data: { content: 'Movie at nine?', author: { id: leader.user.id } } });
    expect((await bHears).message).toMatchObject({ content: 'Movie at nine?', author: { id: leader.user.id } });

    expect(await guildAck(b, 'chat:message', { guildId: guild.id, content: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await guildAck(b, 'chat:message', { guildId: guild.id, content: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Messages have at most 500 characters.' },
    });

    // Five in five seconds, then a wait.
    for (let i = 0; i < 4; i++) expect((await guildAck(a, 'chat:message', { guildId: guild.id, content: `Reply ${i}` })).ok).toBe(true);
    const limited = await guildAck(a, 'chat:message', { guildId: guild.id, content: 'One more' });
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });

    // A reload: the history comes from the database.
    const again = await openGuilds(env.app, members[0]!, env.sockets);
    const history = await guildAck(again, 'guild:open', { guildId: guild.id });
    expect(history.ok && history.data.messages.map((m) => m.content)).toEqual(['Movie at nine?', 'Reply 0', 'Reply 1', 'Reply 2', 'Reply 3']);
    const older = await guildAck(again, 'chat:history', { guildId: guild.id, before: history.ok ? history.data.messages[2]!.id : undefined });
    expect(older.ok && older.data.messages.map((m) => m.content)).toEqual(['Movie at nine?', 'Reply 0']);
  });
});
