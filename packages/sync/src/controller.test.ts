import { describe, expect, it } from 'vitest';
import { runController } from '../test/controller-harness';
import {
  CONTROLLER_DEFAULTS,
  correctionModeOf,
  initialControllerState,
  MIN_RATE_PLAYER_SEEK_MS,
  stepController,
  type PlayerCapabilities,
} from './controller';
import type { RoomPlayback } from './position';

const HTML5: PlayerCapabilities = { rateControl: true, seekPrecisionMs: 20, minRate: 0.0625, maxRate: 16 };
const YOUTUBE: PlayerCapabilities = {
  rateControl: true,
  seekPrecisionMs: 40,
  minRate: 0.25,
  maxRate: 2,
  allowedRates: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2],
};
const SPOTIFY: PlayerCapabilities = { rateControl: false, seekPrecisionMs: 40, minRate: 1, maxRate: 1 };

const playingFrom = (over: Partial<RoomPlayback> = {}): RoomPlayback => ({
  mediaId: 'm',
  isPlaying: true,
  positionSec: 100,
  rate: 1,
  updatedAtMs: 0,
  seq: 1,
  ...over,
});

const T0 = 10_000;
/** Where a player `driftMs` off the room starts, at T0, in a room playing from 100 s at time 0. */
const offBy = (driftMs: number): number => 100 + T0 / 1000 + driftMs / 1000;

const seeksOf = (log: ReturnType<typeof runController>) =>
  log.actions.filter((a) => a.action.kind === 'seek');
const ratesOf = (log: ReturnType<typeof runController>) =>
  log.actions.flatMap((a) => (a.action.kind === 'rate' ? [{ atMs: a.atMs, rate: a.action.rate }] : []));

describe('correction by rate (HTML5)', () => {
  it.each([80, -80, 150, -300, 399, -399, 20])(
    '%d ms of drift: rates only, within [0.95, 1.05], converging to near 0',
    (driftMs) => {
      const log = runController({
        caps: HTML5,
        timeline: [playingFrom()],
        startAtMs: T0,
        durationMs: 60_000,
        positionSec: offBy(driftMs),
        playing: true,
        rateDelayMs: 50,
      });
      expect(seeksOf(log)).toEqual([]);
      for (const { rate } of ratesOf(log)) {
        expect(rate).toBeGreaterThanOrEqual(0.95);
        expect(rate).toBeLessThanOrEqual(1.05);
      }
      expect(Math.abs(log.finalDriftMs)).toBeLessThan(2);
    },
  );

  it('corrects proportionally: twice the drift, twice the rate offset (below the limit)', () => {
    const first = (driftMs: number): number =>
      ratesOf(
        runController({
          caps: HTML5,
          timeline: [playingFrom()],
          startAtMs: T0,
          durationMs: 0,
          positionSec: offBy(driftMs),
          playing: true,
        }),
      )[0]!.rate;
    expect(1 - first(40)).toBeCloseTo(2 * (1 - first(20)), 6);
    expect(first(-40) - 1).toBeCloseTo(1 - first(40), 6);
    expect(first(1_000 * 0.2)).toBe(0.95);
  });

  it(`changes the rate at most once per ${CONTROLLER_DEFAULTS.rateChangeIntervalMs} ms`, () => {
    const log = runController({
      caps: HTML5,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 120_000,
      positionSec: offBy(350),
      playing: true,
      clockErrorPpm: 400,
      rateDelayMs: 80,
    });
    const times = ratesOf(log).map((r) => r.atMs);
    expect(times.length).toBeGreaterThan(1);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(CONTROLLER_DEFAULTS.rateChangeIntervalMs);
    }
  });

  it.each([300, -300, 500])(
    'absorbs a media clock running %d ppm off: steady drift stays near 0, not at a band edge',
    (ppm) => {
      const log = runController({
        caps: HTML5,
        timeline: [playingFrom()],
        startAtMs: T0,
        durationMs: 300_000,
        positionSec: offBy(0),
        playing: true,
        clockErrorPpm: ppm,
      });
      const late = log.drift.filter((d) => d.atMs > T0 + 60_000).map((d) => Math.abs(d.driftMs));
      expect(Math.max(...late)).toBeLessThan(2.5);
      expect(seeksOf(log)).toEqual([]);
    },
  );

  it('a small persistent drift is still corrected, not left inside a dead band', () => {
    // 3 ms asks for a 0.12% rate change: below the hysteresis step right after a change, above the
    // floor once the threshold has shrunk. The drift must end well under 3 ms.
    const log = runController({
      caps: HTML5,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 40_000,
      positionSec: offBy(3),
      playing: true,
    });
    expect(Math.abs(log.finalDriftMs)).toBeLessThan(1.1);
  });

  it(`seeks for large drift only (from ${CONTROLLER_DEFAULTS.rateSeekThresholdMs} ms), aiming where the room will be when the seek lands`, () => {
    const log = runController({
      caps: HTML5,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 10_000,
      positionSec: offBy(-2_000),
      playing: true,
      seekLatencyMs: 150,
    });
    const seeks = seeksOf(log);
    expect(seeks).toHaveLength(1);
    expect(seeks[0]!.action).toEqual({
      kind: 'seek',
      toSec: offBy(CONTROLLER_DEFAULTS.initialSeekLeadMs),
      reason: 'command',
    });
    expect(Math.abs(log.finalDriftMs)).toBeLessThan(2);
    expect(CONTROLLER_DEFAULTS.rateSeekThresholdMs).toBeGreaterThanOrEqual(MIN_RATE_PLAYER_SEEK_MS);
  });

  it('learns the seek latency: a seek that landed late aims further ahead next time', () => {
    const log = runController({
      caps: HTML5,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 2_000,
      positionSec: offBy(5_000),
      playing: true,
      seekLatencyMs: 400,
    });
    // Aimed 150 ms ahead, landed after 400 ms: 250 ms behind; 40% of it is learned.
    expect(log.state.seekLeadMs).toBeCloseTo(150 + 0.4 * 250, 0);
  });
});

