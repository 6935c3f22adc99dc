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
