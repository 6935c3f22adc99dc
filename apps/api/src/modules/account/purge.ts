import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@wt/db';
import { DEACTIVATION_GRACE_DAYS, DELETED_USER_NAME } from '@wt/schemas';
import type { Logger } from 'pino';
import type { ObjectStorage } from '../../infra/storage/types';

/*
 * The GDPR purge (DESIGN section 7, issue 3 item 8). A deleted account keeps one row in `users`, made
 * anonymous, because some records must outlive the person: money (transactions, payouts through the
 * creator profile, ads they paid for), ownership others depend on (series others bought, rooms) and
 * other people's conversations (the person's chat lines and comments stay, shown as "Deleted user").
 * Everything else that ties data to the person is deleted.
 *
 * Decisions:
 * - Guilds they own go to the member who has been an officer longest, else the longest member (only
 *   people whose accounts are active); with nobody left the guild is disbanded (deleted: memberships
 *   go with it, its rooms stay without a guild).
 * - Rooms they lead go to a member who is in the room now (a moderator before a member, the longest
 *   present first, nobody banned); with nobody there the room is deactivated and keeps the anonymous
 *   leader, so the chat of the others stays readable in their history.
 * - Room messages and episode comments are kept; their author is the anonymous row, which clients show
 *   as "Deleted user" (DELETED_USER_NAME). System lines that name the person ("Maya Chen joined the
 *   room") get the name replaced by "Deleted user".
 * - A creator profile stays (earnings, payouts and the series people paid for hang off it) with the
 *   name "Deleted creator", no bio, no avatar and a neutral slug.
 * - Reports they filed stay in the moderation queue without a reporter; reports about them stay.
 * - Uploads no episode uses are deleted; uploads behind episodes stay without an uploader.
 * - Analytics events (by user id, and the anonymous browser id those events carry), individual
 *   leaderboard rows, notifications that mention them, pending tokens and their mail are deleted;
 *   other people's XP dedupe keys that hold their id ("friend:<id>") are cleared.
 *
 * The job is idempotent: every step either finds nothing left to do or writes the same values again.
 */

/** What the purge does with each foreign key to users(id); a new one must be added here. */
export type UserReferencePolicy =
  /** Personal rows: deleted. */
  | 'delete'
  /** Someone else's record that merely names the person (who reviewed, who banned): the link is cut. */
  | 'set-null'
  /** Ownership others depend on: handed over to another member, else dissolved. Nothing is left. */
  | 'transfer'
  /** Handed over when someone can take it, else kept pointing at the anonymous row. */
  | 'transfer-or-keep'
  /** Must stay (money, ownership, other people's conversations); points at the anonymous row. */
  | 'keep';

/**
 * Every foreign key to users(id), as `table.column`. The purge refuses to run when the database has
 * one that is not listed (a new table must decide what happens to its rows), and the integration test
 * compares this list with the catalog.
 */
