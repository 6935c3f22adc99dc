import { percentile, round2 } from '../sync/stats';

/**
 * The browser benchmark's arithmetic, apart from the browsers: positions brought to a common instant,
 * pairwise gaps, and when a group of pages came together and stayed together.
 *
 * Time base: every page runs on this machine, so each reading carries the page's wall-clock time
 * (performance.timeOrigin + performance.now()) and pages are compared on that shared clock. The page's
 * own estimate of server time is what is being tested; the machine's clock is the truth it aims at.
 */

/** One page's `<video>` at one moment. */
export interface VideoReading {
  /** Wall time of the reading, ms. */
  atMs: number;
  positionSec: number;
  paused: boolean;
  seeking: boolean;
  rate: number;
  /** HTMLMediaElement.readyState (3 = HAVE_FUTURE_DATA: it can play). */
  readyState: number;
}

/** All pages read together (Promise.all), brought to one instant. */
export interface Snapshot {
  atMs: number;
  readings: VideoReading[];
}

/** Whether the media clock is running: playing, not seeking, with data to play. */
export function isMoving(reading: VideoReading): boolean {
  return !reading.paused && !reading.seeking && reading.readyState >= 3;
}

/** The reading's position at `atMs`, s: a moving player advances at its rate, a stopped one stays. */
export function positionAt(reading: VideoReading, atMs: number): number {
  if (!isMoving(reading)) return reading.positionSec;
  return reading.positionSec + ((atMs - reading.atMs) / 1000) * reading.rate;
}

/** The readings of one round, compared at the latest of their times. */
export function snapshotOf(readings: VideoReading[]): Snapshot {
  return { atMs: Math.max(...readings.map((r) => r.atMs)), readings };
}

/** |position_i - position_j| at the snapshot's instant for every pair i < j, ms. */
export function pairwiseGapsMs(snapshot: Snapshot, pages?: readonly number[]): number[] {
  const indices = pages ?? snapshot.readings.map((_, i) => i);
  const positions = indices.map((i) => positionAt(snapshot.readings[i]!, snapshot.atMs));
  const gaps: number[] = [];
  for (let a = 0; a < positions.length; a++) {
    for (let b = a + 1; b < positions.length; b++) gaps.push(Math.abs(positions[a]! - positions[b]!) * 1000);
  }
  return gaps;
}

/** |joiner - other| for every other page, ms. */
export function gapsToPageMs(snapshot: Snapshot, page: number): number[] {
  const at = positionAt(snapshot.readings[page]!, snapshot.atMs);
  return snapshot.readings
    .filter((_, i) => i !== page)
    .map((other) => Math.abs(positionAt(other, snapshot.atMs) - at) * 1000);
}

/**
 * The first snapshot time from which `holds` is true for every snapshot over the next `holdMs` (so a
 * group passing through the bound on its way elsewhere does not count), or null. The hold must be
 * covered by the snapshots taken: one that ends before `holdMs` have passed does not count either.
 */
export function settledAtMs(
  snapshots: readonly Snapshot[],
  holds: (snapshot: Snapshot) => boolean,
  holdMs: number,
): number | null {
  let since: number | null = null;
  for (const snapshot of snapshots) {
    if (!holds(snapshot)) {
      since = null;
      continue;
    }
    since ??= snapshot.atMs;
    if (snapshot.atMs - since >= holdMs) return since;
  }
  return null;
}

/**
 * How far each page's own position strays from its own wall clock between consecutive snapshots, ms:
 * |Δposition - Δtime·rate| for a page moving at the same rate in both. The floor under any pairwise
 * figure (the media clock's own jitter plus how finely `currentTime` is reported).
 */
export function selfJitterMs(snapshots: readonly Snapshot[]): number[] {
  const out: number[] = [];
  for (let s = 1; s < snapshots.length; s++) {
    const before = snapshots[s - 1]!.readings;
    const after = snapshots[s]!.readings;
    for (let i = 0; i < Math.min(before.length, after.length); i++) {
      const a = before[i]!;
      const b = after[i]!;
      if (!isMoving(a) || !isMoving(b) || a.rate !== b.rate) continue;
      const expectedSec = ((b.atMs - a.atMs) / 1000) * a.rate;
      out.push(Math.abs(b.positionSec - a.positionSec - expectedSec) * 1000);
    }
  }
  return out;
}

/** p5/p50/p95/p99/max of a list of ms values, rounded to 0.01 ms (null when there are none). */
export interface SummaryMs {
  p5: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function summaryMs(values: readonly number[]): SummaryMs {
  if (values.length === 0) return { p5: null, p50: null, p95: null, p99: null, max: null };
  return {
    p5: round2(percentile(values, 5)),
    p50: round2(percentile(values, 50)),
    p95: round2(percentile(values, 95)),
    p99: round2(percentile(values, 99)),
    max: round2(percentile(values, 100)),
  };
}
