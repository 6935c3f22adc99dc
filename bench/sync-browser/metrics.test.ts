import { describe, expect, it } from 'vitest';
import {
  gapsToPageMs,
  pairwiseGapsMs,
  positionAt,
  selfJitterMs,
  settledAtMs,
  snapshotOf,
  type Snapshot,
  type VideoReading,
} from './metrics';

const playing = (atMs: number, positionSec: number, rate = 1): VideoReading => ({
  atMs,
  positionSec,
  paused: false,
  seeking: false,
  rate,
  readyState: 4,
});

describe('positionAt', () => {
  it.each([
    { what: 'a playing page moves on at its rate', reading: playing(1_000, 10), atMs: 1_100, sec: 10.1 },
    { what: 'at rate 0.95', reading: playing(1_000, 10, 0.95), atMs: 1_200, sec: 10.19 },
    { what: 'a paused page stays', reading: { ...playing(1_000, 10), paused: true }, atMs: 1_500, sec: 10 },
    { what: 'a seeking page stays', reading: { ...playing(1_000, 10), seeking: true }, atMs: 1_500, sec: 10 },
    {
      what: 'a page without data stays',
      reading: { ...playing(1_000, 10), readyState: 2 },
      atMs: 1_500,
      sec: 10,
    },
  ])('$what', ({ reading, atMs, sec }) => {
    expect(positionAt(reading, atMs)).toBeCloseTo(sec, 9);
  });
});

describe('pairwiseGapsMs', () => {
  it('compares pages read a few ms apart at one instant', () => {
    // B was read 5 ms after A and is 20 ms behind at the same instant.
    const snapshot = snapshotOf([playing(1_000, 10), playing(1_005, 9.985)]);
    expect(snapshot.atMs).toBe(1_005);
    const [gap] = pairwiseGapsMs(snapshot);
    expect(gap).toBeCloseTo(20, 6);
  });

  it('gives every pair once', () => {
    const snapshot = snapshotOf([playing(0, 1), playing(0, 1.01), playing(0, 1.03)]);
    expect(pairwiseGapsMs(snapshot).map((g) => Math.round(g))).toEqual([10, 30, 20]);
  });

  it('gapsToPageMs measures one page against the others only', () => {
    const snapshot = snapshotOf([playing(0, 1), playing(0, 1.01), playing(0, 1.05)]);
    expect(gapsToPageMs(snapshot, 2).map((g) => Math.round(g))).toEqual([50, 40]);
  });
});

describe('settledAtMs', () => {
  const series = (flags: boolean[]): Snapshot[] =>
    flags.map((ok, i) => ({ atMs: i * 100, readings: [playing(i * 100, ok ? 1 : 0)] }));
  const holds = (s: Snapshot) => s.readings[0]!.positionSec === 1;

  it.each([
    { what: 'settled from the start', flags: [true, true, true, true], holdMs: 300, at: 0 },
    {
      what: 'a pass through the bound does not count',
      flags: [true, false, true, true, true, true],
      holdMs: 300,
      at: 200,
    },
    {
      what: 'a hold the samples do not cover does not count',
      flags: [false, true, true],
      holdMs: 300,
      at: null,
    },
    { what: 'never', flags: [false, false, false], holdMs: 0, at: null },
  ])('$what', ({ flags, holdMs, at }) => {
    expect(settledAtMs(series(flags), holds, holdMs)).toBe(at);
  });
});

describe('selfJitterMs', () => {
  it('is zero for a page that moves exactly with its clock, and sees a 10 ms step', () => {
    const snapshots = [0, 250, 500].map((t, i) => snapshotOf([playing(t, t / 1000 + (i === 2 ? 0.01 : 0))]));
    expect(selfJitterMs(snapshots).map((j) => Math.round(j * 1000) / 1000)).toEqual([0, 10]);
  });

  it('skips a pair of readings across a rate change or a pause', () => {
    const snapshots = [
      snapshotOf([playing(0, 0)]),
      snapshotOf([playing(250, 0.25, 1.05)]),
      snapshotOf([{ ...playing(500, 0.5, 1.05), paused: true }]),
    ];
    expect(selfJitterMs(snapshots)).toEqual([]);
  });
});
