/*
 * Client clock offset against the server, NTP style. Each sample is one round trip over a Socket.io
 * ack: the client stamps its send and receive times, the server its receive and send times. Whatever
 * the asymmetry of the two legs, the true offset lies within half the round trip's delay of the
 * sample's offset, so each sample is an interval; queueing only ever widens it. The estimate keeps the
 * last few samples, picks the lowest-delay one (the tightest interval), and refines it by intersecting
 * all the intervals (Marzullo): the slowest leg of each direction is bounded by the fastest one seen,
 * so the midpoint of the intersection is at least as good as the lowest-delay sample alone, and
 * equals it when that sample is the tightest on both sides. Old samples widen by the clocks' possible
 * drift since they were taken (NTP's dispersion), so fresh ones take over as they age.
 *
 * Client times should come from a monotonic clock (`performance.timeOrigin + performance.now()` in a
 * browser), so the wall clock being set does not move them.
 */

/** One round trip: client send, server receive, server send, client receive (t0..t3), in ms. */
export interface ClockSample {
  clientSendMs: number;
  serverReceiveMs: number;
  serverSendMs: number;
  clientReceiveMs: number;
}

/** What one sample says: server time minus client time, and the network time the round trip took. */
export interface OffsetMeasurement {
  offsetMs: number;
  delayMs: number;
  /** Client time the measurement was taken (its receive time), for ageing. */
  atClientMs: number;
}

export interface ClockEstimate {
  /** The last `windowSize` measurements, oldest first. */
  measurements: readonly OffsetMeasurement[];
  /** The lowest-delay measurement (delay aged by the possible drift), or null before the first sample. */
  best: OffsetMeasurement | null;
  /** Estimated server time minus client time, ms; null before the first sample. */
  offsetMs: number | null;
  /** The true offset lies within this much of `offsetMs` (if the clocks drift no more than assumed), ms. */
  errorBoundMs: number | null;
}

export interface ClockOptions {
  /** How many recent measurements compete for the lowest delay. */
  windowSize: number;
  /**
   * How far the two clocks may run apart, in parts per million. It ages measurements (an old one is
   * worth a little less than a fresh one of the same delay) and widens the consistency check.
   */
  maxClockDriftPpm: number;
  /** Slack of the consistency check for timestamp resolution and event-loop lag, in ms. */
  consistencySlackMs: number;
}

export const CLOCK_DEFAULTS: ClockOptions = { windowSize: 12, maxClockDriftPpm: 50, consistencySlackMs: 4 };

/** The NTP offset and delay of one sample, or null for a sample no clock could have produced. */
export function measureOffset(sample: ClockSample): OffsetMeasurement | null {
  const { clientSendMs: t0, serverReceiveMs: t1, serverSendMs: t2, clientReceiveMs: t3 } = sample;
  if (![t0, t1, t2, t3].every(Number.isFinite)) return null;
  const delayMs = t3 - t0 - (t2 - t1);
  if (delayMs < 0 || t2 < t1) return null;
  return { offsetMs: (t1 - t0 + (t2 - t3)) / 2, delayMs, atClientMs: t3 };
}

export function emptyClockEstimate(): ClockEstimate {
  return { measurements: [], best: null, offsetMs: null, errorBoundMs: null };
}

/** Whether the estimate rests on at least `minSamples` measurements (a burst's worth, typically). */
export function isClockSettled(
  estimate: ClockEstimate,
  minSamples = CLOCK_BURST_DEFAULTS.burstSize,
): boolean {
  return estimate.measurements.length >= minSamples;
}

/**
 * Adds one sample. A sample whose error bound (half its delay) cannot overlap that of an older one
 * means a clock stepped (a sleeping laptop, a reset client clock): the older ones are dropped, since
 * they describe a clock that no longer exists. Invalid samples change nothing.
 */
export function addClockSample(
  estimate: ClockEstimate,
  sample: ClockSample,
  options: ClockOptions = CLOCK_DEFAULTS,
): ClockEstimate {
  const fresh = measureOffset(sample);
  if (fresh === null) return estimate;
  const consistent = estimate.measurements.filter((old) => agrees(old, fresh, options));
  const kept = consistent.length === estimate.measurements.length ? consistent : [];
  const measurements = [...kept, fresh].slice(-options.windowSize);
  return {
    measurements,
    best: lowestDelay(measurements, fresh.atClientMs, options),
    ...intersect(measurements, fresh.atClientMs, options),
  };
}

/** Drift the two clocks may have accumulated since a measurement: its interval widens by this much, ms. */
function dispersionMs(m: OffsetMeasurement, nowClientMs: number, options: ClockOptions): number {
  return Math.max(0, nowClientMs - m.atClientMs) * options.maxClockDriftPpm * 1e-6;
}

