import type { MemberSync, PlaybackSnapshot, PlaybackTransition, RoomDetail } from '@wt/schemas';
import { addToTimeline, type PlaybackTimeline, type RoomPlayback } from '@wt/sync';

/**
 * The room's playback as the page holds it: the join snapshot's part, kept live by `video:state`,
 * `video:sync_settings` and `video:sync_states`. Pure; the room reducer calls these.
 */

/**
 * A transition joins the timeline with the state it replaces, so a late arrival still knows both.
 * `waiting` is the server's word on the wait (`video:state` carries it); a command's own ack does not,
 * and then the wait is inferred from the transition.
 */
export function withTransition(
  playback: PlaybackSnapshot,
  transition: PlaybackTransition,
  waiting?: boolean,
): PlaybackSnapshot {
  const known = playback.timeline.some((s) => s.seq >= transition.playback.seq);
  if (known) return playback;
  const timeline = addToTimeline(addToTimeline(playback.timeline, transition.previous), transition.playback);
  return {
    ...playback,
    timeline: [...timeline],
    waitingForMembers: waiting ?? waitingAfter(playback.waitingForMembers, transition),
  };
}

/**
 * Whether the room still waits for buffering members after a transition. The server's wait starts
 * with a `buffering` pause and ends with a resume (`all-ready`, `wait-timeout`, `settings`), a play,
 * a pause or new media; a seek or a rate change during the wait leaves it running. A pause and a seek
 * of a paused room look alike on the wire: a pause keeps the position, a seek moves it.
 */
export function waitingAfter(waiting: boolean, transition: PlaybackTransition): boolean {
  if (transition.cause === 'buffering') return true;
  if (!waiting || transition.cause !== 'command') return false;
  const { playback, previous } = transition;
  if (playback.isPlaying || playback.mediaId !== previous.mediaId) return false;
  const moved = Math.abs(playback.positionSec - previous.positionSec) > 0.25;
  return moved || playback.rate !== previous.rate;
}

/** The newest state the room has announced (the one every new command must build on). */
export function latestState(timeline: PlaybackTimeline): RoomPlayback | null {
  return timeline.length === 0 ? null : timeline[timeline.length - 1]!;
}

/** The `baseSeq` of a command: the latest seq this client knows. */
export function latestSeq(timeline: PlaybackTimeline): number {
  return latestState(timeline)?.seq ?? 0;
}

/** Drift per member from `video:sync_states` (null: not measured). */
export type MemberSyncMap = Readonly<Record<string, number | null>>;

export function memberSyncMap(states: readonly MemberSync[]): MemberSyncMap {
  return Object.fromEntries(states.map((s) => [s.userId, s.driftMs]));
}

/**
 * The key the server gives the room's media in `playback.mediaId`: `<platform>:<provider id or URL>`.
 * The player of the room's content follows the timeline only while the keys match.
 */
export function mediaKeyOf(content: RoomDetail['content']): string | null {
  if (!content) return null;
  return `${content.platform}:${content.mediaId ?? content.url}`;
}
