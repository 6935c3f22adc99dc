import { describe, expect, it } from 'vitest';
import {
  addToTimeline,
  baselineCorrection,
  expectedPosition,
  nextScheduled,
  positionAt,
  pruneTimeline,
  stateAt,
  timelinePositionAt,
  type PlaybackState,
  type PlaybackTimeline,
  type RoomPlayback,
} from './position';

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

const room = (over: Partial<RoomPlayback> = {}): RoomPlayback => ({
  mediaId: 'm',
  isPlaying: true,
  positionSec: 100,
  rate: 1,
  updatedAtMs: 50_000,
  seq: 1,
  ...over,
});

describe('expectedPosition', () => {
  it.each<[string, RoomPlayback, number, number]>([
    ['playing advances with server time', room(), 52_000, 102],
    ['paused holds', room({ isPlaying: false }), 90_000, 100],
    ['the room rate scales time', room({ rate: 0.5 }), 54_000, 102],
    ['a state scheduled for later holds its position until then', room(), 49_000, 100],
    ['never past the end', room({ durationSec: 101 }), 60_000, 101],
  ])('%s', (_name, state, serverMs, expected) => {
    expect(expectedPosition(state, serverMs)).toBeCloseTo(expected, 9);
  });
});

describe('playback timeline', () => {
  const playing = room({ seq: 4, updatedAtMs: 10_000, positionSec: 0 });
  const pausedLater = room({ seq: 5, updatedAtMs: 20_000, isPlaying: false, positionSec: 10 });
  const timeline = addToTimeline(addToTimeline([], pausedLater), playing);

  it('keeps states in seq order and ignores one it already holds', () => {
    expect(timeline.map((s) => s.seq)).toEqual([4, 5]);
    expect(addToTimeline(timeline, { ...playing, positionSec: 999 })).toBe(timeline);
  });

  it.each<[string, number, number | null, number | null]>([
    ['before anything known starts: the first state', 5_000, 4, 0],
    ['while the first state is in force', 15_000, 4, 5],
    ['at the scheduled time the next takes over', 20_000, 5, 10],
    ['long after', 90_000, 5, 10],
  ])('%s', (_name, serverMs, seq, positionSec) => {
    expect(stateAt(timeline, serverMs)?.seq ?? null).toBe(seq);
    expect(timelinePositionAt(timeline, serverMs)).toBe(positionSec);
  });

  it('says what is scheduled next, and prunes what no longer matters', () => {
    expect(nextScheduled(timeline, 15_000)?.seq).toBe(5);
    expect(nextScheduled(timeline, 20_000)).toBeNull();
    expect(pruneTimeline(timeline, 15_000).map((s) => s.seq)).toEqual([4, 5]);
    expect(pruneTimeline(timeline, 25_000).map((s) => s.seq)).toEqual([5]);
  });

  it('knows nothing before the first state arrives', () => {
    expect(stateAt([], 1_000)).toBeNull();
    expect(timelinePositionAt([], 1_000)).toBeNull();
  });

  it('holds at most a few states, the newest', () => {
    let many: PlaybackTimeline = [];
    for (let seq = 1; seq <= 10; seq++) many = addToTimeline(many, room({ seq, updatedAtMs: seq * 1_000 }));
    expect(many.map((s) => s.seq)).toEqual([7, 8, 9, 10]);
  });
});
