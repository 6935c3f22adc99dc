import { describe, expect, it } from 'vitest';
import { seeded } from '../test/random';
import {
  addClockSample,
  afterClockSampleSent,
  CLOCK_BURST_DEFAULTS,
  CLOCK_DEFAULTS,
  clientTimeAt,
  emptyClockEstimate,
  isClockSampleDue,
  isClockSettled,
  measureOffset,
  serverNow,
  startClockBurst,
  type ClockEstimate,
  type ClockSample,
} from './clock';

/** A sample taken at client time `t0` over legs of `upMs` and `downMs`, the server `offsetMs` ahead. */
function sampleAt(t0: number, offsetMs: number, upMs: number, downMs: number, serverHoldMs = 1): ClockSample {
  const serverReceiveMs = t0 + upMs + offsetMs;
  const serverSendMs = serverReceiveMs + serverHoldMs;
  return {
    clientSendMs: t0,
    serverReceiveMs,
    serverSendMs,
    clientReceiveMs: serverSendMs - offsetMs + downMs,
  };
}

describe('measureOffset', () => {
  it.each<[string, ClockSample, number, number]>([
    ['symmetric legs give the exact offset', sampleAt(1_000, 500, 40, 40), 500, 80],
    ['the server hold time is not delay', sampleAt(1_000, -2_000, 10, 10, 25), -2_000, 20],
    ['an asymmetric trip is off by half the asymmetry', sampleAt(1_000, 0, 70, 10), 30, 80],
    ['a zero-delay trip is exact', sampleAt(0, 7, 0, 0), 7, 0],
  ])('%s', (_name, sample, offsetMs, delayMs) => {
    const m = measureOffset(sample);
    expect(m?.offsetMs).toBeCloseTo(offsetMs, 9);
    expect(m?.delayMs).toBeCloseTo(delayMs, 9);
  });

  it.each<[string, ClockSample]>([
    ['a NaN timestamp', { ...sampleAt(0, 0, 10, 10), serverReceiveMs: Number.NaN }],
    ['an infinite timestamp', { ...sampleAt(0, 0, 10, 10), clientReceiveMs: Infinity }],
    ['a receive before the send (negative delay)', { ...sampleAt(0, 0, 10, 10), clientReceiveMs: -5 }],
    ['a server that answered before it received', { ...sampleAt(0, 0, 10, 10), serverSendMs: -100 }],
  ])('refuses %s', (_name, sample) => {
    expect(measureOffset(sample)).toBeNull();
    expect(addClockSample(emptyClockEstimate(), sample)).toEqual(emptyClockEstimate());
  });
});

