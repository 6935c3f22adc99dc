import { sql } from 'drizzle-orm';
import { chatKeys, dailyLoginKey, newFriendKey, utcDay } from '@wt/schemas';
import { awardXpLogged, type XpAward, type XpServices } from './xp';

/**
 * The XP other modules award as a side effect of their own actions. Each one is exactly-once through
 * its dedupe key and never fails the action: an error is logged and the action goes on.
 */

/** Daily login (+50, once per UTC day): on every new session and every token refresh. */
export function awardDailyLogin(services: XpServices, userId: string): Promise<XpAward | null> {
  return awardXpLogged(services, { userId, rule: 'daily_login', key: dailyLoginKey(services.now()) });
}

/** A friendship began (+25 each, once per pair ever): call after the friendship's transaction committed. */
export async function awardNewFriendship(services: XpServices, a: string, b: string): Promise<void> {
  await awardXpLogged(services, { userId: a, rule: 'new_friend', key: newFriendKey(b) });
  await awardXpLogged(services, { userId: b, rule: 'new_friend', key: newFriendKey(a) });
}

export interface StoredChatMessage {
  userId: string;
  createdAt: Date;
}

/**
 * Chat XP (+15 per 10 messages a UTC day, at most 3 a day), after a batch of messages is stored: one
 * query counts each author's stored messages of each day the batch touches, then every completed
 * block of 10 not awarded yet is awarded under `chat:<day>:<n>`. Counting the same messages twice (two
 * instances, a retried batch) at worst repeats a key, which lands once.
 */
export async function awardChatXp(services: XpServices, batch: readonly StoredChatMessage[]): Promise<void> {
  const pairs = new Map<string, { userId: string; day: string }>();
  for (const m of batch) {
    const day = utcDay(m.createdAt);
    pairs.set(`${m.userId}|${day}`, { userId: m.userId, day });
  }
  if (pairs.size === 0) return;
  const wanted = JSON.stringify([...pairs.values()].map((p) => ({ user_id: p.userId, day: p.day })));
  // Per author and day: stored messages, and chat awards already landed (only later blocks are tried).
  const { rows } = await services.db.execute<{
    user_id: string;
    day: string;
    messages: number;
    awarded: string[] | null;
  }>(sql`
    SELECT w.user_id, w.day::text AS day,
      (SELECT count(*)::int FROM room_messages m
        WHERE m.user_id = w.user_id AND m.kind = 'user'
          AND m.created_at >= (w.day::timestamp AT TIME ZONE 'UTC')
          AND m.created_at < ((w.day + 1)::timestamp AT TIME ZONE 'UTC')) AS messages,
      (SELECT array_agg(l.dedupe_key) FROM xp_log l
        WHERE l.user_id = w.user_id AND l.reason = 'chat' AND l.dedupe_key LIKE 'chat:' || w.day::text || ':%') AS awarded
    FROM json_to_recordset(${wanted}::json) AS w(user_id uuid, day date)`);
  for (const row of rows) {
    const landed = new Set(row.awarded ?? []);
    for (const key of chatKeys(new Date(`${row.day}T00:00:00Z`), row.messages)) {
      if (landed.has(key)) continue;
      await awardXpLogged(services, { userId: row.user_id, rule: 'chat_messages', key });
    }
  }
}

/**
 * Runs chat awards off the chat path: `stored` returns at once, the awards run one batch after another
 * (so an author's keys land in order), and `close` waits for what is running (graceful shutdown).
 */
export function chatXpAwarder(services: XpServices) {
  let tail: Promise<void> = Promise.resolve();
  return {
    stored(batch: readonly StoredChatMessage[]): void {
      const copy = batch.map((m) => ({ userId: m.userId, createdAt: m.createdAt }));
      tail = tail.then(() =>
        awardChatXp(services, copy).catch((err: unknown) =>
          services.log.error({ err, messages: copy.length }, 'chat XP failed'),
        ),
      );
    },
    close(): Promise<void> {
      return tail;
    },
  };
}
