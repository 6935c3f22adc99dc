import { describe, expect, it } from 'vitest';
import { formatDrift, syncLabel, syncLevel, syncSentence } from './sync-level';

describe('syncLevel', () => {
  it.each([
    [null, 'unknown'],
    [undefined, 'unknown'],
    [Number.NaN, 'unknown'],
    [0, 'good'],
    [149.9, 'good'],
    [-149.9, 'good'],
    [150, 'fair'],
    [-499, 'fair'],
    [500, 'poor'],
    [-2_000, 'poor'],
  ] as const)('%s ms is %s', (driftMs, level) => {
    expect(syncLevel(driftMs)).toBe(level);
  });
});

describe('drift in words', () => {
  it('sizes the drift in ms, then in seconds', () => {
    expect(formatDrift(-42.4)).toBe('42 ms');
    expect(formatDrift(1_234)).toBe('1.2 s');
    expect(formatDrift(12_345)).toBe('12 s');
  });

  it('says which way a viewer is off, and what to do when far off', () => {
    expect(syncLabel(40)).toBe('In sync · 40 ms');
    expect(syncLabel(-320)).toBe('Behind 320 ms');
    expect(syncLabel(null)).toBe('Sync unknown');
    expect(syncSentence(900)).toBe('900 ms ahead of the room: tap Resync to jump back in.');
    expect(syncSentence(-20)).toBe('In sync with the room (20 ms behind it).');
  });
});
