import type { PlaybackTransition } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { playback, playbackState } from '@/rooms/test-fixtures';
import {
  latestSeq,
  latestState,
  mediaKeyOf,
  memberSyncMap,
  waitingAfter,
  withTransition,
} from './playback-state';

function transition(overrides: Partial<PlaybackTransition>): PlaybackTransition {
  const previous = playbackState({ seq: 1, isPlaying: true, positionSec: 10 });
  return {
    cause: 'command',
    previous,
    playback: {
      ...previous,
      seq: 2,
      isPlaying: false,
      positionSec: 12,
      updatedAtMs: previous.updatedAtMs + 2_000,
    },
    executeAtMs: previous.updatedAtMs + 2_000,
    ...overrides,
  };
}

describe('withTransition', () => {
  it('adds the new state after the one it replaces', () => {
    const t = transition({});
    const next = withTransition(playback({ timeline: [] }), t);
    expect(next.timeline.map((s) => s.seq)).toEqual([1, 2]);
    expect(latestState(next.timeline)).toEqual(t.playback);
    expect(latestSeq(next.timeline)).toBe(2);
  });

  it('ignores a transition it already has (the ack and the broadcast both bring it)', () => {
    const held = withTransition(playback({ timeline: [] }), transition({}));
    expect(withTransition(held, transition({}))).toBe(held);
  });

  it('never rewinds: an older transition arriving late is ignored', () => {
    const newer = transition({});
    const held = withTransition(playback({ timeline: [] }), {
      ...newer,
      previous: newer.playback,
      playback: { ...newer.playback, seq: 3 },
    });
    expect(withTransition(held, newer)).toBe(held);
  });

  it("takes the server's word on the wait when the broadcast carries it", () => {
    const waiting = playback({ timeline: [], waitingForMembers: true });
    // A seek of a paused room during a wait: inferred as still waiting, unless the server says otherwise.
    const seek = transition({ playback: { ...transition({}).playback, positionSec: 40 } });
    expect(withTransition(waiting, seek).waitingForMembers).toBe(true);
    expect(withTransition(waiting, seek, false).waitingForMembers).toBe(false);
    expect(withTransition(playback({ timeline: [] }), transition({}), true).waitingForMembers).toBe(true);
  });

  it('starts at seq 0 with nothing known', () => {
    expect(latestSeq([])).toBe(0);
  });
});

describe('waitingAfter', () => {
  const paused = playbackState({ seq: 5, isPlaying: false, positionSec: 30 });
  it.each([
    ['a buffering pause starts the wait', false, transition({ cause: 'buffering' }), true],
    ['a resume when all are ready ends it', true, transition({ cause: 'all-ready' }), false],
    ['a resume at the deadline ends it', true, transition({ cause: 'wait-timeout' }), false],
    ['turning the wait off ends it', true, transition({ cause: 'settings' }), false],
    [
      'a play ends it',
      true,
      transition({ previous: paused, playback: { ...paused, seq: 6, isPlaying: true } }),
      false,
    ],
    [
      'a pause (same position) ends it',
      true,
      transition({ previous: paused, playback: { ...paused, seq: 6 } }),
      false,
    ],
    [
      'a seek keeps it',
      true,
      transition({ previous: paused, playback: { ...paused, seq: 6, positionSec: 90 } }),
      true,
    ],
    [
      'new media ends it',
      true,
      transition({ previous: paused, playback: { ...paused, seq: 6, mediaId: 'web:x', positionSec: 0 } }),
      false,
    ],
    ['a command outside a wait does not start one', false, transition({}), false],
  ] as const)('%s', (_name, waiting, t, expected) => {
    expect(waitingAfter(waiting, t)).toBe(expected);
  });
});

describe('memberSyncMap and mediaKeyOf', () => {
  it('keys drift by member', () => {
    expect(
      memberSyncMap([
        { userId: 'a', driftMs: 12 },
        { userId: 'b', driftMs: null },
      ]),
    ).toEqual({ a: 12, b: null });
  });

  it("names media as the server does: platform, then the provider's id or the URL", () => {
    expect(
      mediaKeyOf({ platform: 'youtube', url: 'https://www.youtube.com/watch?v=x', mediaId: 'dQw4w9WgXcQ' }),
    ).toBe('youtube:dQw4w9WgXcQ');
    expect(mediaKeyOf({ platform: 'web', url: 'https://example.com/a.mp4', mediaId: null })).toBe(
      'web:https://example.com/a.mp4',
    );
    expect(mediaKeyOf(null)).toBeNull();
  });
});
