import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  boardKey,
  LEADERBOARD_PERIODS,
  type createGuildInput,
  type GuildDetail,
  type GuildDirectory,
  type guildDirectoryInput,
  type guildEventInput,
  type GuildRole,
  type MyGuild,
  type updateGuildInput,
} from '@wt/schemas';
import type { z } from 'zod';
import { isBlockedBetween } from '../friends/service';
import type { LeaderboardStore } from '../leaderboard/store';
import { notify, type NotifyServices } from '../notifications/notify';
import { guildErrors } from './errors';
import {
  disbandConfirmed,
  joinRefusal,
  kickRefusal,
  leaveRefusal,
  requireRole,
  setRoleRefusal,
  transferRefusal,
} from './rules';
import { loadDirectory, loadGuildDetail, loadMyGuild, roleIn, type Queryable } from './views';

/**
 * Guilds (issue 8) on seed 000's `guilds` / `guild_members`, with the membership history
 * (`guild_memberships`), invites, join requests, chat and challenges. Every change to a guild's roster
 * runs in one transaction holding the guild's row lock, so the 10-member cap holds under concurrent
 * joins (the count is read under the lock) and two officers acting at once see each other's result.
 * "One guild per person" is the unique index on guild_members.user_id: two joins of one person into
 * two guilds at once end with one membership and a refusal.
 */

