import { z } from 'zod';
import { levelProgress, type LevelProgress } from './levels';

/**
 * Seed 000 "XP Sources" as one table. A rule's caps and cooldowns are not counted at award time: each
 * award carries a dedupe key for its rule and window (`login:2026-11-29`, `chat:2026-11-29:2`), and
 * xp_log's UNIQUE(user_id, dedupe_key) lets each key land once. A cap of N per window is N keys.
 * Days are UTC calendar days.
 */
export const XP_REASONS = ['watch', 'login', 'chat', 'friend', 'event', 'ad_watch'] as const;
export type XpReason = (typeof XP_REASONS)[number];

export interface XpRule {
  /** xp_log.reason the award is stored under. */
  reason: XpReason;
  /** Dedupe keys of this rule start with `<keyPrefix>:`. */
  keyPrefix: string;
  /** Fixed amount, or the range a caller picks from (event tasks). */
  amount: number | { min: number; max: number };
  /** Awards per UTC day at most; null when the window is not a day. */
  perDay: number | null;
}

export const XP_RULES = {
  /** Daily login: +50 once per UTC calendar day. */
  daily_login: { reason: 'login', keyPrefix: 'login', amount: 50, perDay: 1 },
  /** Watching: +100 per whole hour watched, at most 5 hours a day. */
  watch_hour: { reason: 'watch', keyPrefix: 'watch', amount: 100, perDay: 5 },
  /** Watch party: +20 bonus per hour watched with at least 2 friends present. */
  watch_party_hour: { reason: 'watch', keyPrefix: 'party', amount: 20, perDay: null },
  /** Chat: +15 per 10 messages sent, at most 3 times a day. */
  chat_messages: { reason: 'chat', keyPrefix: 'chat', amount: 15, perDay: 3 },
  /** New friend: +25 to both, once per pair (ever: re-friending after an unfriend gives nothing). */
  new_friend: { reason: 'friend', keyPrefix: 'friend', amount: 25, perDay: null },
  /** Event task: +50..500 (the task says), once per task. */
  event_task: { reason: 'event', keyPrefix: 'task', amount: { min: 50, max: 500 }, perDay: null },
  /** Ad watched to at least 80%: +30 once per ad. */
  ad_watch: { reason: 'ad_watch', keyPrefix: 'ad', amount: 30, perDay: null },
  /** First watch session of the day: +25. */
  first_session: { reason: 'watch', keyPrefix: 'first-session', amount: 25, perDay: 1 },
} as const satisfies Record<string, XpRule>;

export type XpRuleName = keyof typeof XP_RULES;
export const XP_RULE_NAMES = Object.keys(XP_RULES) as XpRuleName[];

/** Messages per chat award. */
export const CHAT_MESSAGES_PER_AWARD = 10;
/** An ad counts as watched from this share (percent). */
export const AD_WATCHED_MIN_PCT = 80;
/** Party bonus needs this many friends in the room besides the watcher. */
export const WATCH_PARTY_MIN_FRIENDS = 2;

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export class XpRuleError extends Error {}

/**
 * The amount an award of `rule` gives: the rule's fixed amount (a different one is refused), or for a
 * ranged rule the whole number the caller asks within the range (anything else is refused).
 */
export function xpAmountFor(rule: XpRuleName, requested?: number): number {
  const amount = XP_RULES[rule].amount;
  if (typeof amount === 'number') {
    if (requested !== undefined && requested !== amount)
      throw new XpRuleError(`${rule} gives ${amount} XP, not ${requested}`);
    return amount;
  }
  if (
    requested === undefined ||
    !Number.isInteger(requested) ||
    requested < amount.min ||
    requested > amount.max
  ) {
    throw new XpRuleError(`${rule} gives ${amount.min}..${amount.max} XP, not ${requested}`);
  }
  return requested;
}

/** True when `key` is one of `rule`'s keys (a key of another rule cannot ride on this one's amount). */
export function isKeyOfRule(rule: XpRuleName, key: string): boolean {
  return key.startsWith(`${XP_RULES[rule].keyPrefix}:`) && key.length > XP_RULES[rule].keyPrefix.length + 1;
}

// ---------- dedupe keys, one function per rule ----------

export function dailyLoginKey(at: Date): string {
  return `login:${utcDay(at)}`;
}

/** Key of the `hour`-th whole hour (1-based) watched on `at`'s UTC day; null beyond the daily cap. */
export function watchHourKey(at: Date, hour: number): string | null {
  if (!Number.isInteger(hour) || hour < 1 || hour > XP_RULES.watch_hour.perDay) return null;
  return `watch:${utcDay(at)}:h${hour}`;
}

/** Key of the `hour`-th whole hour (1-based) in a party on `at`'s UTC day (no daily cap). */
export function watchPartyHourKey(at: Date, hour: number): string | null {
  if (!Number.isInteger(hour) || hour < 1) return null;
  return `party:${utcDay(at)}:h${hour}`;
}

/** Keys earned by `messagesToday` chat messages on `at`'s UTC day: one per 10, at most 3. */
export function chatKeys(at: Date, messagesToday: number): string[] {
  const earned = Math.min(
    XP_RULES.chat_messages.perDay,
    Math.floor(Math.max(0, messagesToday) / CHAT_MESSAGES_PER_AWARD),
  );
  const day = utcDay(at);
  return Array.from({ length: earned }, (_, i) => `chat:${day}:${i + 1}`);
}

/** Key of a friendship with `otherUserId`, from the awarded user's side. */
export function newFriendKey(otherUserId: string): string {
  return `friend:${otherUserId}`;
}

export function eventTaskKey(taskId: string): string {
  return `task:${taskId}`;
}

/** Key of an ad watched to `watchedPct` percent; null below 80%. */
export function adWatchKey(adId: string, watchedPct: number): string | null {
  return watchedPct >= AD_WATCHED_MIN_PCT ? `ad:${adId}` : null;
}

export function firstSessionKey(at: Date): string {
  return `first-session:${utcDay(at)}`;
}

/** The rule a stored key belongs to (history lists show it), or null for an unknown prefix. */
export function ruleOfKey(key: string | null): XpRuleName | null {
  if (!key) return null;
  return XP_RULE_NAMES.find((name) => isKeyOfRule(name, key)) ?? null;
}

// ---------- what clients see ----------

export const xpHistoryInput = z.object({
  /** `nextCursor` of the previous page (newest first); opaque to clients. */
  cursor: z.string().max(100, { message: 'That page marker is not valid.' }).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type XpHistoryInput = z.input<typeof xpHistoryInput>;

export interface XpHistoryEntry {
  id: string;
  amount: number;
  reason: XpReason;
  rule: XpRuleName | null;
  createdAt: string;
}

export interface XpHistoryPage {
  items: XpHistoryEntry[];
  nextCursor: string | null;
}

export interface XpStanding {
  xp: number;
  level: number;
  levelProgress: LevelProgress;
}

export function xpStanding(xp: number, level: number): XpStanding {
  return { xp, level, levelProgress: levelProgress(xp) };
}

/** /global events of XP (to `user:<id>`): every award (the header's XP bar) and the level-up toast. */
export interface XpServerToClientEvents {
  'xp:gained': (payload: { amount: number; rule: XpRuleName; standing: XpStanding }) => void;
  'xp:level_up': (payload: { level: number; xp: number }) => void;
}