export const USER_REFERENCES = {
  'sessions.user_id': 'delete',
  'accounts.user_id': 'delete',
  'two_factors.user_id': 'delete',
  'friend_requests.from_user_id': 'delete',
  'friend_requests.to_user_id': 'delete',
  'user_blocks.blocker_id': 'delete',
  'user_blocks.blocked_id': 'delete',
  'guilds.owner_id': 'transfer',
  'guild_members.user_id': 'delete',
  // Their memberships go with their share of guild watch time (below); what they wrote in a guild's chat
  // stays, shown as "Deleted user", as room chat does.
  'guild_memberships.user_id': 'delete',
  'guild_invites.user_id': 'delete',
  'guild_invites.invited_by': 'set-null',
  'guild_join_requests.user_id': 'delete',
  'guild_messages.user_id': 'keep',
  'guild_events.created_by': 'set-null',
  'rooms.leader_id': 'transfer-or-keep',
  'room_members.user_id': 'delete',
  'room_messages.user_id': 'keep',
  'room_message_reactions.user_id': 'delete',
  'room_invites.created_by': 'delete',
  'room_bans.user_id': 'delete',
  'room_bans.banned_by': 'set-null',
  'watch_sessions.user_id': 'delete',
  'xp_log.user_id': 'delete',
  // A purged member's share of a guild's watch time goes with them (the guild's board entry follows at
  // the next accrual that touches the guild).
  'guild_watch_contributions.user_id': 'delete',
  'user_event_progress.user_id': 'delete',
  'user_badges.user_id': 'delete',
  'ads.advertiser_id': 'keep',
  'ad_impressions.user_id': 'delete',
  'creator_profiles.user_id': 'keep',
  'creator_profiles.reviewed_by': 'set-null',
  'video_assets.uploaded_by': 'set-null',
  'transactions.user_id': 'keep',
  'season_access.user_id': 'delete',
  'episode_progress.user_id': 'delete',
  'reactions.user_id': 'delete',
  'comments.user_id': 'keep',
  'featured_slots.created_by': 'set-null',
  'reports.reporter_id': 'set-null',
  'reports.resolved_by': 'set-null',
  'notifications.user_id': 'delete',
  'push_subscriptions.user_id': 'delete',
} as const satisfies Record<string, UserReferencePolicy>;

const DELETED_CREATOR_NAME = 'Deleted creator';
const DELETED_EMAIL_DOMAIN = 'deleted.invalid';

/** The address a purged account ends with; also how the catch-up job tells a purged account apart. */
export const deletedEmailFor = (userId: string) => `${userId}@${DELETED_EMAIL_DOMAIN}`;

export interface PurgeDeps {
  db: Database;
  now: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Where uploaded avatars live: the purged account's avatar file is deleted there after the commit. */
  storage?: Pick<ObjectStorage, 'keyOf' | 'delete'>;
}

export type PurgeOutcome =
  | { status: 'not-found' }
  /** The account is not marked deleted (a stray job must never purge a live account). */
  | { status: 'not-deleted' }
  | {
      status: 'purged';
      guildsTransferred: number;
      guildsDisbanded: number;
      roomsTransferred: number;
      roomsDeactivated: number;
    };

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

class UnknownUserReferenceError extends Error {
  override name = 'UnknownUserReferenceError';
}

/** Purges one account marked deleted (deleted_at set), in one transaction. */
export async function purgeAccount(deps: PurgeDeps, userId: string): Promise<PurgeOutcome> {
  let avatarUrl: string | null = null;
  const outcome = await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ email: string; display_name: string | null; deleted: boolean; avatar_url: string | null }>(
      sql`SELECT email, display_name, deleted_at IS NOT NULL AS deleted, avatar_url FROM users WHERE id = ${userId} FOR UPDATE`,
    );
    const user = rows[0];
    avatarUrl = user?.avatar_url ?? null;
    if (!user) return { status: 'not-found' } as const;
    if (!user.deleted) return { status: 'not-deleted' } as const;
    await assertEveryReferenceHasAPolicy(tx);

    const emails = await addressesOf(tx, userId, user.email);
    const guilds = await transferOrDisbandGuilds(tx, userId);
    const rooms = await transferOrDeactivateRooms(tx, userId, deps.now());
    await anonymiseSystemLines(tx, userId, user.display_name);
    await tx.execute(sql`
      DELETE FROM video_assets v WHERE v.uploaded_by = ${userId}
        AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.video_asset_id = v.id)`);

    for (const [reference, policy] of Object.entries(USER_REFERENCES) as [string, UserReferencePolicy][]) {
      const [table, column] = reference.split('.') as [string, string];
      const target = sql`${sql.identifier(table)}`;
      const matches = sql`${sql.identifier(column)} = ${userId}`;
      if (policy === 'delete') await tx.execute(sql`DELETE FROM ${target} WHERE ${matches}`);
      if (policy === 'set-null')
        await tx.execute(sql`UPDATE ${target} SET ${sql.identifier(column)} = NULL WHERE ${matches}`);
    }

    await deleteUnlinkedTraces(tx, userId, emails);
    await anonymiseCreatorProfile(tx, userId);
    await anonymiseUserRow(tx, userId);
    return { status: 'purged', ...guilds, ...rooms } as const;
  });
  if (outcome.status === 'purged' && avatarUrl) await deleteAvatarFile(deps, avatarUrl);
  return outcome;
}