describe('players without fine rate control', () => {
  it.each<[string, PlayerCapabilities, string]>([
    ['HTML5', HTML5, 'rate'],
    ['YouTube (only 1 in the band)', YOUTUBE, 'seek'],
    ['Spotify (no rate control)', SPOTIFY, 'seek'],
    [
      'a player with a few rates in the band',
      { ...YOUTUBE, allowedRates: [0.9, 0.95, 1, 1.05, 1.1] },
      'rate',
    ],
    ['a player whose range is exactly 1', { ...HTML5, minRate: 1, maxRate: 1 }, 'seek'],
  ])('%s corrects by %s', (_name, caps, kind) => {
    expect(correctionModeOf(caps, 1).kind).toBe(kind);
  });

  it.each<[string, PlayerCapabilities]>([
    ['YouTube micro-seeks', YOUTUBE],
    ['Spotify seeks', SPOTIFY],
  ])('%s beyond the threshold, with latency compensation, and leaves small drift alone', (_name, caps) => {
    const big = runController({
      caps,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 8_000,
      positionSec: offBy(300),
      playing: true,
      seekLatencyMs: 250,
    });
    const seeks = seeksOf(big);
    expect(seeks.length).toBeGreaterThanOrEqual(1);
    expect(seeks[0]!.action).toMatchObject({
      kind: 'seek',
      toSec: offBy(CONTROLLER_DEFAULTS.initialSeekLeadMs),
    });
    expect(ratesOf(big)).toEqual([]);
    // After learning the latency, the second seek (if any) lands close.
    expect(Math.abs(big.finalDriftMs)).toBeLessThan(150);

    const small = runController({
      caps,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 20_000,
      positionSec: offBy(120),
      playing: true,
    });
    expect(seeksOf(small)).toEqual([]);
  });

  it('a player with discrete in-band rates picks the nearest allowed rate', () => {
    const caps = { ...YOUTUBE, allowedRates: [0.9, 0.95, 1, 1.05, 1.1] };
    const log = runController({
      caps,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 0,
      positionSec: offBy(150),
      playing: true,
    });
    expect(ratesOf(log)[0]!.rate).toBe(0.95);
  });

  it('spaces drift seeks of a seek-only player', () => {
    // A player whose seeks always land 300 ms ahead: it keeps wanting to seek, but not more than once per interval.
    const log = runController({
      caps: SPOTIFY,
      timeline: [playingFrom()],
      startAtMs: T0,
      durationMs: 20_000,
      positionSec: offBy(300),
      playing: true,
      seekErrorMs: 300,
      config: { ...CONTROLLER_DEFAULTS, leadLearningGain: 0 },
    });
    const times = seeksOf(log).map((s) => s.atMs);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(CONTROLLER_DEFAULTS.minSeekIntervalMs);
  });
});

