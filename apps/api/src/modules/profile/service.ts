import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  LIMITS,
  readUserSettings,
  USERNAME_CHANGE_DAYS,
  type EditableProfile,
  type Person,
  type ProfileFriends,
  type ProfileRelation,
  type PublicProfile,
  type updateProfileInput,
} from '@wt/schemas';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ObjectStorage } from '../../infra/storage';
import { isReservedUsername } from '../auth/reserved-usernames';
import { areFriends, friendState } from '../friends/service';
import type { Queryable } from '../rooms/views';
import { processAvatar } from './avatar';
import { profileErrors } from './errors';
import { applyPrivacy, visibleParts, type Relationship } from './privacy';
import { hoursOf, periodStarts } from './watch-hours';

/*
 * Profiles (issue 6, seed 000 "Profile System"): the public profile as a viewer may see it, the owner's
 * edits (username, display name, bio, badge showcase) and the avatar, stored through the storage port.
 */

export interface ProfileDeps {
  db: Database;
  now: () => Date;
}

export interface AvatarDeps extends ProfileDeps {
  storage: ObjectStorage;
  log: Pick<Logger, 'warn'>;
}

const DAY_MS = 24 * 3600 * 1000;
const FRIEND_LIST_MAX = 500;

type OwnerRow = {
  id: string;
  username: string;
  display_name: string | null;
  avatar_url: string | null;
  bio: string | null;
  level: number;
  xp: number;
  settings: unknown;
  created_at: Date | string;
};

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/**
 * The live account behind a username (case-insensitive), as `viewerId` may reach it: deactivated and
 * deleted accounts, and people who blocked the viewer, are not found.
 */
async function findOwner(db: Queryable, username: string, viewerId: string | null): Promise<OwnerRow> {
  const { rows } = await db.execute<OwnerRow>(sql`
    SELECT u.id, u.username, u.display_name, u.avatar_url, u.bio, u.level, u.xp, u.settings, u.created_at
    FROM users u
    WHERE lower(u.username) = lower(${username})
      AND u.deactivated_at IS NULL AND u.deleted_at IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM user_blocks b WHERE b.blocker_id = u.id AND b.blocked_id = ${viewerId ?? null}::uuid)
    LIMIT 1`);
  const owner = rows[0];
  if (!owner) throw profileErrors.notFound();
  return owner;
}

async function relationshipOf(db: Queryable, ownerId: string, viewerId: string | null): Promise<Relationship> {
  if (!viewerId) return 'stranger';
  if (viewerId === ownerId) return 'owner';
  return (await areFriends(db, ownerId, viewerId)) ? 'friend' : 'stranger';
}

/** Accepted friendships either way with people whose accounts are live. */
const friendIdsOf = (userId: string) => sql`
  SELECT CASE WHEN f.from_user_id = ${userId} THEN f.to_user_id ELSE f.from_user_id END AS friend_id
  FROM friend_requests f
  WHERE f.status = 'accepted' AND (f.from_user_id = ${userId} OR f.to_user_id = ${userId})`;

async function watchHours(db: Queryable, userId: string, now: Date) {
  const { week, month, year } = periodStarts(now);
  // Closed sessions count their measured duration; an open one counts up to now.
  const { rows } = await db.execute<{ week: string; month: string; year: string; total: string }>(sql`
    WITH s AS (
      SELECT started_at,
             GREATEST(0, COALESCE(
               duration_secs::double precision,
               EXTRACT(EPOCH FROM (COALESCE(ended_at, ${now}::timestamptz) - started_at)))) AS secs
      FROM watch_sessions WHERE user_id = ${userId} AND started_at <= ${now}::timestamptz)
    SELECT COALESCE(SUM(secs) FILTER (WHERE started_at >= ${week}::timestamptz), 0) AS week,
           COALESCE(SUM(secs) FILTER (WHERE started_at >= ${month}::timestamptz), 0) AS month,
           COALESCE(SUM(secs) FILTER (WHERE started_at >= ${year}::timestamptz), 0) AS year,
           COALESCE(SUM(secs), 0) AS total
    FROM s`);
  const r = rows[0]!;
  return {
    thisWeek: hoursOf(Number(r.week)),
    thisMonth: hoursOf(Number(r.month)),
    thisYear: hoursOf(Number(r.year)),
    allTime: hoursOf(Number(r.total)),
  };
}

