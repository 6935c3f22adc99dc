import {
  applyCommand,
  createRoomMachine,
  removeMember,
  reportBuffering,
  snapshotForJoin,
  tickRoomMachine,
  type JoinSnapshot,
  type MachineContext,
  type MachineUpdate,
  type PlaybackCommand,
  type PlaybackTimeline,
  type RoomMachine,
  type ScheduledTransition,
  type SyncError,
} from '@wt/sync';
import type { EventQueue } from './event-queue';
import { uniform, type Random } from './random';

/** What the server needs of a connected client: a way to send it something. */
export interface ServerPeer {
  readonly index: number;
  /** Sends `deliver` down this client's connection (with its latency, jitter and loss). */
  deliver(run: () => void): void;
  onTransition(transition: ScheduledTransition): void;
  onSnapshot(snapshot: JoinSnapshot): void;
  onPong(sample: { clientSendMs: number; serverReceiveMs: number; serverSendMs: number }): void;
  onCommandRefused(error: SyncError): void;
}

/**
 * The API's part, reduced to what sync needs: the real room machine, the members' round-trip times
 * (reported by their clock samples), a real timer for the machine's ticks, and broadcasts. The
 * server's clock is the simulation's true time.
 */
export class SimServer {
  machine: RoomMachine;
  /** Every state the room took, by seq: the ground truth the metrics compare players with. */
  history: PlaybackTimeline;
  /** Every transition with the server time it was broadcast. */
  readonly transitions: { transition: ScheduledTransition; sentAtMs: number }[] = [];
  private readonly members = new Map<number, { peer: ServerPeer; rttMs: number | null }>();
  private tickTimer: number | null = null;
  private tickAtMs: number | null = null;

  constructor(
    private readonly queue: EventQueue,
    private readonly random: Random,
    media: { mediaId: string; durationSec: number },
    private readonly leaderIndex: number,
  ) {
    this.machine = createRoomMachine({ nowMs: 0, mediaId: media.mediaId, durationSec: media.durationSec });
    this.history = [this.machine.playback];
  }

  private context(): MachineContext {
    const memberRttsMs = [...this.members.values()].flatMap((m) => (m.rttMs === null ? [] : [m.rttMs]));
    return { nowMs: this.queue.nowMs, memberRttsMs };
  }

  join(peer: ServerPeer): void {
    this.members.set(peer.index, { peer, rttMs: this.members.get(peer.index)?.rttMs ?? null });
    const snapshot = snapshotForJoin(this.machine, this.queue.nowMs);
    peer.deliver(() => peer.onSnapshot(snapshot));
  }

  leave(index: number): void {
    this.members.delete(index);
    this.apply(removeMember(this.machine, String(index), this.context()));
  }

  ping(peer: ServerPeer, clientSendMs: number, reportedRttMs: number | null): void {
    const member = this.members.get(peer.index);
    if (member && reportedRttMs !== null) member.rttMs = reportedRttMs;
    // Reading the clock and answering take a little time on a busy event loop.
    const serverReceiveMs = this.queue.nowMs + uniform(this.random, 0, 0.5);
    const serverSendMs = serverReceiveMs + uniform(this.random, 0.05, 0.5);
    peer.deliver(() => peer.onPong({ clientSendMs, serverReceiveMs, serverSendMs }));
  }

  command(peer: ServerPeer, command: PlaybackCommand): void {
    const result = applyCommand(this.machine, command, {
      ...this.context(),
      memberId: String(peer.index),
      canControl: peer.index === this.leaderIndex,
    });
    if (!result.ok) {
      peer.deliver(() => peer.onCommandRefused(result.error));
      return;
    }
    this.apply({
      machine: result.machine,
      transitions: [result.transition],
      nextTickAtMs: result.nextTickAtMs,
    });
  }

  buffering(peer: ServerPeer, buffering: boolean): void {
    if (!this.members.has(peer.index)) return;
    this.apply(reportBuffering(this.machine, { memberId: String(peer.index), buffering }, this.context()));
  }

  private apply(update: MachineUpdate): void {
    this.machine = update.machine;
    for (const transition of update.transitions) {
      this.history = [...this.history, transition.playback];
      this.transitions.push({ transition, sentAtMs: this.queue.nowMs });
      for (const { peer } of this.members.values()) peer.deliver(() => peer.onTransition(transition));
    }
    this.armTick(update.nextTickAtMs);
  }

  /** The API's timer: tick the machine when it asks to be ticked. */
  private armTick(nextTickAtMs: number | null): void {
    if (nextTickAtMs === this.tickAtMs) return;
    if (this.tickTimer !== null) this.queue.cancel(this.tickTimer);
    this.tickAtMs = nextTickAtMs;
    this.tickTimer =
      nextTickAtMs === null
        ? null
        : this.queue.at(nextTickAtMs, () => {
            this.tickTimer = null;
            this.tickAtMs = null;
            this.apply(tickRoomMachine(this.machine, this.context()));
          });
  }
}