/** After the commit: a file left behind is logged (and costs only space), the purge itself stands. */
async function deleteAvatarFile(deps: PurgeDeps, avatarUrl: string): Promise<void> {
  const key = deps.storage?.keyOf(avatarUrl);
  if (!key) return;
  try {
    await deps.storage!.delete(key);
  } catch (err) {
    deps.log.warn({ key, reason: err instanceof Error ? err.message : 'unknown' }, 'purged account: avatar file not deleted');
  }
}

/**
 * The daily sweep: deactivations older than the grace period become deletions, and every deleted
 * account not purged yet (a purge job lost with an in-process queue, or one that kept failing) is
 * purged now. Returns the accounts purged.
 */
export async function purgeExpiredAccounts(deps: PurgeDeps): Promise<string[]> {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - DEACTIVATION_GRACE_DAYS * 24 * 3600 * 1000);
  await deps.db.execute(sql`
    UPDATE users SET deleted_at = ${now}
    WHERE deleted_at IS NULL AND deactivated_at IS NOT NULL AND deactivated_at < ${cutoff}`);
  const { rows } = await deps.db.execute<{ id: string }>(sql`
    SELECT id FROM users
    WHERE deleted_at IS NOT NULL AND email <> (id::text || ${`@${DELETED_EMAIL_DOMAIN}`})
    ORDER BY deleted_at`);
  const purged: string[] = [];
  let firstError: unknown = null;
  for (const { id } of rows) {
    try {
      const outcome = await purgeAccount(deps, id);
      if (outcome.status === 'purged') purged.push(id);
    } catch (err) {
      // One failing account must not keep the others' data: go on, then fail so the job retries.
      deps.log.error({ err, userId: id }, 'account purge failed');
      firstError ??= err;
    }
  }
  if (firstError) throw firstError;
  return purged;
}

async function assertEveryReferenceHasAPolicy(tx: Tx): Promise<void> {
  const { rows } = await tx.execute<{ reference: string }>(sql`
    SELECT c.conrelid::regclass::text || '.' || a.attname AS reference
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass`);
  const unknown = rows.map((r) => r.reference).filter((ref) => !(ref in USER_REFERENCES));
  if (unknown.length > 0) {
    throw new UnknownUserReferenceError(
      `The purge does not know what to do with ${unknown.join(', ')}: add them to USER_REFERENCES in modules/account/purge.ts.`,
    );
  }
}

/** The account's address and any address it asked to move to (pending email changes). */
async function addressesOf(tx: Tx, userId: string, email: string): Promise<string[]> {
  const { rows } = await tx.execute<{ value: string }>(sql`
    SELECT value FROM verifications WHERE identifier LIKE 'change-email:%' AND strpos(value, ${userId}) > 0`);
  const pending = rows.flatMap((r) => {
    try {
      const parsed = JSON.parse(r.value) as { newEmail?: unknown };
      return typeof parsed.newEmail === 'string' ? [parsed.newEmail] : [];
    } catch {
      return [];
    }
  });
  return [...new Set([email, ...pending].map((e) => e.toLowerCase()))];
}