describe('scheduled transitions', () => {
  const paused = playingFrom({ isPlaying: false, positionSec: 50, updatedAtMs: 0, seq: 1 });
  const play = playingFrom({ isPlaying: true, positionSec: 50, updatedAtMs: 20_000, seq: 2 });
  // The leader paused on 59.7 s; the room reaches 60 s when the pause executes.
  const pause = playingFrom({ isPlaying: false, positionSec: 59.7, updatedAtMs: 30_000, seq: 3 });

  it('asks to be woken for a scheduled play early by the start latency, and plays then', () => {
    const state = initialControllerState();
    const before = stepController(
      state,
      {
        serverNowMs: 15_000,
        timeline: [paused, play],
        player: { positionSec: 50, isPlaying: false, seeking: false, buffering: false },
      },
      HTML5,
    );
    expect(before.actions).toEqual([]);
    expect(before.wakeAtServerMs).toBe(20_000 - CONTROLLER_DEFAULTS.initialPlayLeadMs);
    const at = stepController(
      before.state,
      {
        serverNowMs: before.wakeAtServerMs!,
        timeline: [paused, play],
        player: { positionSec: 50, isPlaying: false, seeking: false, buffering: false },
      },
      HTML5,
    );
    expect(at.actions).toEqual([{ kind: 'play' }]);
    expect(at.targetSeq).toBe(2);
  });

  it('a player that starts late learns to start earlier', () => {
    const log = runController({
      caps: HTML5,
      timeline: [paused, play],
      startAtMs: 19_000,
      durationMs: 2_000,
      positionSec: 50,
      playing: false,
      startLatencyMs: 80,
      tickMs: 10,
    });
    expect(log.actions[0]).toMatchObject({
      atMs: 20_000 - CONTROLLER_DEFAULTS.initialPlayLeadMs,
      action: { kind: 'play' },
    });
    expect(log.state.playLeadMs).toBeGreaterThan(CONTROLLER_DEFAULTS.initialPlayLeadMs);
  });

  it('pauses at the scheduled time, then lands on the paused frame once the pause settled', () => {
    const log = runController({
      caps: HTML5,
      timeline: [paused, play, pause],
      startAtMs: 29_000,
      durationMs: 1_500,
      positionSec: 59,
      playing: true,
      tickMs: 10,
    });
    expect(log.actions.map((a) => [a.atMs, a.action])).toEqual([
      [30_000, { kind: 'pause' }],
      [30_000 + CONTROLLER_DEFAULTS.alignDelayMs, { kind: 'seek', toSec: 59.7, reason: 'align' }],
    ]);
  });

  it('a joiner far from a playing room seeks to where it will be, and plays', () => {
    const step = stepController(
      initialControllerState(),
      {
        serverNowMs: 40_000,
        timeline: [playingFrom({ positionSec: 0, updatedAtMs: 0 })],
        player: { positionSec: 0, isPlaying: false, seeking: false, buffering: false },
      },
      HTML5,
    );
    expect(step.actions).toEqual([
      { kind: 'seek', toSec: 40 + CONTROLLER_DEFAULTS.initialSeekLeadMs / 1000, reason: 'command' },
      { kind: 'play' },
    ]);
  });

  it('a joiner a little off (under the seek threshold) just plays and lets the rate close the gap', () => {
    const log = runController({
      caps: HTML5,
      timeline: [playingFrom({ positionSec: 0, updatedAtMs: 0 })],
      startAtMs: 40_000,
      durationMs: 30_000,
      positionSec: 39.8,
      playing: false,
    });
    expect(seeksOf(log)).toEqual([]);
    expect(Math.abs(log.finalDriftMs)).toBeLessThan(2);
  });

  it('follows a change of the room rate at once, and corrects relative to it', () => {
    const fast = playingFrom({ rate: 1.25 });
    const step = stepController(
      initialControllerState(),
      {
        serverNowMs: T0,
        timeline: [fast],
        player: { positionSec: 100 + 12.5 + 0.1, isPlaying: true, seeking: false, buffering: false },
      },
      HTML5,
    );
    expect(step.actions[0]).toEqual({ kind: 'rate', rate: 1.25 });
    const correction = step.actions[1];
    expect(correction?.kind).toBe('rate');
    if (correction?.kind === 'rate') {
      expect(correction.rate / 1.25).toBeGreaterThanOrEqual(0.95);
      expect(correction.rate / 1.25).toBeLessThan(1);
    }
  });

  it('does nothing while the player seeks or before any room state is known', () => {
    const seeking = stepController(
      initialControllerState(),
      {
        serverNowMs: T0,
        timeline: [playingFrom()],
        player: { positionSec: 0, isPlaying: true, seeking: true, buffering: false },
      },
      HTML5,
    );
    expect(seeking.actions).toEqual([]);
    const unknown = stepController(
      initialControllerState(),
      {
        serverNowMs: T0,
        timeline: [],
        player: { positionSec: 0, isPlaying: false, seeking: false, buffering: false },
      },
      HTML5,
    );
    expect(unknown).toMatchObject({ actions: [], targetSeq: null });
  });
});
