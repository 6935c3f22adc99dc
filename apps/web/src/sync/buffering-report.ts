/**
 * When to tell the room this player stalled (`video:buffer`). Seeks and starts stall for a moment
 * everywhere; only a stall that lasts is worth pausing the room for, so `true` goes out after the
 * stall has lasted `delayMs`, and `false` as soon as data flows again (only if `true` went out).
 */

export const BUFFERING_REPORT_DELAY_MS = 500;

export interface BufferingReportState {
  /** Client time the current stall began, or null while the player is not stalled. */
  stalledSinceMs: number | null;
  /** What the room was last told. */
  reported: boolean;
}

export const INITIAL_BUFFERING_REPORT: BufferingReportState = { stalledSinceMs: null, reported: false };

export function nextBufferingReport(
  state: BufferingReportState,
  stalled: boolean,
  nowMs: number,
  delayMs = BUFFERING_REPORT_DELAY_MS,
): { state: BufferingReportState; send: boolean | null } {
  if (!stalled) {
    return { state: INITIAL_BUFFERING_REPORT, send: state.reported ? false : null };
  }
  const stalledSinceMs = state.stalledSinceMs ?? nowMs;
  if (!state.reported && nowMs - stalledSinceMs >= delayMs) {
    return { state: { stalledSinceMs, reported: true }, send: true };
  }
  return { state: { stalledSinceMs, reported: state.reported }, send: null };
}