async function displayedBadges(db: Queryable, userId: string): Promise<PublicProfile['badges']> {
  const { rows } = await db.execute<{ id: string; name: string; image_url: string | null; earned_at: Date | string }>(sql`
    SELECT b.id, b.name, b.image_url, ub.earned_at
    FROM user_badges ub JOIN badges b ON b.id = ub.badge_id
    WHERE ub.user_id = ${userId} AND ub.is_displayed
    ORDER BY ub.earned_at DESC, b.name
    LIMIT ${LIMITS.badgeShowcaseMax}`);
  return rows.map((b) => ({ id: b.id, name: b.name, iconUrl: b.image_url, earnedAt: iso(b.earned_at) }));
}

async function guildOf(db: Queryable, userId: string): Promise<PublicProfile['guild']> {
  const { rows } = await db.execute<{ id: string; name: string; avatar_url: string | null }>(sql`
    SELECT g.id, g.name, g.avatar_url FROM guild_members m JOIN guilds g ON g.id = m.guild_id WHERE m.user_id = ${userId}`);
  const g = rows[0];
  return g ? { id: g.id, name: g.name, avatarUrl: g.avatar_url } : null;
}

async function friendCountOf(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(DISTINCT f.friend_id)::int AS n FROM (${friendIdsOf(userId)}) f
    JOIN users u ON u.id = f.friend_id AND u.deactivated_at IS NULL AND u.deleted_at IS NULL`);
  return rows[0]?.n ?? 0;
}

/**
 * GET /api/users/:username/profile: seed 000's shape, with the parts the owner's privacy settings hide
 * from this viewer nulled (a part hidden from the viewer is not even read).
 */
export async function getPublicProfile(deps: ProfileDeps, username: string, viewerId: string | null): Promise<PublicProfile> {
  const owner = await findOwner(deps.db, username, viewerId);
  const relationship = await relationshipOf(deps.db, owner.id, viewerId);
  const { privacy } = readUserSettings(owner.settings);
  const parts = visibleParts(privacy, relationship);
  const [badges, stats, guild, friendCount] = await Promise.all([
    parts.profile ? displayedBadges(deps.db, owner.id) : [],
    parts.watchStats ? watchHours(deps.db, owner.id, deps.now()).then((watchHours) => ({ watchHours })) : null,
    parts.guild ? guildOf(deps.db, owner.id) : null,
    parts.friendList ? friendCountOf(deps.db, owner.id) : null,
  ]);
  return applyPrivacy(
    {
      username: owner.username,
      displayName: owner.display_name,
      avatarUrl: owner.avatar_url,
      bio: owner.bio,
      level: owner.level,
      xp: owner.xp,
      badges,
      stats,
      guild,
      joinedAt: iso(owner.created_at),
      friendCount,
    },
    privacy,
    relationship,
  );
}

/** profile.friends: the owner's friends when the friend list is visible to the viewer, else null. */
export async function getProfileFriends(deps: ProfileDeps, username: string, viewerId: string | null): Promise<ProfileFriends> {
  const owner = await findOwner(deps.db, username, viewerId);
  const relationship = await relationshipOf(deps.db, owner.id, viewerId);
  if (!visibleParts(readUserSettings(owner.settings).privacy, relationship).friendList) return null;
  const { rows } = await deps.db.execute<{ id: string; username: string; display_name: string | null; avatar_url: string | null }>(sql`
    SELECT DISTINCT u.id, u.username, u.display_name, u.avatar_url, lower(u.username) AS sort_key
    FROM (${friendIdsOf(owner.id)}) f
    JOIN users u ON u.id = f.friend_id AND u.deactivated_at IS NULL AND u.deleted_at IS NULL
    ORDER BY sort_key LIMIT ${FRIEND_LIST_MAX}`);
  return rows.map((u): Person => ({ id: u.id, username: u.username, displayName: u.display_name, avatarUrl: u.avatar_url }));
}

/** profile.relation: the profile's user id and where the signed-in viewer stands with them. */
export async function getProfileRelation(deps: ProfileDeps, username: string, viewerId: string): Promise<ProfileRelation> {
  const owner = await findOwner(deps.db, username, viewerId);
  const isSelf = owner.id === viewerId;
  return { userId: owner.id, isSelf, friendState: isSelf ? 'none' : await friendState(deps.db, viewerId, owner.id) };
}

// ---------- the owner's side ----------

/** profile.me: what Settings > Profile shows and edits. */
export async function getEditableProfile(deps: ProfileDeps, userId: string): Promise<EditableProfile> {
  const { rows } = await deps.db.execute<{
    id: string;
    username: string;
    display_name: string | null;
    bio: string | null;
    avatar_url: string | null;
    username_changed_at: Date | string | null;
  }>(sql`SELECT id, username, display_name, bio, avatar_url, username_changed_at FROM users WHERE id = ${userId}`);
  const user = rows[0];
  if (!user) throw profileErrors.unauthenticated();
  const { rows: badges } = await deps.db.execute<{
    id: string;
    name: string;
    description: string | null;
    image_url: string | null;
    earned_at: Date | string;
    is_displayed: boolean;
  }>(sql`
    SELECT b.id, b.name, b.description, b.image_url, ub.earned_at, ub.is_displayed
    FROM user_badges ub JOIN badges b ON b.id = ub.badge_id
    WHERE ub.user_id = ${userId} ORDER BY ub.earned_at DESC, b.name`);
  const nextChange = usernameChangeAvailableAt(user.username_changed_at, deps.now());
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    bio: user.bio,
    avatarUrl: user.avatar_url,
    badges: badges.map((b) => ({
      id: b.id,
      name: b.name,
      description: b.description,
      iconUrl: b.image_url,
      earnedAt: iso(b.earned_at),
      isDisplayed: b.is_displayed,
    })),
    usernameChangeAvailableAt: nextChange ? nextChange.toISOString() : null,
  };
}

/** When a username changed at `changedAt` may change again; null when it may now. */
export function usernameChangeAvailableAt(changedAt: Date | string | null, now: Date): Date | null {
  if (!changedAt) return null;
  const next = new Date(new Date(changedAt).getTime() + USERNAME_CHANGE_DAYS * DAY_MS);
  return next > now ? next : null;
}

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value ? value : null);

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * POST /api/users/me/profile: changes the fields given, in one transaction. A new username must be free
 * (case-insensitively), not reserved, and the last change at least USERNAME_CHANGE_DAYS days ago; the
 * showcase lists earned badges only and replaces the previous one.
 */
export async function updateProfile(
  deps: ProfileDeps,
  userId: string,
  input: z.output<typeof updateProfileInput>,
): Promise<EditableProfile> {
  const now = deps.now();
  try {
    await deps.db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ username: string; username_changed_at: Date | string | null }>(
        sql`SELECT username, username_changed_at FROM users WHERE id = ${userId} FOR UPDATE`,
      );
      const current = rows[0];
      if (!current) throw profileErrors.unauthenticated();

      const username = input.username !== undefined && input.username !== current.username ? input.username : undefined;
      if (username !== undefined) {
        const sameName = username.toLowerCase() === current.username.toLowerCase();
        if (!sameName && isReservedUsername(username)) throw profileErrors.usernameReserved();
        const next = usernameChangeAvailableAt(current.username_changed_at, now);
        if (next) throw profileErrors.usernameTooSoon(next);
        const { rows: taken } = await tx.execute(
          sql`SELECT 1 FROM users WHERE lower(username) = lower(${username}) AND id <> ${userId} LIMIT 1`,
        );
        if (taken.length > 0) throw profileErrors.usernameTaken();
      }

      const displayName = blankToNull(input.displayName);
      const bio = blankToNull(input.bio);
      await tx.execute(sql`
        UPDATE users SET
          username = COALESCE(${username ?? null}, username),
          username_changed_at = CASE WHEN ${username !== undefined} THEN ${now}::timestamptz ELSE username_changed_at END,
          display_name = CASE WHEN ${displayName !== undefined} THEN ${displayName ?? null} ELSE display_name END,
          bio = CASE WHEN ${bio !== undefined} THEN ${bio ?? null} ELSE bio END,
          updated_at = ${now}
        WHERE id = ${userId}`);

      if (input.showcase !== undefined) {
        const ids = [...new Set(input.showcase)];
        if (ids.length > 0) {
          const { rows: earned } = await tx.execute<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM user_badges
            WHERE user_id = ${userId} AND badge_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
          if (earned[0]!.n !== ids.length) throw profileErrors.badgeNotEarned();
        }
        const chosen = ids.length > 0 ? sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `) : sql`NULL`;
        await tx.execute(sql`
          UPDATE user_badges SET is_displayed = (badge_id IN (${chosen})) IS TRUE, updated_at = ${now}
          WHERE user_id = ${userId} AND is_displayed IS DISTINCT FROM ((badge_id IN (${chosen})) IS TRUE)`);
      }
    });
  } catch (err) {
    // Two people claiming the same free name at once: the unique index decides.
    if (isUniqueViolation(err)) throw profileErrors.usernameTaken();
    throw err;
  }
  return getEditableProfile(deps, userId);
}

