const DAY_MS = 24 * 3600 * 1000;

/** The starts of this week (Monday 00:00 UTC), month and year (UTC) around `now`. */
export function periodStarts(now: Date): { week: Date; month: Date; year: Date } {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return {
    week: new Date(midnight - daysSinceMonday * DAY_MS),
    month: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    year: new Date(Date.UTC(now.getUTCFullYear(), 0, 1)),
  };
}

/** Seconds as hours with one decimal (seed 000's `float` hours). */
export function hoursOf(seconds: number): number {
  return Math.round(Math.max(0, seconds) / 360) / 10;
}