describe('addClockSample', () => {
  const feed = (samples: ClockSample[], estimate: ClockEstimate = emptyClockEstimate()): ClockEstimate =>
    samples.reduce((e, s) => addClockSample(e, s), estimate);

  it('picks the lowest-delay sample of the window', () => {
    const e = feed([sampleAt(0, 100, 80, 20), sampleAt(150, 100, 5, 7), sampleAt(300, 100, 60, 60)]);
    expect(e.best?.delayMs).toBeCloseTo(12, 9);
    expect(e.measurements).toHaveLength(3);
  });

  it('refines the lowest-delay sample with the bounds of the others (interval intersection)', () => {
    // Lowest delay: 60 ms, offset 100 + (40 - 20)/2 = 110, interval [80, 140]. Another sample's fast
    // uplink (5 ms) bounds the offset above by 105: the intersection [80, 105] has midpoint 92.5 (the
    // older interval is a hair wider for the drift the clocks may have had since: 0.01 ms).
    const e = feed([sampleAt(0, 100, 40, 20), sampleAt(200, 100, 5, 95)]);
    expect(e.best?.offsetMs).toBeCloseTo(110, 6);
    expect(e.offsetMs).toBeCloseTo(92.5, 1);
    expect(e.errorBoundMs).toBeCloseTo(12.5, 1);
  });

  it('equals the lowest-delay sample when that sample is the tightest on both sides', () => {
    const e = feed([sampleAt(0, 100, 30, 50), sampleAt(200, 100, 3, 5), sampleAt(400, 100, 45, 20)]);
    expect(e.offsetMs).toBeCloseTo(e.best!.offsetMs, 3);
  });

  it(`keeps the last ${CLOCK_DEFAULTS.windowSize} samples: a fine old sample ages out`, () => {
    const good = sampleAt(0, 100, 1, 1);
    const later = Array.from({ length: CLOCK_DEFAULTS.windowSize }, (_, i) =>
      sampleAt(1_000 * (i + 1), 100, 30, 30),
    );
    const e = feed(later, feed([good]));
    expect(e.measurements).toHaveLength(CLOCK_DEFAULTS.windowSize);
    expect(e.best?.delayMs).toBeCloseTo(60, 9);
  });

  it('drops older samples when the client clock stepped (the intervals no longer overlap)', () => {
    const before = feed([sampleAt(0, 100, 10, 10), sampleAt(200, 100, 12, 12)]);
    // The client clock jumped 1 s ahead: the server now reads 900 ms behind it... plus its old offset.
    const after = addClockSample(before, sampleAt(1_400, -900, 20, 20));
    expect(after.measurements).toHaveLength(1);
    expect(after.offsetMs).toBeCloseTo(-900, 6);
  });

  it('is settled after a burst worth of samples', () => {
    const samples = Array.from({ length: CLOCK_BURST_DEFAULTS.burstSize }, (_, i) =>
      sampleAt(i * 150, 0, 10, 10),
    );
    expect(isClockSettled(feed(samples.slice(0, -1)))).toBe(false);
    expect(isClockSettled(feed(samples))).toBe(true);
  });

  // Simulated networks: every leg takes rtt/2 ± jitter (uniform, seeded). The true offset always lies
  // within the error bound, and after a burst plus a minute of steady sampling the estimate is close.
  it.each<[number, number, number, number]>([
    // rtt, jitter, true offset, allowed error after 12 samples (ms)
    [20, 30, 1_834, 10],
    [100, 30, -1_250, 10],
    [250, 30, 42, 10],
    [500, 30, -1_999, 12],
    [500, 5, 700, 3],
  ])(
    'rtt %d ms ±%d ms, offset %d ms: within the bound always, and within %d ms',
    (rttMs, jitterMs, offsetMs, allowedMs) => {
      for (let seed = 1; seed <= 20; seed++) {
        const random = seeded(seed);
        const leg = (): number => Math.max(0.5, rttMs / 2 + (random() * 2 - 1) * jitterMs);
        let e = emptyClockEstimate();
        let t0 = 0;
        for (let i = 0; i < 12; i++) {
          t0 += i < 5 ? 150 : 12_000;
          e = addClockSample(e, sampleAt(t0, offsetMs, leg(), leg()));
          expect(Math.abs(e.offsetMs! - offsetMs)).toBeLessThanOrEqual(
            e.errorBoundMs! + CLOCK_DEFAULTS.consistencySlackMs,
          );
        }
        expect(Math.abs(e.offsetMs! - offsetMs)).toBeLessThanOrEqual(allowedMs);
      }
    },
  );
});

describe('serverNow and clientTimeAt', () => {
  it.each<[number, number]>([
    [0, 1_000],
    [-1_500.5, 123_456],
    [2_000, 0],
  ])('with offset %d, client %d ms maps to the server and back', (offsetMs, clientMs) => {
    const e = addClockSample(emptyClockEstimate(), sampleAt(clientMs - 100, offsetMs, 20, 20));
    expect(serverNow(e, clientMs)).toBeCloseTo(clientMs + offsetMs, 6);
    expect(clientTimeAt(e, serverNow(e, clientMs))).toBeCloseTo(clientMs, 6);
  });

  it('uses the client clock before any sample', () => {
    expect(serverNow(emptyClockEstimate(), 5_000)).toBe(5_000);
  });
});

describe('sampling schedule', () => {
  const low = (): number => 0;
  const high = (): number => 0.999_999;

  it.each<[string, () => number, number, number]>([
    ['earliest gaps', low, 100, 10_000],
    ['latest gaps', high, 200, 15_000],
  ])(
    'a burst of %s: 5 samples 100-200 ms apart, then one every 10-15 s',
    (_name, random, burstGapMs, steadyGapMs) => {
      let schedule = startClockBurst(1_000, 'connect');
      expect(isClockSampleDue(schedule, 1_000)).toBe(true);
      const sentAt: number[] = [];
      let now = 1_000;
      for (let i = 0; i < 7; i++) {
        now = schedule.nextAtMs;
        expect(isClockSampleDue(schedule, now - 1)).toBe(false);
        sentAt.push(now);
        schedule = afterClockSampleSent(schedule, now, random);
      }
      const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
      expect(gaps.slice(0, 4).map((g) => Math.round(g))).toEqual([
        burstGapMs,
        burstGapMs,
        burstGapMs,
        burstGapMs,
      ]);
      expect(gaps.slice(4).map((g) => Math.round(g))).toEqual([steadyGapMs, steadyGapMs]);
      expect(schedule.reason).toBeNull();
    },
  );

  it.each(['reconnect', 'visible'] as const)('a %s restarts the burst at once', (reason) => {
    let schedule = startClockBurst(0, 'connect');
    for (let i = 0; i < 6; i++) schedule = afterClockSampleSent(schedule, schedule.nextAtMs, low);
    expect(schedule.burstLeft).toBe(0);
    schedule = startClockBurst(50_000, reason);
    expect(schedule).toEqual({ burstLeft: CLOCK_BURST_DEFAULTS.burstSize, nextAtMs: 50_000, reason });
  });
});
