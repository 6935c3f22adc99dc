import {
  baselineCorrection,
  expectedPosition,
  SOFT_CORRECT_THRESHOLD_SEC,
  type PlaybackAction,
  type PlaybackTimeline,
  type PlayerReading,
} from '@wt/sync';

/**
 * The seed's sync rule (issue 5's floor), for comparison in the same run: act on a room state as
 * soon as it arrives, hard-seek beyond 1.5 s, nudge the rate to 0.95/1.05 between 0.5 and 1.5 s,
 * leave anything under 0.5 s alone (`baselineCorrection`). It gets the same clock estimate as the
 * real controller, so the comparison isolates the correction policy.
 */
export function seedBaselineStep(
  timeline: PlaybackTimeline,
  serverNowMs: number,
  player: PlayerReading,
  currentRate: number,
): { actions: PlaybackAction[]; targetSeq: number | null } {
  const target = timeline[timeline.length - 1];
  if (target === undefined || player.seeking) return { actions: [], targetSeq: target?.seq ?? null };
  const expectedSec = expectedPosition(target, serverNowMs);
  const actions: PlaybackAction[] = [];
  const far = Math.abs(player.positionSec - expectedSec) > SOFT_CORRECT_THRESHOLD_SEC;
  if (!target.isPlaying) {
    if (player.isPlaying) actions.push({ kind: 'pause' });
    if (far) actions.push({ kind: 'seek', toSec: expectedSec, reason: 'align' });
  } else if (!player.isPlaying) {
    if (far) actions.push({ kind: 'seek', toSec: expectedSec, reason: 'command' });
    actions.push({ kind: 'play' });
  } else if (!player.buffering) {
    const correction = baselineCorrection(player.positionSec, expectedSec);
    if (correction.kind === 'seek') actions.push({ kind: 'seek', toSec: correction.toSec, reason: 'drift' });
    const rate = correction.kind === 'rate' ? correction.rate : 1;
    if (correction.kind !== 'seek' && rate !== currentRate) actions.push({ kind: 'rate', rate });
  }
  return { actions, targetSeq: target.seq };
}
