import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@wt/db';
import {
  ruleOfKey,
  xpStanding,
  type XpHistoryPage,
  type XpReason,
  type xpHistoryInput,
  type XpStanding,
} from '@wt/schemas';

/** What the signed-in person reads of their XP: standing and history (xp_log), never a way to add any. */

export async function xpStandingOf(db: Database, userId: string): Promise<XpStanding> {
  const { rows } = await db.execute<{ xp: number; level: number }>(
    sql`SELECT xp, level FROM users WHERE id = ${userId}`,
  );
  const me = rows[0] ?? { xp: 0, level: 1 };
  return xpStanding(me.xp, me.level);
}

function parseCursor(cursor: string | null | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null;
  const [createdAt, id] = cursor.split('_');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { createdAt, id };
}

/** A page of the person's xp_log, newest first. */
export async function xpHistory(
  db: Database,
  userId: string,
  input: z.output<typeof xpHistoryInput>,
): Promise<XpHistoryPage> {
  const after = parseCursor(input.cursor);
  const { rows } = await db.execute<{
    id: string;
    amount: number;
    reason: XpReason;
    dedupe_key: string | null;
    created_at: Date | string;
  }>(sql`
    SELECT id, amount, reason, dedupe_key, created_at FROM xp_log
    WHERE user_id = ${userId}
      ${after ? sql`AND (created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}
    ORDER BY created_at DESC, id DESC
    LIMIT ${input.limit + 1}`);
  const items = rows.slice(0, input.limit).map((r) => ({
    id: r.id,
    amount: r.amount,
    reason: r.reason,
    rule: ruleOfKey(r.dedupe_key),
    createdAt: new Date(r.created_at).toISOString(),
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? `${last.createdAt}_${last.id}` : null };
}