export interface GuildServices extends NotifyServices {
  db: Database;
  leaderboards: LeaderboardStore;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

type LockedGuild = {
  id: string;
  name: string;
  owner_id: string;
  is_public: boolean;
  max_members: number;
};

/** Where /guilds sockets of a guild listen, and where a person's own sockets are. */
export const guildChannel = (guildId: string) => `guild:${guildId}`;
const userChannel = (userId: string) => `user:${userId}`;

// ---------- reads ----------

export function directory(deps: GuildServices, input: z.output<typeof guildDirectoryInput>): Promise<GuildDirectory> {
  return loadDirectory(deps.db, input.query, input.cursor ?? 0);
}

export function myGuild(deps: GuildServices, userId: string): Promise<MyGuild> {
  return loadMyGuild(deps.db, userId);
}

export async function getGuild(deps: GuildServices, viewerId: string, guildId: string): Promise<GuildDetail> {
  const detail = await loadGuildDetail(deps, guildId, viewerId);
  if (!detail) throw guildErrors.notFound();
  return detail;
}

// ---------- creating and editing ----------

export async function createGuild(deps: GuildServices, userId: string, input: z.output<typeof createGuildInput>): Promise<GuildDetail> {
  const now = deps.now();
  const guildId = await withUniqueRefusals(input.name, () =>
    deps.db.transaction(async (tx) => {
      await lockPerson(tx, userId);
      if (await currentGuildOf(tx, userId)) throw guildErrors.alreadyInGuild();
      await assertNameFree(tx, input.name, null);
      const { rows } = await tx.execute<{ id: string }>(sql`
        INSERT INTO guilds (name, description, owner_id, is_public, created_at, updated_at)
        VALUES (${input.name}, ${input.description || null}, ${userId}, ${input.isPublic}, ${now}, ${now})
        RETURNING id`);
      const id = rows[0]!.id;
      await addMember(tx, id, userId, 'leader', now);
      return id;
    }),
  );
  return getGuild(deps, userId, guildId);
}

export async function updateGuild(deps: GuildServices, userId: string, input: z.output<typeof updateGuildInput>): Promise<GuildDetail> {
  const now = deps.now();
  await withUniqueRefusals(input.name ?? '', () =>
    deps.db.transaction(async (tx) => {
      const guild = await lockGuild(tx, input.guildId);
      throwIf(requireRole(await roleIn(tx, guild.id, userId), 'edit'));
      if (input.name !== undefined) await assertNameFree(tx, input.name, guild.id);
      await tx.execute(sql`
        UPDATE guilds SET
          name = COALESCE(${input.name ?? null}, name),
          description = CASE WHEN ${input.description !== undefined} THEN ${input.description || null} ELSE description END,
          is_public = COALESCE(${input.isPublic ?? null}::boolean, is_public),
          updated_at = ${now}
        WHERE id = ${guild.id}`);
    }),
  );
  announce(deps, input.guildId);
  return getGuild(deps, userId, input.guildId);
}

/** Points the guild at a stored avatar (or none); returns the old URL so the caller can delete its file. */
export async function replaceGuildAvatar(
  deps: GuildServices,
  userId: string,
  guildId: string,
  avatarUrl: string | null,
): Promise<string | null> {
  const old = await deps.db.transaction(async (tx) => {
    await lockGuild(tx, guildId);
    throwIf(requireRole(await roleIn(tx, guildId, userId), 'edit'));
    const { rows } = await tx.execute<{ old: string | null }>(sql`
      UPDATE guilds g SET avatar_url = ${avatarUrl}, updated_at = ${deps.now()}
      FROM (SELECT avatar_url AS old FROM guilds WHERE id = ${guildId}) prev
      WHERE g.id = ${guildId} RETURNING prev.old`);
    return rows[0]?.old ?? null;
  });
  announce(deps, guildId);
  return old;
}

/** Refuses before any upload is processed: only the leader edits the guild. */
export async function assertMayEdit(deps: GuildServices, userId: string, guildId: string): Promise<void> {
  const { rows } = await deps.db.execute(sql`SELECT 1 FROM guilds WHERE id = ${guildId} AND disbanded_at IS NULL`);
  if (rows.length === 0) throw guildErrors.notFound();
  throwIf(requireRole(await roleIn(deps.db, guildId, userId), 'edit'));
}

// ---------- joining ----------

/** Joins a public guild, or any guild whose invite is waiting for this person. */
export async function joinGuild(deps: GuildServices, userId: string, guildId: string): Promise<GuildDetail> {
  await admit(deps, guildId, userId, { viaInvite: false });
  return getGuild(deps, userId, guildId);
}

export async function acceptInvite(deps: GuildServices, userId: string, guildId: string): Promise<GuildDetail> {
  await admit(deps, guildId, userId, { viaInvite: true });
  return getGuild(deps, userId, guildId);
}

async function admit(deps: GuildServices, guildId: string, userId: string, options: { viaInvite: boolean }): Promise<void> {
  const now = deps.now();
  await withUniqueRefusals('', () =>
    deps.db.transaction(async (tx) => {
      const guild = await lockGuild(tx, guildId);
      await lockPerson(tx, userId);
      const invited = await hasInvite(tx, guild.id, userId);
      if (options.viaInvite && !invited) throw guildErrors.notInvited();
      throwIf(
        joinRefusal(guild.id, {
          isPublic: guild.is_public,
          memberCount: await memberCount(tx, guild.id),
          maxMembers: guild.max_members,
          currentGuildId: await currentGuildOf(tx, userId),
          invited,
          wasKicked: await wasKicked(tx, guild.id, userId),
        }),
      );
      await addMember(tx, guild.id, userId, 'member', now);
    }),
  );
  announce(deps, guildId);
}

export async function declineInvite(deps: GuildServices, userId: string, guildId: string): Promise<MyGuild> {
  const { rows } = await deps.db.execute(
    sql`DELETE FROM guild_invites WHERE guild_id = ${guildId} AND user_id = ${userId} RETURNING guild_id`,
  );
  if (rows.length === 0) throw guildErrors.notInvited();
  announce(deps, guildId);
  return myGuild(deps, userId);
}

export async function requestToJoin(deps: GuildServices, userId: string, guildId: string, message: string): Promise<GuildDetail> {
  const now = deps.now();
  const { guild, invited } = await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    await lockPerson(tx, userId);
    const current = await currentGuildOf(tx, userId);
    if (current === guild.id) throw guildErrors.validation('You are already a member of this guild.');
    if (current) throw guildErrors.alreadyInGuild();
    if (guild.is_public) throw guildErrors.publicNoRequest();
    const invited = await hasInvite(tx, guild.id, userId);
    if (invited) return { guild, invited };
    if (await memberCount(tx, guild.id) >= guild.max_members) throw guildErrors.full();
    const { rows } = await tx.execute(sql`
      INSERT INTO guild_join_requests (guild_id, user_id, message, created_at, updated_at)
      VALUES (${guild.id}, ${userId}, ${message || null}, ${now}, ${now})
      ON CONFLICT (guild_id, user_id) DO NOTHING RETURNING guild_id`);
    if (rows.length === 0) throw guildErrors.requestPending();
    return { guild, invited };
  });
  // Asked while an invite was waiting: that is a yes from both sides.
  if (invited) return acceptInvite(deps, userId, guildId);
  const me = await personRow(deps.db, userId);
  for (const officer of await officersOf(deps.db, guild.id)) {
    await notify(deps, {
      userId: officer,
      type: 'guild_invite',
      payload: { kind: 'request', guildId: guild.id, guildName: guild.name, fromUserId: userId, fromUsername: me.username, fromName: me.display_name },
    });
  }
  announce(deps, guildId);
  return getGuild(deps, userId, guildId);
}

