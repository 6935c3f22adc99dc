import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import { isPremiumActive, type PremiumStatus } from '@wt/schemas';

/**
 * Premium grants (leaderboard rewards, admin grants), revokes and the expiry sweep. Whether someone
 * has Premium is `isPremiumActive` (@wt/schemas) on is_premium + premium_until, everywhere.
 */

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A grant can join the caller's transaction (the leaderboard reset's) or run on its own. */
export type DbOrTx = Database | Tx;

export type PremiumErrorCode = 'USER_NOT_FOUND';

/** A refusal with the sentence the admin sees; the router maps the code to a tRPC code. */
export class PremiumError extends Error {
  constructor(
    readonly code: PremiumErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PremiumError';
  }
}

/**
 * Adds `days` of Premium: premium_until = GREATEST(premium_until, now) + days while Premium is active,
 * now + days otherwise, so a grant never shortens what someone has; lifetime (premium_until null with
 * is_premium) stays lifetime. Same rule as `premiumUntilAfterGrant`. Returns the new end (null for
 * lifetime), or undefined when there is no such account.
 */
export async function grantPremium(
  db: DbOrTx,
  userId: string,
  days: number,
  now: Date,
): Promise<{ premiumUntil: Date | null } | undefined> {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`premium days must be a positive integer, got ${days}`);
  // Hours, not days: a day interval follows the session's time zone across a DST change.
  const hours = days * 24;
  const { rows } = await db.execute<{ premium_until: Date | string | null }>(sql`
    UPDATE users SET
      premium_until = CASE
        WHEN is_premium AND premium_until IS NULL THEN NULL
        WHEN is_premium AND premium_until > ${now} THEN premium_until + make_interval(hours => ${hours}::int)
        ELSE ${now}::timestamptz + make_interval(hours => ${hours}::int)
      END,
      is_premium = true,
      updated_at = ${now}
    WHERE id = ${userId}
    RETURNING premium_until`);
  const row = rows[0];
  if (!row) return undefined;
  return { premiumUntil: row.premium_until === null ? null : new Date(row.premium_until) };
}

/** Ends Premium now (lifetime too). */
export async function revokePremium(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.execute(sql`
    UPDATE users SET is_premium = false, premium_until = NULL, updated_at = ${now} WHERE id = ${userId}`);
}

/**
 * Keeps the column honest: clears is_premium where premium_until has passed. Readers do not depend on
 * it (isPremiumActive already says no), but SQL that filters on is_premium does. Returns the count.
 */
export async function expirePremium(db: Database, now: Date): Promise<number> {
  const { rowCount } = await db.execute(sql`
    UPDATE users SET is_premium = false, updated_at = ${now}
    WHERE is_premium AND premium_until IS NOT NULL AND premium_until <= ${now}`);
  return rowCount ?? 0;
}

type MemberRow = {
  id: string;
  username: string;
  is_premium: boolean;
  premium_until: Date | string | null;
};

async function memberByUsername(db: DbOrTx, username: string): Promise<MemberRow> {
  const { rows } = await db.execute<MemberRow>(sql`
    SELECT id, username, is_premium, premium_until FROM users
    WHERE lower(username) = lower(${username}) AND deleted_at IS NULL
    FOR UPDATE`);
  const member = rows[0];
  if (!member)
    throw new PremiumError(
      'USER_NOT_FOUND',
      `No member is called ${username}. Check the username and try again.`,
    );
  return member;
}

function statusOf(row: MemberRow, now: Date): PremiumStatus {
  const premiumUntil = row.premium_until === null ? null : new Date(row.premium_until);
  return {
    userId: row.id,
    username: row.username,
    active: isPremiumActive({ isPremium: row.is_premium, premiumUntil }, now),
    premiumUntil: premiumUntil?.toISOString() ?? null,
  };
}

/** The admin grant: `days` more Premium for the member called `username` (any case). */
export async function grantPremiumTo(
  deps: { db: Database; now: () => Date },
  input: { username: string; days: number },
): Promise<PremiumStatus> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const member = await memberByUsername(tx, input.username);
    const granted = await grantPremium(tx, member.id, input.days, now);
    return statusOf({ ...member, is_premium: true, premium_until: granted!.premiumUntil }, now);
  });
}

/** The admin revoke: the member called `username` has no Premium from now on. */
export async function revokePremiumOf(
  deps: { db: Database; now: () => Date },
  input: { username: string },
): Promise<PremiumStatus> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const member = await memberByUsername(tx, input.username);
    await revokePremium(tx, member.id, now);
    return statusOf({ ...member, is_premium: false, premium_until: null }, now);
  });
}
