import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { publicProfileSchema, type Audience, type PublicProfile } from '@wt/schemas';
import { makeFriends, trpc } from '../../../test/room-helpers';
import { profileTestApp, signedInUser, TEST_NOW, type SignedInUser } from '../../../test/profile-helpers';

const env = profileTestApp();
const HOUR_S = 3600;

async function getProfile(username: string, token?: string) {
  const response = await env.app.inject({
    method: 'GET',
    url: `/api/users/${encodeURIComponent(username)}/profile`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.statusCode, body: response.json() as PublicProfile & { error?: { code: string; message: string } } };
}

async function setPrivacy(userId: string, privacy: Record<string, unknown>) {
  await env.app.services.db.execute(
    sql`UPDATE users SET settings = jsonb_build_object('privacy', ${JSON.stringify(privacy)}::jsonb) WHERE id = ${userId}`,
  );
}

/** An owner with a bio, a displayed badge, watch history, a guild and one friend; and a friend and a stranger. */
async function scene() {
  const db = env.app.services.db;
  const owner = await signedInUser(env);
  const friend = await signedInUser(env);
  const stranger = await signedInUser(env);
  await makeFriends(db, owner.user.id, friend.user.id);
  await db.execute(sql`UPDATE users SET bio = 'Night owl.', xp = 2500, level = 3 WHERE id = ${owner.user.id}`);
  const { rows } = await db.execute<{ id: string }>(sql`INSERT INTO badges (name, image_url) VALUES ('Night Owl', '/badges/owl.svg') RETURNING id`);
  await db.execute(sql`INSERT INTO user_badges (user_id, badge_id, is_displayed) VALUES (${owner.user.id}, ${rows[0]!.id}, true)`);
  const { rows: guild } = await db.execute<{ id: string }>(
    sql`INSERT INTO guilds (name, owner_id) VALUES (${`Guild ${owner.user.username}`}, ${owner.user.id}) RETURNING id`,
  );
  await db.execute(sql`INSERT INTO guild_members (guild_id, user_id, role) VALUES (${guild[0]!.id}, ${owner.user.id}, 'leader')`);
  await db.execute(sql`
    INSERT INTO watch_sessions (user_id, started_at, ended_at, duration_secs)
    VALUES (${owner.user.id}, ${new Date(TEST_NOW.getTime() - 3600_000 * 5)}, ${new Date(TEST_NOW.getTime() - 3600_000 * 3)}, ${2 * HOUR_S})`);
  return { owner, friend, stranger, guildId: guild[0]!.id };
}

describe('GET /api/users/:username/profile', () => {
  it('answers exactly the seed 000 shape', async () => {
    const { owner, guildId } = await scene();
    const { status, body } = await getProfile(owner.user.username, owner.token);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      ['avatarUrl', 'badges', 'bio', 'displayName', 'friendCount', 'guild', 'joinedAt', 'level', 'stats', 'username', 'xp'].sort(),
    );
    const profile = publicProfileSchema.parse(body);
    expect(Object.keys(profile.stats!.watchHours).sort()).toEqual(['allTime', 'thisMonth', 'thisWeek', 'thisYear']);
    expect(profile).toMatchObject({
      username: owner.user.username,
      displayName: owner.user.displayName,
      avatarUrl: null,
      bio: 'Night owl.',
      level: 3,
      xp: 2500,
      guild: { id: guildId, name: `Guild ${owner.user.username}`, avatarUrl: null },
      friendCount: 1,
    });
    expect(profile.badges).toHaveLength(1);
    expect(Object.keys(profile.badges[0]!).sort()).toEqual(['earnedAt', 'iconUrl', 'id', 'name']);
    expect(profile.joinedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('finds the username case-insensitively, signed out too', async () => {
    const { owner } = await scene();
    const { status, body } = await getProfile(owner.user.username.toUpperCase());
    expect(status).toBe(200);
    expect(body.username).toBe(owner.user.username);
  });

  it('counts watch hours per UTC week (from Monday), month, year and all time, open sessions up to now', async () => {
    const owner = await signedInUser(env);
    const db = env.app.services.db;
    // TEST_NOW is Wednesday 2026-03-18 15:30 UTC: the week began Monday 16th.
    const closed = async (startIso: string, hours: number) =>
      db.execute(sql`
        INSERT INTO watch_sessions (user_id, started_at, ended_at, duration_secs)
        VALUES (${owner.user.id}, ${new Date(startIso)}, ${new Date(new Date(startIso).getTime() + hours * 3600_000)}, ${Math.round(hours * HOUR_S)})`);
    await closed('2026-03-16T00:00:00Z', 2); // this week
    await closed('2026-03-15T23:00:00Z', 1); // Sunday: this month, not this week
    await closed('2026-02-28T10:00:00Z', 3); // this year
    await closed('2025-12-31T20:00:00Z', 4); // before this year
    await db.execute(sql`INSERT INTO watch_sessions (user_id, started_at) VALUES (${owner.user.id}, ${new Date(TEST_NOW.getTime() - 30 * 60_000)})`);
    const { body } = await getProfile(owner.user.username);
    expect(body.stats!.watchHours).toEqual({ thisWeek: 2.5, thisMonth: 3.5, thisYear: 6.5, allTime: 10.5 });
  });

  const HIDDEN_BY_PROFILE = { bio: null, badges: [], stats: null, guild: null, friendCount: null };

  it.each<[Audience, boolean, boolean]>([
    ['everyone', true, true],
    ['friends', false, true],
    ['nobody', false, false],
  ])('profile audience %s: stranger sees it %s, friend %s, owner always', async (audience, strangerSees, friendSees) => {
    const { owner, friend, stranger } = await scene();
    await setPrivacy(owner.user.id, { profile: audience, friendList: 'everyone' });
    for (const [viewer, sees] of [
      [stranger, strangerSees],
      [friend, friendSees],
      [owner, true],
    ] as const) {
      const { status, body } = await getProfile(owner.user.username, viewer.token);
      expect(status).toBe(200);
      // What always shows.
      expect(body).toMatchObject({ username: owner.user.username, displayName: owner.user.displayName, level: 3, xp: 2500 });
      if (sees) expect(body).toMatchObject({ bio: 'Night owl.', friendCount: 1 });
      else expect(body).toMatchObject(HIDDEN_BY_PROFILE);
    }
    // Signed out is a stranger.
    const signedOut = await getProfile(owner.user.username);
    if (strangerSees) expect(signedOut.body.bio).toBe('Night owl.');
    else expect(signedOut.body).toMatchObject(HIDDEN_BY_PROFILE);
  });

  it.each<['watchStats' | 'friendList' | 'guild', 'stats' | 'friendCount' | 'guild']>([
    ['watchStats', 'stats'],
    ['friendList', 'friendCount'],
    ['guild', 'guild'],
  ])('%s audience nulls %s for those outside it', async (setting, field) => {
    const { owner, friend, stranger } = await scene();
    const visibleTo = async (viewer: SignedInUser | null) => (await getProfile(owner.user.username, viewer?.token)).body[field];

    await setPrivacy(owner.user.id, { [setting]: 'everyone' });
    expect(await visibleTo(null)).not.toBeNull();
    expect(await visibleTo(stranger)).not.toBeNull();

    await setPrivacy(owner.user.id, { [setting]: 'friends' });
    expect(await visibleTo(null)).toBeNull();
    expect(await visibleTo(stranger)).toBeNull();
    expect(await visibleTo(friend)).not.toBeNull();
    expect(await visibleTo(owner)).not.toBeNull();

    await setPrivacy(owner.user.id, { [setting]: 'nobody' });
    expect(await visibleTo(friend)).toBeNull();
    expect(await visibleTo(owner)).not.toBeNull();
    // The rest of the profile stays.
    expect((await getProfile(owner.user.username, friend.token)).body.bio).toBe('Night owl.');
  });

  it('hides the friend list by default from strangers (friendList defaults to friends)', async () => {
    const { owner, friend, stranger } = await scene();
    expect((await getProfile(owner.user.username, stranger.token)).body.friendCount).toBeNull();
    expect((await getProfile(owner.user.username, friend.token)).body.friendCount).toBe(1);
  });

  it('answers 404 with a sentence for unknown, deactivated and deleted users, and for whoever they blocked', async () => {
    const db = env.app.services.db;
    const unknown = await getProfile('nobody_here_123');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'USER_NOT_FOUND', message: 'There is nobody with that username. Check the spelling.' });

    const deactivated = await signedInUser(env);
    await db.execute(sql`UPDATE users SET deactivated_at = now() WHERE id = ${deactivated.user.id}`);
    expect((await getProfile(deactivated.user.username)).status).toBe(404);

    const deleted = await signedInUser(env);
    await db.execute(sql`UPDATE users SET deleted_at = now() WHERE id = ${deleted.user.id}`);
    expect((await getProfile(deleted.user.username)).status).toBe(404);

    const { owner, stranger, friend } = await scene();
    await db.execute(sql`INSERT INTO user_blocks (blocker_id, blocked_id) VALUES (${owner.user.id}, ${stranger.user.id})`);
    const blocked = await getProfile(owner.user.username, stranger.token);
    expect(blocked.status).toBe(404);
    expect(blocked.body.error?.code).toBe('USER_NOT_FOUND');
    expect((await getProfile(owner.user.username, friend.token)).status).toBe(200);
    // The blocker still sees the person they blocked.
    expect((await getProfile(stranger.user.username, owner.token)).status).toBe(200);
  });

  it('refuses an invalid token instead of quietly answering the stranger view', async () => {
    const { owner } = await scene();
    const { status } = await getProfile(owner.user.username, 'not-a-token');
    expect(status).toBe(401);
  });
});

describe('profile.get / profile.friends (tRPC)', () => {
  it('profile.get answers what the REST route answers for the same viewer', async () => {
    const { owner, stranger } = await scene();
    await setPrivacy(owner.user.id, { watchStats: 'friends' });
    const viaTrpc = await trpc<PublicProfile>(env.app, stranger.token, 'profile.get', { username: owner.user.username }, 'query');
    const viaRest = await getProfile(owner.user.username, stranger.token);
    expect(viaTrpc.data).toEqual(viaRest.body);
    expect(viaTrpc.data!.stats).toBeNull();
  });

  it('profile.friends lists friends only for the friendList audience', async () => {
    const { owner, friend, stranger } = await scene();
    const friendsOf = async (viewer: SignedInUser) =>
      (await trpc<unknown[] | null>(env.app, viewer.token, 'profile.friends', { username: owner.user.username }, 'query')).data;

    expect(await friendsOf(stranger)).toBeNull();
    expect(await friendsOf(friend)).toEqual([
      { id: friend.user.id, username: friend.user.username, displayName: friend.user.displayName, avatarUrl: null },
    ]);
    await setPrivacy(owner.user.id, { friendList: 'everyone' });
    expect(await friendsOf(stranger)).toHaveLength(1);
    await setPrivacy(owner.user.id, { friendList: 'everyone', profile: 'friends' });
    expect(await friendsOf(stranger)).toBeNull();
    await setPrivacy(owner.user.id, { friendList: 'nobody' });
    expect(await friendsOf(friend)).toBeNull();
    expect(await friendsOf(owner)).toHaveLength(1);
    // Deactivated friends drop out of the list and the count.
    await env.app.services.db.execute(sql`UPDATE users SET deactivated_at = now() WHERE id = ${friend.user.id}`);
    expect(await friendsOf(owner)).toEqual([]);
    expect((await getProfile(owner.user.username, owner.token)).body.friendCount).toBe(0);
  });

  it('profile.friends is NOT_FOUND for someone who blocked the viewer', async () => {
    const { owner, stranger } = await scene();
    await env.app.services.db.execute(sql`INSERT INTO user_blocks (blocker_id, blocked_id) VALUES (${owner.user.id}, ${stranger.user.id})`);
    const result = await trpc(env.app, stranger.token, 'profile.friends', { username: owner.user.username }, 'query');
    expect(result.status).toBe(404);
    expect(result.error?.message).toBe('There is nobody with that username. Check the spelling.');
  });

  it('profile.relation gives the actions the user id and friend state, and needs a signed-in viewer', async () => {
    const { owner, friend, stranger } = await scene();
    const relation = (viewer: SignedInUser) =>
      trpc<{ userId: string; isSelf: boolean; friendState: string }>(env.app, viewer.token, 'profile.relation', { username: owner.user.username }, 'query');
    expect((await relation(owner)).data).toEqual({ userId: owner.user.id, isSelf: true, friendState: 'none' });
    expect((await relation(friend)).data).toEqual({ userId: owner.user.id, isSelf: false, friendState: 'friends' });
    expect((await relation(stranger)).data).toEqual({ userId: owner.user.id, isSelf: false, friendState: 'none' });
    const signedOut = await env.app.inject({
      method: 'GET',
      url: `/trpc/profile.relation?input=${encodeURIComponent(JSON.stringify({ json: { username: owner.user.username } }))}`,
    });
    expect(signedOut.statusCode).toBe(401);
  });
});
