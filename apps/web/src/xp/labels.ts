import {
  CHAT_MESSAGES_PER_AWARD,
  XP_RULES,
  type XpHistoryEntry,
  type XpReason,
  type XpRuleName,
  type XpStanding,
} from '@wt/schemas';
import { formatCount } from '@/lib/format';
import { formatXp } from '@/profile/format';

/** What each XP rule is called in the history list. */
export const XP_RULE_LABELS: Record<XpRuleName, string> = {
  daily_login: 'Daily login',
  watch_hour: 'Hour watched',
  watch_party_hour: 'Watch party hour',
  chat_messages: `${CHAT_MESSAGES_PER_AWARD} chat messages`,
  new_friend: 'New friend',
  event_task: 'Event task',
  ad_watch: 'Ad watched',
  first_session: 'First session of the day',
};

/** For entries whose key matches no rule any more (the rule is null): the stored reason. */
const REASON_LABELS: Record<XpReason, string> = {
  watch: 'Watching',
  login: 'Daily login',
  chat: 'Chat',
  friend: 'New friend',
  event: 'Event task',
  ad_watch: 'Ad watched',
};

export function xpEntryLabel(entry: Pick<XpHistoryEntry, 'rule' | 'reason'>): string {
  return entry.rule ? XP_RULE_LABELS[entry.rule] : REASON_LABELS[entry.reason];
}

/** "+15 XP". */
export function xpGainText(amount: number): string {
  return `+${formatXp(amount)}`;
}

/** What a rule gives and how often, for the list of ways to earn: "+50 XP", "once a day". */
export function xpRuleTerms(rule: XpRuleName): { amount: string; limit: string | null } {
  const { amount, perDay } = XP_RULES[rule];
  return {
    amount: typeof amount === 'number' ? xpGainText(amount) : `+${amount.min}–${formatXp(amount.max)}`,
    limit: perDay === null ? null : perDay === 1 ? 'once a day' : `up to ${perDay} a day`,
  };
}

/** The header badge's accessible name: "Level 3, 1,720 / 3,500 XP"; "Level 10, 104,000 XP, top level". */
export function standingLabel({ xp, level, levelProgress }: XpStanding): string {
  if (levelProgress.nextLevelXp === null) return `Level ${level}, ${formatXp(xp)}, top level`;
  return `Level ${level}, ${xp.toLocaleString('en-US')} / ${formatXp(levelProgress.nextLevelXp)}`;
}

/** The header's short text over its XP bar: "65 / 500 XP", "1.7K / 3.5K XP", "104K XP". */
export function badgeXpText({ xp, levelProgress }: XpStanding): string {
  if (levelProgress.nextLevelXp === null) return `${formatCount(xp)} XP`;
  return `${formatCount(xp)} / ${formatCount(levelProgress.nextLevelXp)} XP`;
}

/** The XP bar's fill, 0..100, rounded down: a bar is never full before the level is reached. */
export function progressPercent(standing: XpStanding): number {
  return Math.floor(Math.min(1, Math.max(0, standing.levelProgress.fraction)) * 100);
}

/**
 * The standing to show after a live `xp:gained`: XP only grows, so an event that arrives after a
 * newer one (or after a refetch that already counted it) must not move the bar back.
 */
export function newerStanding(current: XpStanding | undefined, incoming: XpStanding): XpStanding {
  return current && current.xp > incoming.xp ? current : incoming;
}

export function levelUpMessage(level: number): string {
  return `Level ${level} reached!`;
}