async function transferOrDisbandGuilds(tx: Tx, userId: string) {
  const { rows: owned } = await tx.execute<{ id: string }>(
    sql`SELECT id FROM guilds WHERE owner_id = ${userId} FOR UPDATE`,
  );
  let guildsTransferred = 0;
  let guildsDisbanded = 0;
  for (const { id } of owned) {
    const { rows } = await tx.execute<{ user_id: string }>(sql`
      SELECT m.user_id FROM guild_members m JOIN users u ON u.id = m.user_id
      WHERE m.guild_id = ${id} AND m.user_id <> ${userId} AND u.deactivated_at IS NULL AND u.deleted_at IS NULL
      ORDER BY CASE m.role WHEN 'leader' THEN 0 WHEN 'officer' THEN 1 ELSE 2 END, m.joined_at, m.user_id
      LIMIT 1`);
    const heir = rows[0]?.user_id;
    if (heir) {
      await tx.execute(sql`UPDATE guilds SET owner_id = ${heir}, updated_at = now() WHERE id = ${id}`);
      await tx.execute(
        sql`UPDATE guild_members SET role = 'leader', updated_at = now() WHERE guild_id = ${id} AND user_id = ${heir}`,
      );
      guildsTransferred += 1;
    } else {
      // Its leaderboard rows would point at nothing.
      await tx.execute(sql`DELETE FROM leaderboard_snapshots WHERE type = 'guild' AND entity_id = ${id}`);
      await tx.execute(sql`DELETE FROM guilds WHERE id = ${id}`);
      guildsDisbanded += 1;
    }
  }
  return { guildsTransferred, guildsDisbanded };
}

async function transferOrDeactivateRooms(tx: Tx, userId: string, now: Date) {
  const { rows: led } = await tx.execute<{ id: string; is_active: boolean }>(
    sql`SELECT id, is_active FROM rooms WHERE leader_id = ${userId} FOR UPDATE`,
  );
  let roomsTransferred = 0;
  let roomsDeactivated = 0;
  for (const room of led) {
    const { rows } = await tx.execute<{ user_id: string }>(sql`
      SELECT m.user_id FROM room_members m JOIN users u ON u.id = m.user_id
      WHERE m.room_id = ${room.id} AND m.user_id <> ${userId} AND m.left_at IS NULL
        AND (m.banned_until IS NULL OR m.banned_until <= ${now})
        AND NOT EXISTS (
          SELECT 1 FROM room_bans b WHERE b.room_id = m.room_id AND b.user_id = m.user_id
            AND (b.until IS NULL OR b.until > ${now}))
        AND u.deactivated_at IS NULL AND u.deleted_at IS NULL
      ORDER BY CASE m.role WHEN 'moderator' THEN 0 ELSE 1 END, m.joined_at, m.user_id
      LIMIT 1`);
    const heir = rows[0]?.user_id;
    if (heir) {
      await tx.execute(sql`UPDATE rooms SET leader_id = ${heir}, updated_at = now() WHERE id = ${room.id}`);
      await tx.execute(
        sql`UPDATE room_members SET role = 'leader', updated_at = now() WHERE room_id = ${room.id} AND user_id = ${heir}`,
      );
      roomsTransferred += 1;
    } else if (room.is_active) {
      await tx.execute(sql`UPDATE rooms SET is_active = false, updated_at = now() WHERE id = ${room.id}`);
      roomsDeactivated += 1;
    }
  }
  return { roomsTransferred, roomsDeactivated };
}

/**
 * "Maya Chen joined the room" in the rooms they were in becomes "Deleted user joined the room". Only the
 * display name is replaced: a username can be an ordinary word ("the", "room").
 */
async function anonymiseSystemLines(tx: Tx, userId: string, displayName: string | null) {
  if (!displayName || displayName.trim().length < 2) return;
  await tx.execute(sql`
    UPDATE room_messages SET content = replace(content, ${displayName}, ${DELETED_USER_NAME}), updated_at = now()
    WHERE kind = 'system' AND strpos(content, ${displayName}) > 0 AND room_id IN (
      SELECT room_id FROM room_members WHERE user_id = ${userId} UNION SELECT id FROM rooms WHERE leader_id = ${userId})`);
}

