import { dailyLoginKey, newFriendKey } from '@wt/schemas';
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