export async function cancelRequest(deps: GuildServices, userId: string, guildId: string): Promise<GuildDetail> {
  const { rows } = await deps.db.execute(
    sql`DELETE FROM guild_join_requests WHERE guild_id = ${guildId} AND user_id = ${userId} RETURNING guild_id`,
  );
  if (rows.length === 0) throw guildErrors.noRequest();
  announce(deps, guildId);
  return getGuild(deps, userId, guildId);
}

// ---------- officers' work ----------

export async function inviteToGuild(deps: GuildServices, actorId: string, guildId: string, targetId: string): Promise<GuildDetail> {
  if (actorId === targetId) throw guildErrors.self('invite');
  const now = deps.now();
  const guild = await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(requireRole(await roleIn(tx, guild.id, actorId), 'invite'));
    const { rows: people } = await tx.execute(
      sql`SELECT 1 FROM users WHERE id = ${targetId} AND deleted_at IS NULL AND deactivated_at IS NULL`,
    );
    if (people.length === 0) throw guildErrors.validation('There is nobody with that account any more.');
    if (await isBlockedBetween(tx, actorId, targetId)) throw guildErrors.blocked();
    const current = await currentGuildOf(tx, targetId);
    if (current === guild.id) throw guildErrors.validation('This person is already a member of the guild.');
    if (current) throw guildErrors.targetInGuild();
    if (await memberCount(tx, guild.id) >= guild.max_members) throw guildErrors.full();
    const { rows } = await tx.execute(sql`
      INSERT INTO guild_invites (guild_id, user_id, invited_by, created_at, updated_at)
      VALUES (${guild.id}, ${targetId}, ${actorId}, ${now}, ${now})
      ON CONFLICT (guild_id, user_id) DO NOTHING RETURNING guild_id`);
    if (rows.length === 0) throw guildErrors.alreadyInvited();
    return guild;
  });
  const me = await personRow(deps.db, actorId);
  await notify(deps, {
    userId: targetId,
    type: 'guild_invite',
    payload: { kind: 'invite', guildId: guild.id, guildName: guild.name, fromUserId: actorId, fromUsername: me.username, fromName: me.display_name },
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

export async function revokeInvite(deps: GuildServices, actorId: string, guildId: string, targetId: string): Promise<GuildDetail> {
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(requireRole(await roleIn(tx, guild.id, actorId), 'invite'));
    const { rows } = await tx.execute(
      sql`DELETE FROM guild_invites WHERE guild_id = ${guild.id} AND user_id = ${targetId} RETURNING guild_id`,
    );
    if (rows.length === 0) throw guildErrors.validation('This person has no invite waiting.');
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

export async function approveRequest(deps: GuildServices, actorId: string, guildId: string, targetId: string): Promise<GuildDetail> {
  const now = deps.now();
  const guild = await withUniqueRefusals('', () =>
    deps.db.transaction(async (tx) => {
      const guild = await lockGuild(tx, guildId);
      throwIf(requireRole(await roleIn(tx, guild.id, actorId), 'reviewRequests'));
      await lockPerson(tx, targetId);
      const { rows } = await tx.execute(
        sql`SELECT 1 FROM guild_join_requests WHERE guild_id = ${guild.id} AND user_id = ${targetId}`,
      );
      if (rows.length === 0) throw guildErrors.noRequest();
      if (await currentGuildOf(tx, targetId)) {
        await tx.execute(sql`DELETE FROM guild_join_requests WHERE guild_id = ${guild.id} AND user_id = ${targetId}`);
        throw guildErrors.targetInGuild();
      }
      if (await memberCount(tx, guild.id) >= guild.max_members) throw guildErrors.full();
      await addMember(tx, guild.id, targetId, 'member', now);
      return guild;
    }),
  );
  const me = await personRow(deps.db, actorId);
  await notify(deps, {
    userId: targetId,
    type: 'guild_invite',
    payload: { kind: 'accepted', guildId: guild.id, guildName: guild.name, fromUserId: actorId, fromUsername: me.username, fromName: me.display_name },
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

export async function declineRequest(deps: GuildServices, actorId: string, guildId: string, targetId: string): Promise<GuildDetail> {
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(requireRole(await roleIn(tx, guild.id, actorId), 'reviewRequests'));
    const { rows } = await tx.execute(
      sql`DELETE FROM guild_join_requests WHERE guild_id = ${guild.id} AND user_id = ${targetId} RETURNING guild_id`,
    );
    if (rows.length === 0) throw guildErrors.noRequest();
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

export async function kickMember(deps: GuildServices, actorId: string, guildId: string, targetId: string): Promise<GuildDetail> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(kickRefusal(actorId, await roleIn(tx, guild.id, actorId), targetId, await roleIn(tx, guild.id, targetId)));
    await removeMember(tx, guild.id, targetId, now, 'kicked');
  });
  removed(deps, guildId, [targetId], 'kicked');
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

export async function setMemberRole(
  deps: GuildServices,
  actorId: string,
  guildId: string,
  targetId: string,
  role: Exclude<GuildRole, 'leader'>,
): Promise<GuildDetail> {
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(setRoleRefusal(actorId, await roleIn(tx, guild.id, actorId), targetId, await roleIn(tx, guild.id, targetId)));
    await tx.execute(sql`
      UPDATE guild_members SET role = ${role}, updated_at = ${deps.now()} WHERE guild_id = ${guild.id} AND user_id = ${targetId}`);
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

/** The leader hands the guild to another member and stays on as an officer. */
export async function transferLeadership(deps: GuildServices, actorId: string, guildId: string, targetId: string): Promise<GuildDetail> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(transferRefusal(actorId, await roleIn(tx, guild.id, actorId), targetId, await roleIn(tx, guild.id, targetId)));
    await tx.execute(sql`
      UPDATE guild_members SET role = CASE WHEN user_id = ${targetId} THEN 'leader'::guild_role ELSE 'officer'::guild_role END,
        updated_at = ${now}
      WHERE guild_id = ${guild.id} AND user_id IN (${actorId}, ${targetId})`);
    await tx.execute(sql`UPDATE guilds SET owner_id = ${targetId}, updated_at = ${now} WHERE id = ${guild.id}`);
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

export async function leaveGuild(deps: GuildServices, userId: string, guildId: string): Promise<MyGuild> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(leaveRefusal(await roleIn(tx, guild.id, userId)));
    await removeMember(tx, guild.id, userId, now, 'left');
  });
  removed(deps, guildId, [userId], 'left');
  announce(deps, guildId);
  return myGuild(deps, userId);
}

/**
 * Disbanding (leader only, with the name typed again): every membership ends (the members are free to
 * join another guild), the guild's rooms stay open without the guild, invites and requests go, and the
 * guild leaves every board that is still counting. What stays, as history: the guild's row (marked
 * disbanded, its name free again), its chat, its challenges, its members' contributions and the
 * snapshots of finished boards, so past winners still read its name.
 */
export async function disbandGuild(deps: GuildServices, userId: string, guildId: string, confirmName: string): Promise<MyGuild> {
  const now = deps.now();
  const { members, boards } = await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(requireRole(await roleIn(tx, guild.id, userId), 'disband'));
    if (!disbandConfirmed(guild.name, confirmName)) throw guildErrors.confirmationMismatch();
    const { rows: members } = await tx.execute<{ user_id: string }>(
      sql`SELECT user_id FROM guild_members WHERE guild_id = ${guild.id}`,
    );
    await tx.execute(sql`UPDATE guild_memberships SET left_at = ${now}, left_reason = 'disbanded', updated_at = ${now} WHERE guild_id = ${guild.id} AND left_at IS NULL`);
    await tx.execute(sql`DELETE FROM guild_members WHERE guild_id = ${guild.id}`);
    await tx.execute(sql`DELETE FROM guild_invites WHERE guild_id = ${guild.id}`);
    await tx.execute(sql`DELETE FROM guild_join_requests WHERE guild_id = ${guild.id}`);
    await tx.execute(sql`UPDATE rooms SET guild_id = NULL, updated_at = ${now} WHERE guild_id = ${guild.id}`);
    const { rows: boards } = await tx.execute<{ board: string }>(sql`
      DELETE FROM leaderboard_entries WHERE board LIKE 'guild:%' AND entity_id = ${guild.id} RETURNING board`);
    await tx.execute(sql`UPDATE guilds SET disbanded_at = ${now}, updated_at = ${now} WHERE id = ${guild.id}`);
    return { members: members.map((m) => m.user_id), boards: boards.map((b) => b.board) };
  });
  // The Redis copies of those boards are rebuilt from PostgreSQL on their next read.
  for (const board of new Set([...boards, ...LEADERBOARD_PERIODS.map((p) => boardKey('guild', p, now))])) {
    await deps.leaderboards.forget(board);
  }
  removed(deps, guildId, members, 'disbanded');
  announce(deps, guildId);
  return myGuild(deps, userId);
}

// ---------- rooms and challenges ----------

export async function unlinkRoom(deps: GuildServices, actorId: string, guildId: string, roomId: string): Promise<GuildDetail> {
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(requireRole(await roleIn(tx, guild.id, actorId), 'manageRooms'));
    const { rows } = await tx.execute(sql`
      UPDATE rooms SET guild_id = NULL, updated_at = ${deps.now()} WHERE id = ${roomId} AND guild_id = ${guild.id} RETURNING id`);
    if (rows.length === 0) throw guildErrors.roomNotFound();
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

export async function createEvent(deps: GuildServices, actorId: string, input: z.output<typeof guildEventInput>): Promise<GuildDetail> {
  const now = deps.now();
  if (input.endsAt.getTime() <= now.getTime()) throw guildErrors.validation('A challenge ends in the future.');
  const { guild, members } = await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, input.guildId);
    throwIf(requireRole(await roleIn(tx, guild.id, actorId), 'createEvent'));
    await tx.execute(sql`
      INSERT INTO guild_events (guild_id, created_by, title, description, starts_at, ends_at, goal_hours, created_at, updated_at)
      VALUES (${guild.id}, ${actorId}, ${input.title}, ${input.description}, ${input.startsAt}, ${input.endsAt},
              ${input.goalHours}, ${now}, ${now})`);
    const { rows } = await tx.execute<{ user_id: string }>(
      sql`SELECT user_id FROM guild_members WHERE guild_id = ${guild.id} AND user_id <> ${actorId}`,
    );
    return { guild, members: rows.map((r) => r.user_id) };
  });
  for (const member of members) {
    await notify(deps, { userId: member, type: 'guild_event', payload: { guildId: guild.id, guildName: guild.name, eventName: input.title } });
  }
  announce(deps, guild.id);
  return getGuild(deps, actorId, guild.id);
}

