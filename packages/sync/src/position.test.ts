import { describe, expect, it } from 'vitest';
import { baselineCorrection, positionAt, type PlaybackState } from './position';

const base: PlaybackState = { isPlaying: true, positionSec: 10, lastEventAtMs: 1_000_000 };

describe('positionAt', () => {
  it.each<[string, PlaybackState, number, number]>([
    ['paused stays put', { ...base, isPlaying: false }, 1_005_000, 10],
    ['playing advances by elapsed time', base, 1_002_500, 12.5],
    ['a clock slightly behind the event never rewinds', base, 999_000, 10],
    ['rate scales elapsed time', { ...base, rate: 1.5 }, 1_002_000, 13],
    ['never runs past the media length', { ...base, durationSec: 11 }, 1_010_000, 11],
    ['never negative', { ...base, positionSec: -3, isPlaying: false }, 1_000_000, 0],
  ])('%s', (_name, state, now, expected) => {
    expect(positionAt(state, now)).toBeCloseTo(expected, 9);
  });
});

describe('baselineCorrection', () => {
  it.each([
    [10, 10, { kind: 'none' }],
    [10.4, 10, { kind: 'none' }],
    [10.6, 10, { kind: 'rate', rate: 0.95 }],
    [9.4, 10, { kind: 'rate', rate: 1.05 }],
    [12, 10, { kind: 'seek', toSec: 10 }],
    [7, 10, { kind: 'seek', toSec: 10 }],
  ])('local %d vs expected %d', (local, expected, correction) => {
    expect(baselineCorrection(local, expected)).toEqual(correction);
  });
});
