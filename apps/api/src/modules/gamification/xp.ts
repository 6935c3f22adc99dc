import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import {
  isKeyOfRule,
  LEVEL_THRESHOLDS,
  XP_RULES,
  xpAmountFor,
  XpRuleError,
  xpStanding,
  type XpRuleName,
  type XpServerToClientEvents,
} from '@wt/schemas';
import { notify, type NotifyServices } from '../notifications/notify';

/**
 * Exactly-once XP (issue 7). Every award names its rule and a dedupe key for the rule's window
 * (`@wt/schemas` xp.ts computes both); xp_log's UNIQUE(user_id, dedupe_key) decides which award lands,
 * so retries, duplicate events and concurrent calls add XP once and never lose one.
 */

export interface AwardXpInput {
  userId: string;
  rule: XpRuleName;
  key: string;
  /** Only for ranged rules (event tasks, 50..500); fixed rules refuse any other amount. */
  amount?: number;
}

export interface XpAward {
  /** False when the key had landed already, or the account is deleted or deactivated. */
  awarded: boolean;
  xp: number;
  level: number;
  leveledUp: boolean;
}

// The level column is computed in SQL from the seed thresholds: count of thresholds reached.
const THRESHOLDS = sql.raw(`ARRAY[${LEVEL_THRESHOLDS.join(',')}]::int[]`);

/**
 * One transaction: lock the user's row (a deleted or deactivated account gets nothing), insert the
 * xp_log row unless its key landed already, and only then add the amount to users.xp and recompute
 * users.level. Concurrent awards to one user queue on the row lock; two awards with one key meet at
 * the unique index. No notification here: `awardXp` announces a level-up after the commit.
 */
export async function recordXp(
  deps: { db: Database; now: () => Date },
  input: AwardXpInput,
): Promise<XpAward> {
  if (!isKeyOfRule(input.rule, input.key)) throw new XpRuleError(`${input.key} is not a ${input.rule} key`);
  const amount = xpAmountFor(input.rule, input.amount);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { rows: people } = await tx.execute<{ xp: number; level: number }>(sql`
      SELECT xp, level FROM users
      WHERE id = ${input.userId} AND deleted_at IS NULL AND deactivated_at IS NULL
      FOR UPDATE`);
    const before = people[0];
    if (!before) return { awarded: false, xp: 0, level: 1, leveledUp: false };
    const { rows: logged } = await tx.execute(sql`
      INSERT INTO xp_log (user_id, amount, reason, dedupe_key, created_at, updated_at)
      VALUES (${input.userId}, ${amount}, ${XP_RULES[input.rule].reason}, ${input.key}, ${now}, ${now})
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING id`);
    if (logged.length === 0) return { awarded: false, xp: before.xp, level: before.level, leveledUp: false };
    const { rows } = await tx.execute<{ xp: number; level: number }>(sql`
      UPDATE users SET
        xp = xp + ${amount},
        level = (SELECT count(*)::int FROM unnest(${THRESHOLDS}) AS t(threshold) WHERE t.threshold <= xp + ${amount}),
        updated_at = ${now}
      WHERE id = ${input.userId}
      RETURNING xp, level`);
    const after = rows[0]!;
    return { awarded: true, xp: after.xp, level: after.level, leveledUp: after.level > before.level };
  });
}

export type XpServices = NotifyServices;

/**
 * Awards XP (see `recordXp`) and, after the commit, tells the person's open tabs (`xp:gained`) and announces a level-up: an in-app `level_up`
 * notification and `xp:level_up` on /global to `user:<id>` (the toast). A failed announcement is
 * logged; the XP stays awarded.
 */
export async function awardXp(services: XpServices, input: AwardXpInput): Promise<XpAward> {
  const award = await recordXp(services, input);
  if (!award.awarded) return award;
  const global = services.io.of('/global').to(`user:${input.userId}`);
  const gained: Parameters<XpServerToClientEvents['xp:gained']>[0] = {
    amount: xpAmountFor(input.rule, input.amount),
    rule: input.rule,
    standing: xpStanding(award.xp, award.level),
  };
  global.emit('xp:gained', gained);
  if (award.leveledUp) {
    const event: Parameters<XpServerToClientEvents['xp:level_up']>[0] = { level: award.level, xp: award.xp };
    global.emit('xp:level_up', event);
    try {
      await notify(services, { userId: input.userId, type: 'level_up', payload: { level: award.level } });
    } catch (err) {
      services.log.error({ err, userId: input.userId, level: award.level }, 'level-up notification failed');
    }
  }
  return award;
}

/**
 * For side effects of another action (sign-in, a new friend, chat): an award that fails is logged and
 * reported as null, never thrown into the action that earned it.
 */
export async function awardXpLogged(services: XpServices, input: AwardXpInput): Promise<XpAward | null> {
  try {
    return await awardXp(services, input);
  } catch (err) {
    services.log.error({ err, userId: input.userId, rule: input.rule, key: input.key }, 'awarding XP failed');
    return null;
  }
}