export async function deleteEvent(deps: GuildServices, actorId: string, eventId: string): Promise<GuildDetail> {
  const { rows } = await deps.db.execute<{ guild_id: string }>(sql`SELECT guild_id FROM guild_events WHERE id = ${eventId}`);
  const guildId = rows[0]?.guild_id;
  if (!guildId) throw guildErrors.eventNotFound();
  await deps.db.transaction(async (tx) => {
    const guild = await lockGuild(tx, guildId);
    throwIf(requireRole(await roleIn(tx, guild.id, actorId), 'createEvent'));
    await tx.execute(sql`DELETE FROM guild_events WHERE id = ${eventId}`);
  });
  announce(deps, guildId);
  return getGuild(deps, actorId, guildId);
}

// ---------- what other modules ask ----------

/** The guild a person belongs to now, if any. */
export async function currentGuildOf(db: Queryable, userId: string): Promise<string | null> {
  const { rows } = await db.execute<{ guild_id: string }>(sql`SELECT guild_id FROM guild_members WHERE user_id = ${userId}`);
  return rows[0]?.guild_id ?? null;
}

// ---------- inside a transaction ----------

async function lockGuild(tx: Tx, guildId: string): Promise<LockedGuild> {
  const { rows } = await tx.execute<LockedGuild>(sql`
    SELECT id, name, owner_id, is_public, max_members FROM guilds WHERE id = ${guildId} AND disbanded_at IS NULL FOR UPDATE`);
  if (!rows[0]) throw guildErrors.notFound();
  return rows[0];
}

