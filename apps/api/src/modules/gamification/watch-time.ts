import { utcDay, WATCH_PARTY_MIN_FRIENDS } from '@wt/schemas';

/**
 * Pure arithmetic of server-measured watch time (issue 7): seconds per UTC day, and the seconds of a
 * session spent in a party (at least two friends watching the same room at the same time).
 */

export interface Interval {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** Seconds of `intervals` (epoch ms) falling on each UTC day, keyed `YYYY-MM-DD`. Overlaps are counted once. */
export function secondsPerDay(intervals: readonly Interval[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { start, end } of union(intervals)) {
    for (let dayStart = Math.floor(start / DAY_MS) * DAY_MS; dayStart < end; dayStart += DAY_MS) {
      const ms = Math.min(end, dayStart + DAY_MS) - Math.max(start, dayStart);
      if (ms <= 0) continue;
      const day = utcDay(new Date(dayStart));
      out.set(day, (out.get(day) ?? 0) + ms / 1000);
    }
  }
  for (const [day, seconds] of out) out.set(day, Math.floor(seconds));
  return out;
}

/** The union of intervals, sorted, without overlaps (one person in two rooms at once counts once). */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * The parts of `session` during which at least `minFriends` distinct friends were watching too.
 * `friends` maps a friend to their intervals in the same room (a friend counts once however many of
 * their sessions overlap).
 */
export function partyIntervals(
  session: Interval,
  friends: ReadonlyMap<string, readonly Interval[]>,
  minFriends = WATCH_PARTY_MIN_FRIENDS,
): Interval[] {
  const edges: { at: number; delta: number }[] = [];
  for (const intervals of friends.values()) {
    for (const i of union(intervals)) {
      const start = Math.max(i.start, session.start);
      const end = Math.min(i.end, session.end);
      if (end <= start) continue;
      edges.push({ at: start, delta: 1 }, { at: end, delta: -1 });
    }
  }
  // Ends before starts at the same instant: a friend leaving as another arrives is not two at once.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const out: Interval[] = [];
  let present = 0;
  let since = 0;
  for (const edge of edges) {
    const before = present;
    present += edge.delta;
    if (before < minFriends && present >= minFriends) since = edge.at;
    if (before >= minFriends && present < minFriends && edge.at > since) out.push({ start: since, end: edge.at });
  }
  return out;
}
