import type { PublicProfile } from '@wt/schemas';

export const STAT_PERIODS = [
  { key: 'thisWeek', label: 'This week' },
  { key: 'thisMonth', label: 'This month' },
  { key: 'thisYear', label: 'This year' },
  { key: 'allTime', label: 'All time' },
] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number]['key'];

/** The name a profile goes by: the display name, else the username. */
export function nameOf(profile: Pick<PublicProfile, 'username' | 'displayName'>): string {
  return profile.displayName?.trim() || profile.username;
}

/** "0 hours", "1 hour", "12.5 hours". */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${rounded === 1 ? 'hour' : 'hours'}`;
}

/** "March 2026": when someone joined, in UTC so server and browser render the same text. */
export function formatJoined(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function formatXp(xp: number): string {
  return `${xp.toLocaleString('en-US')} XP`;
}

/** Up to two letters for an avatar placeholder. */
export function initialsOf(name: string): string {
  const words = name.replace(/_/g, ' ').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/** The sentence under a profile's description (page meta and share cards). */
export function profileDescription(profile: PublicProfile): string {
  if (profile.bio) return profile.bio;
  return `${nameOf(profile)} (@${profile.username}) is level ${profile.level} on WatchTogether.`;
}