/** A person's joins, creates and approvals take turns (with the unique index as the last word). */
async function lockPerson(tx: Tx, userId: string): Promise<void> {
  const { rows } = await tx.execute(
    sql`SELECT 1 FROM users WHERE id = ${userId} AND deleted_at IS NULL AND deactivated_at IS NULL FOR UPDATE`,
  );
  if (rows.length === 0) throw guildErrors.validation('There is nobody with that account any more.');
}

async function memberCount(tx: Tx, guildId: string): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM guild_members WHERE guild_id = ${guildId}`);
  return rows[0]!.n;
}

async function hasInvite(tx: Tx, guildId: string, userId: string): Promise<boolean> {
  const { rows } = await tx.execute(sql`SELECT 1 FROM guild_invites WHERE guild_id = ${guildId} AND user_id = ${userId}`);
  return rows.length > 0;
}

async function wasKicked(tx: Tx, guildId: string, userId: string): Promise<boolean> {
  const { rows } = await tx.execute<{ left_reason: string | null }>(sql`
    SELECT left_reason FROM guild_memberships WHERE guild_id = ${guildId} AND user_id = ${userId}
    ORDER BY joined_at DESC LIMIT 1`);
  return rows[0]?.left_reason === 'kicked';
}

async function assertNameFree(tx: Tx, name: string, exceptGuildId: string | null): Promise<void> {
  const { rows } = await tx.execute(sql`
    SELECT 1 FROM guilds WHERE lower(name) = lower(${name}) AND disbanded_at IS NULL
      AND (${exceptGuildId}::uuid IS NULL OR id <> ${exceptGuildId}::uuid)`);
  if (rows.length > 0) throw guildErrors.nameTaken(name);
}

/** A new member: the roster row and an open membership (from which their watch time counts). */
async function addMember(tx: Tx, guildId: string, userId: string, role: GuildRole, now: Date): Promise<void> {
  await tx.execute(sql`
    INSERT INTO guild_members (guild_id, user_id, role, joined_at, created_at, updated_at)
    VALUES (${guildId}, ${userId}, ${role}, ${now}, ${now}, ${now})`);
  await tx.execute(sql`
    INSERT INTO guild_memberships (guild_id, user_id, joined_at, created_at, updated_at)
    VALUES (${guildId}, ${userId}, ${now}, ${now}, ${now})`);
  // In a guild now: their invite from it, and their requests anywhere, are answered.
  await tx.execute(sql`DELETE FROM guild_invites WHERE guild_id = ${guildId} AND user_id = ${userId}`);
  await tx.execute(sql`DELETE FROM guild_join_requests WHERE user_id = ${userId}`);
}

/** A member leaves (or is kicked): the roster row goes, the membership ends now (its watch time stays). */
async function removeMember(tx: Tx, guildId: string, userId: string, now: Date, reason: 'left' | 'kicked'): Promise<void> {
  await tx.execute(sql`DELETE FROM guild_members WHERE guild_id = ${guildId} AND user_id = ${userId}`);
  await tx.execute(sql`
    UPDATE guild_memberships SET left_at = ${now}, left_reason = ${reason}, updated_at = ${now}
    WHERE guild_id = ${guildId} AND user_id = ${userId} AND left_at IS NULL`);
}

async function officersOf(db: Queryable, guildId: string): Promise<string[]> {
  const { rows } = await db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM guild_members WHERE guild_id = ${guildId} AND role IN ('leader', 'officer')`,
  );
  return rows.map((r) => r.user_id);
}