async function replaceAvatarUrl(deps: AvatarDeps, userId: string, avatarUrl: string | null): Promise<void> {
  const { rows } = await deps.db.execute<{ old: string | null }>(sql`
    UPDATE users u SET avatar_url = ${avatarUrl}, updated_at = ${deps.now()}
    FROM (SELECT avatar_url AS old FROM users WHERE id = ${userId} FOR UPDATE) prev
    WHERE u.id = ${userId} RETURNING prev.old`);
  if (rows.length === 0) throw profileErrors.unauthenticated();
  const oldKey = rows[0]!.old ? deps.storage.keyOf(rows[0]!.old) : null;
  const newKey = avatarUrl ? deps.storage.keyOf(avatarUrl) : null;
  if (oldKey && oldKey !== newKey) await deleteQuietly(deps, oldKey);
}

/** A file left behind costs a little space; failing the request for it would lose the new avatar. */
async function deleteQuietly(deps: AvatarDeps, key: string): Promise<void> {
  try {
    await deps.storage.delete(key);
  } catch (err) {
    deps.log.warn({ key, reason: err instanceof Error ? err.message : 'unknown' }, 'old avatar not deleted');
  }
}

/** The storage key of a user's avatar: per user (deleting one never touches another's) and content-hashed. */
export function avatarKey(userId: string, hash: string): string {
  return `avatars/${userId.toLowerCase()}/${hash}.webp`;
}

/** POST /api/users/me/avatar: checks, re-encodes and stores the picture, then points the profile at it. */
export async function setAvatar(deps: AvatarDeps, userId: string, upload: Buffer): Promise<{ avatarUrl: string }> {
  const avatar = await processAvatar(upload);
  const key = avatarKey(userId, avatar.hash);
  await deps.storage.put(key, avatar.bytes, avatar.contentType);
  const avatarUrl = deps.storage.urlFor(key);
  await replaceAvatarUrl(deps, userId, avatarUrl);
  return { avatarUrl };
}

/** DELETE /api/users/me/avatar. */
export async function removeAvatar(deps: AvatarDeps, userId: string): Promise<{ avatarUrl: null }> {
  await replaceAvatarUrl(deps, userId, null);
  return { avatarUrl: null };
}
