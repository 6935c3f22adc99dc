import { dailyLoginKey, newFriendKey } from '@wt/schemas';
import { CHAT_XP_JOB, WATCH_ACCRUAL_JOB } from './jobs';
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

export interface ChatXpTrigger {
  /** Messages of these people were stored. */
  stored(userIds: Iterable<string>): void;
  /** Sends what is collected (graceful shutdown). */
  close(): Promise<void>;
}

/**
 * Chat XP off the chat path: senders are collected for `everyMs`, then one `gamification.chat-xp` job
 * counts their stored messages of the day and awards what they earned. A burst of chat costs one job
 * every couple of seconds, never a query per message.
 */
export function chatXpTrigger(services: Pick<XpServices, 'queue' | 'log'>, everyMs = 2000): ChatXpTrigger {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  async function flush(): Promise<void> {
    timer = null;
    const userIds = [...pending];
    pending = new Set();
    for (let i = 0; i < userIds.length; i += 1000) {
      try {
        await services.queue.enqueue(CHAT_XP_JOB, { userIds: userIds.slice(i, i + 1000) });
      } catch (err) {
        services.log.error({ err, users: userIds.length }, 'queueing chat XP failed');
      }
    }
  }
  return {
    stored(userIds) {
      for (const id of userIds) pending.add(id);
      if (!timer && pending.size > 0) timer = setTimeout(() => void flush(), everyMs).unref();
    },
    async close() {
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}

/**
 * A person's watch session ended: their last whole hours and board standing are counted now rather
 * than at the next minute's run. One pending job per person (deduplicated); a failure only delays it.
 */
export async function watchSessionEnded(services: Pick<XpServices, 'queue' | 'log'>, userId: string): Promise<void> {
  try {
    await services.queue.enqueue(WATCH_ACCRUAL_JOB, { userIds: [userId] }, { dedupeKey: `user-${userId}` });
  } catch (err) {
    services.log.warn({ err, userId }, 'queueing watch time accrual failed; the minutely run counts it');
  }
}