async function personRow(db: Queryable, userId: string): Promise<{ username: string; display_name: string | null }> {
  const { rows } = await db.execute<{ username: string; display_name: string | null }>(
    sql`SELECT username, display_name FROM users WHERE id = ${userId}`,
  );
  return rows[0] ?? { username: 'someone', display_name: null };
}

function throwIf(refusal: Error | null): void {
  if (refusal) throw refusal;
}

/** The unique indexes decide races the checks above cannot see (two joins, two names at once). */
async function withUniqueRefusals<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const cause = ((err as { cause?: unknown })?.cause ?? err) as { code?: string; constraint?: string };
    if (cause?.code !== '23505') throw err;
    if (cause.constraint === 'guilds_name_lower_key') throw guildErrors.nameTaken(name);
    if (cause.constraint === 'guild_members_user_id_key' || cause.constraint === 'guild_memberships_open_key') {
      throw guildErrors.alreadyInGuild();
    }
    throw err;
  }
}

// ---------- telling the sockets ----------

/** Everyone with the guild open refetches it (every instance, through the adapter); rooms call it too. */
export function announce(deps: Pick<GuildServices, 'io'>, guildId: string): void {
  deps.io.of('/guilds').to(guildChannel(guildId)).emit('guild:updated', { guildId });
}

/** The people's sockets leave the guild's channel and hear why. */
function removed(deps: Pick<GuildServices, 'io'>, guildId: string, userIds: string[], reason: 'left' | 'kicked' | 'disbanded'): void {
  if (userIds.length === 0) return;
  const nsp = deps.io.of('/guilds');
  const people = userIds.map(userChannel);
  nsp.in(people).socketsLeave(guildChannel(guildId));
  nsp.to(people).emit('guild:removed', { guildId, reason });
}
