/** Server-held playback state (seed 000 "Video Sync Engine"), with times in ms since the epoch. */
export interface PlaybackState {
  isPlaying: boolean;
  /** Position in seconds when the state was last set. */
  positionSec: number;
  /** Server time (ms) at which `positionSec` was true. */
  lastEventAtMs: number;
  /** Playback rate in force since lastEventAt (1 unless a room plays faster or slower). */
  rate?: number;
  /** Length of the media in seconds, when known; the position never runs past it. */
  durationSec?: number;
}

/** Where playback should be at server time `nowMs`: the seed's getServerPosition, clamped to the media. */
export function positionAt(state: PlaybackState, nowMs: number): number {
  const elapsedSec = state.isPlaying ? Math.max(0, nowMs - state.lastEventAtMs) / 1000 : 0;
  const position = state.positionSec + elapsedSec * (state.rate ?? 1);
  const clampedLow = Math.max(0, position);
  return state.durationSec === undefined ? clampedLow : Math.min(clampedLow, state.durationSec);
}

/** Seed thresholds: above 1.5 s drift a client hard-seeks; 0.5-1.5 s it nudges its rate. */
export const HARD_SEEK_THRESHOLD_SEC = 1.5;
export const SOFT_CORRECT_THRESHOLD_SEC = 0.5;

export type Correction = { kind: 'none' } | { kind: 'rate'; rate: number } | { kind: 'seek'; toSec: number };

/**
 * The seed's baseline correction for a local position against the expected one. The Playback sync
 * issue replaces this floor with proportional rate control; it stays as the reference behaviour.
 */
export function baselineCorrection(localSec: number, expectedSec: number): Correction {
  const drift = localSec - expectedSec;
  const magnitude = Math.abs(drift);
  if (magnitude > HARD_SEEK_THRESHOLD_SEC) return { kind: 'seek', toSec: expectedSec };
  if (magnitude >= SOFT_CORRECT_THRESHOLD_SEC) return { kind: 'rate', rate: drift > 0 ? 0.95 : 1.05 };
  return { kind: 'none' };
}

/**
 * The room's playback as the server holds and broadcasts it. `updatedAtMs` is the server time at which
 * `positionSec` is true; for a scheduled command it lies in the future (the command's execution time),
 * and the state in force until then is the previous one (see {@link PlaybackTimeline}).
 */
export interface RoomPlayback {
  /** The media the room plays; null before anything was chosen. */
  mediaId: string | null;
  isPlaying: boolean;
  positionSec: number;
  /** The room's playback rate (1 = normal speed). Drift correction multiplies it; it never replaces it. */
  rate: number;
  /** Server time (ms) from which this state holds. */
  updatedAtMs: number;
  /** Increases by one with every state the room takes. */
  seq: number;
  durationSec?: number;
}

/** Where the room's media should be at server time `serverMs`, under this one state. */
export function expectedPosition(state: RoomPlayback, serverMs: number): number {
  return positionAt(
    {
      isPlaying: state.isPlaying,
      positionSec: state.positionSec,
      lastEventAtMs: state.updatedAtMs,
      rate: state.rate,
      durationSec: state.durationSec,
    },
    serverMs,
  );
}

/**
 * The states a client knows, ascending by `seq` (and so by `updatedAtMs`, which the server keeps
 * monotonic): the one in force now and the ones scheduled to take over. A command reaches clients
 * before it executes, so a client holds the old state until the scheduled time, then switches.
 */
export type PlaybackTimeline = readonly RoomPlayback[];

/** How many states a timeline keeps: the one in force and the scheduled ones after it. */
const TIMELINE_LIMIT = 4;

/**
 * Adds a state the server sent (a broadcast, a join snapshot, an ack). A state already known (same or
 * lower `seq` than one held) is ignored, so redelivery and reordering cannot rewind the room.
 */
export function addToTimeline(timeline: PlaybackTimeline, state: RoomPlayback): PlaybackTimeline {
  if (timeline.some((known) => known.seq === state.seq)) return timeline;
  const merged = [...timeline, state].sort((a, b) => a.seq - b.seq);
  return merged.slice(Math.max(0, merged.length - TIMELINE_LIMIT));
}

/** Drops the states no longer needed at `serverMs`: everything before the one in force. */
export function pruneTimeline(timeline: PlaybackTimeline, serverMs: number): PlaybackTimeline {
  const inForce = indexInForce(timeline, serverMs);
  return inForce <= 0 ? timeline : timeline.slice(inForce);
}

function indexInForce(timeline: PlaybackTimeline, serverMs: number): number {
  let found = -1;
  for (let i = 0; i < timeline.length; i++) {
    if (timeline[i]!.updatedAtMs <= serverMs) found = i;
  }
  // Before the first known state starts (a joiner whose snapshot holds only a scheduled state), that
  // state is the best knowledge there is: its position holds until it starts.
  return found === -1 && timeline.length > 0 ? 0 : found;
}

/** The state in force at server time `serverMs`, or null when nothing is known yet. */
export function stateAt(timeline: PlaybackTimeline, serverMs: number): RoomPlayback | null {
  const index = indexInForce(timeline, serverMs);
  return index === -1 ? null : timeline[index]!;
}

/** Where the room's media should be at server time `serverMs`, or null when nothing is known yet. */
export function timelinePositionAt(timeline: PlaybackTimeline, serverMs: number): number | null {
  const state = stateAt(timeline, serverMs);
  return state === null ? null : expectedPosition(state, serverMs);
}

/** The first scheduled state that takes over strictly after `serverMs`, if any. */
export function nextScheduled(timeline: PlaybackTimeline, serverMs: number): RoomPlayback | null {
  return timeline.find((state) => state.updatedAtMs > serverMs) ?? null;
}