/** Data that names the person without a foreign key. */
async function deleteUnlinkedTraces(tx: Tx, userId: string, emails: string[]) {
  const emailArray = sql`ARRAY[${sql.join(
    emails.map((e) => sql`${e}`),
    sql`, `,
  )}]::text[]`;
  const mentionsAnAddress = (column: SQL) =>
    sql`EXISTS (SELECT 1 FROM unnest(${emailArray}) AS e(address) WHERE strpos(lower(${column}), e.address) > 0)`;

  // Pre-signup events of the same browser are theirs too.
  await tx.execute(sql`
    DELETE FROM analytics_events WHERE user_id = ${userId} OR anonymous_id IN (
      SELECT anonymous_id FROM analytics_events WHERE user_id = ${userId} AND anonymous_id IS NOT NULL)`);
  await tx.execute(
    sql`DELETE FROM leaderboard_snapshots WHERE type = 'individual' AND entity_id = ${userId}`,
  );
  await tx.execute(sql`DELETE FROM leaderboard_entries WHERE board LIKE 'individual:%' AND entity_id = ${userId}`);
  // Other people's XP keys name them ("friend:<id>"); the friendship is gone, so is the need to dedupe.
  await tx.execute(
    sql`UPDATE xp_log SET dedupe_key = NULL, updated_at = now() WHERE strpos(dedupe_key, ${userId}) > 0`,
  );
  // Other people's notifications about them ("maya invited you"): the payload holds their id.
  await tx.execute(sql`DELETE FROM notifications WHERE strpos(payload::text, ${userId}) > 0`);
  // Email verification, reset, email change, MFA and OAuth state: keyed by their id or address.
  await tx.execute(sql`
    DELETE FROM verifications WHERE strpos(identifier, ${userId}) > 0 OR strpos(value, ${userId}) > 0
      OR ${mentionsAnAddress(sql`identifier`)} OR ${mentionsAnAddress(sql`value`)}`);
  await tx.execute(sql`
    DELETE FROM mail_outbox WHERE lower("to") = ANY (${emailArray}) OR ${mentionsAnAddress(sql`"text"`)}`);
}

async function anonymiseCreatorProfile(tx: Tx, userId: string) {
  const { rows } = await tx.execute<{ id: string }>(
    sql`SELECT id FROM creator_profiles WHERE user_id = ${userId}`,
  );
  const profile = rows[0];
  if (!profile) return;
  const slug = await firstFree(
    tx,
    sql`creator_profiles`,
    sql`slug`,
    profile.id,
    neutralNames('deleted-', userId),
  );
  await tx.execute(sql`
    UPDATE creator_profiles SET display_name = ${DELETED_CREATOR_NAME}, slug = ${slug}, bio = NULL, avatar_url = NULL,
      updated_at = now()
    WHERE id = ${profile.id}`);
}

async function anonymiseUserRow(tx: Tx, userId: string) {
  const username = await firstFree(tx, sql`users`, sql`username`, userId, neutralNames('deleted_', userId));
  await tx.execute(sql`
    UPDATE users SET username = ${username}, email = ${deletedEmailFor(userId)}, display_name = NULL,
      avatar_url = NULL, bio = NULL, settings = '{}'::jsonb, level = 1, xp = 0, is_premium = false,
      premium_until = NULL, is_verified = false, email_verified = false, role = 'viewer',
      last_login_at = NULL, deactivated_at = NULL, updated_at = now()
    WHERE id = ${userId}`);
}

/** `deleted_1a2b3c4d`, derived from the id so a re-run writes the same name; longer on a clash. */
function neutralNames(prefix: string, userId: string): string[] {
  const hex = userId.replace(/-/g, '');
  return [`${prefix}${hex.slice(0, 8)}`, `${prefix}${hex.slice(0, 12)}`];
}

async function firstFree(
  tx: Tx,
  table: SQL,
  column: SQL,
  ownId: string,
  candidates: string[],
): Promise<string> {
  for (const candidate of candidates) {
    const { rows } = await tx.execute(
      sql`SELECT 1 FROM ${table} WHERE lower(${column}) = lower(${candidate}) AND id <> ${ownId} LIMIT 1`,
    );
    if (rows.length === 0) return candidate;
  }
  throw new Error(`No free anonymous name among ${candidates.join(', ')}.`);
}
