/**
 * When the player saves the viewer's position (signed-in viewers only): every SAVE_EVERY_MS while it
 * plays, and at once on pause, end or leaving, but never the same position twice.
 */

export const SAVE_EVERY_MS = 10_000;
/** Positions closer than this to the last saved one are not worth a request. */
export const MIN_MOVE_MS = 1_000;
/** Within this of the end an episode counts as watched (credits, a last frozen frame). */
export const COMPLETED_WITHIN_MS = 2_000;

export type SaveReason = 'tick' | 'pause' | 'ended' | 'leave';

export interface ProgressSample {
  positionMs: number;
  completed: boolean;
}

export class ProgressThrottle {
  private lastSavedAt = -Infinity;
  private lastSaved: ProgressSample | null = null;

  constructor(private readonly everyMs = SAVE_EVERY_MS) {}

  /** The sample to save now, or null. A returned sample counts as saved. */
  take(reason: SaveReason, positionMs: number, durationMs: number | null, nowMs: number): ProgressSample | null {
    const position = Math.max(0, Math.round(positionMs));
    const completed = reason === 'ended' || (durationMs !== null && durationMs > 0 && position >= durationMs - COMPLETED_WITHIN_MS);
    const last = this.lastSaved;
    const moved = !last || Math.abs(position - last.positionMs) >= MIN_MOVE_MS || completed !== last.completed;
    if (!moved) return null;
    if (reason === 'tick' && nowMs - this.lastSavedAt < this.everyMs) return null;
    // Nothing watched yet: opening an episode and leaving at 0 s is not progress.
    if (!last && position < MIN_MOVE_MS && !completed) return null;
    this.lastSavedAt = nowMs;
    this.lastSaved = { positionMs: position, completed };
    return this.lastSaved;
  }
}

/**
 * Where to resume, in seconds: the saved position unless it is the very start or the very end (a
 * finished episode starts again from the top).
 */
export function resumeAtSeconds(progressMs: number | null, durationMs: number | null): number | null {
  if (progressMs === null || progressMs < MIN_MOVE_MS) return null;
  if (durationMs !== null && durationMs > 0 && progressMs >= durationMs - COMPLETED_WITHIN_MS) return null;
  return progressMs / 1000;
}