/**
 * The midpoint of the intersection of the measurements' intervals [offset - delay/2, offset + delay/2]
 * (each widened by its dispersion). Kept measurements agree pairwise (up to the consistency slack),
 * so on a line they share a point; if the slack makes the bounds cross, the midpoint still sits
 * between them and the error bound is 0.
 */
function intersect(
  measurements: readonly OffsetMeasurement[],
  nowClientMs: number,
  options: ClockOptions,
): Pick<ClockEstimate, 'offsetMs' | 'errorBoundMs'> {
  let low = -Infinity;
  let high = Infinity;
  for (const m of measurements) {
    const halfWidthMs = m.delayMs / 2 + dispersionMs(m, nowClientMs, options);
    low = Math.max(low, m.offsetMs - halfWidthMs);
    high = Math.min(high, m.offsetMs + halfWidthMs);
  }
  if (measurements.length === 0) return { offsetMs: null, errorBoundMs: null };
  return { offsetMs: (low + high) / 2, errorBoundMs: Math.max(0, (high - low) / 2) };
}

function agrees(old: OffsetMeasurement, fresh: OffsetMeasurement, options: ClockOptions): boolean {
  const boundMs =
    (old.delayMs + fresh.delayMs) / 2 +
    dispersionMs(old, fresh.atClientMs, options) +
    options.consistencySlackMs;
  return Math.abs(fresh.offsetMs - old.offsetMs) <= boundMs;
}

function lowestDelay(
  measurements: readonly OffsetMeasurement[],
  nowClientMs: number,
  options: ClockOptions,
): OffsetMeasurement | null {
  let best: OffsetMeasurement | null = null;
  let bestScore = Infinity;
  for (const m of measurements) {
    // The clocks may drift apart by maxClockDriftPpm since the sample: its offset could be off by that
    // much, so it competes as if its delay had grown by twice the possible drift (NTP's dispersion).
    const score = m.delayMs + 2 * dispersionMs(m, nowClientMs, options);
    if (score < bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** Estimated server time at client time `clientNowMs`; the client's own time until a sample arrives. */
export function serverNow(estimate: ClockEstimate, clientNowMs: number): number {
  return clientNowMs + (estimate.offsetMs ?? 0);
}

/** The client time at which the server's clock will read `serverMs` (to set a local timer for it). */
export function clientTimeAt(estimate: ClockEstimate, serverMs: number): number {
  return serverMs - (estimate.offsetMs ?? 0);
}

// ---------- when to sample ----------

/** Why a burst starts: a fresh connection, a reconnection, or the tab becoming visible again. */
export type ClockBurstReason = 'connect' | 'reconnect' | 'visible';

export interface ClockScheduleOptions {
  /** Samples in a burst. */
  burstSize: number;
  /** Spacing of samples inside a burst (uniform in the range), in ms. */
  burstGapMs: readonly [min: number, max: number];
  /** Spacing of samples after the burst (uniform in the range, so clients do not pulse together), in ms. */
  steadyGapMs: readonly [min: number, max: number];
}

export const CLOCK_BURST_DEFAULTS: ClockScheduleOptions = {
  burstSize: 5,
  burstGapMs: [100, 200],
  steadyGapMs: [10_000, 15_000],
};

export interface ClockSchedule {
  /** Samples still to send in the current burst (0 outside a burst). */
  burstLeft: number;
  /** Client time at which the next sample is due. */
  nextAtMs: number;
  reason: ClockBurstReason | null;
}

/** Starts a burst now: the first sample is due at once. Calling it during a burst restarts the burst. */
export function startClockBurst(
  nowMs: number,
  reason: ClockBurstReason,
  options: ClockScheduleOptions = CLOCK_BURST_DEFAULTS,
): ClockSchedule {
  return { burstLeft: options.burstSize, nextAtMs: nowMs, reason };
}

export function isClockSampleDue(schedule: ClockSchedule, nowMs: number): boolean {
  return nowMs >= schedule.nextAtMs;
}

/**
 * The schedule after a sample was sent at `nowMs`. `random` returns a number in [0, 1) (Math.random
 * in the app, a seeded generator in tests). A lost sample is not resent: the next one is due anyway.
 */
export function afterClockSampleSent(
  schedule: ClockSchedule,
  nowMs: number,
  random: () => number,
  options: ClockScheduleOptions = CLOCK_BURST_DEFAULTS,
): ClockSchedule {
  const burstLeft = Math.max(0, schedule.burstLeft - 1);
  const [min, max] = burstLeft > 0 ? options.burstGapMs : options.steadyGapMs;
  return {
    burstLeft,
    nextAtMs: nowMs + min + random() * (max - min),
    reason: burstLeft > 0 ? schedule.reason : null,
  };
}
