import {
  addClockSample,
  addToTimeline,
  afterClockSampleSent,
  clientTimeAt,
  emptyClockEstimate,
  initialControllerState,
  isClockSettled,
  pruneTimeline,
  serverNow,
  startClockBurst,
  stepController,
  type ClockBurstReason,
  type ClockEstimate,
  type ClockSchedule,
  type ControllerState,
  type JoinSnapshot,
  type PlaybackAction,
  type PlaybackCommand,
  type PlaybackTimeline,
  type ScheduledTransition,
  type SyncError,
} from '@wt/sync';
import type { EventQueue } from './event-queue';
import { Link, type LinkProfile } from './network';
import { seedBaselineStep } from './baseline';
import { SimPlayer, type PlayerEvent, type PlayerModel } from './player';
import { uniform, type Random } from './random';
import type { ServerPeer, SimServer } from './server';

export interface ClientProfile {
  index: number;
  link: LinkProfile;
  player: PlayerModel;
  /** The client's clock reads this much ahead of the server's at time 0, ms. */
  clockOffsetMs: number;
  /** Its clock's rate error against the server's, parts per million. */
  clockSkewPpm: number;
  /** Who keeps the player on the room: the real controller, or the seed's rule for comparison. */
  follower: 'controller' | 'seed-baseline';
}

/** What the metrics want to hear about a client. */
export interface ClientObserver {
  /** `targetSeq`: the room state the action serves. */
  onAction(client: SimClient, action: PlaybackAction, targetSeq: number | null): void;
  onPlayerEvent(client: SimClient, event: PlayerEvent): void;
}

/** How often the app reads the player and runs the controller (its interval timer), ms. */
const TICK_MS = 250;
/** A stall is reported once it has lasted this long (short hiccups are not worth a room pause), ms. */
const STALL_REPORT_AFTER_MS = 250;

/**
 * One viewer's app: the clock sampling loop, the timeline of room states, the controller driving a
 * simulated player, the buffering reports. Everything sync-related is the real @wt/sync code; only
 * the network, the clocks and the player are simulated.
 */
export class SimClient implements ServerPeer {
  readonly index: number;
  readonly player: SimPlayer;
  clock: ClockEstimate = emptyClockEstimate();
  timeline: PlaybackTimeline = [];
  controller: ControllerState = initialControllerState();
  connected = false;
  /** True time of the last (re)connection, and when the clock estimate settled after it. */
  connectedAtMs = -Infinity;
  samplesSinceConnect = 0;
  /** Started following the room (clock settled and a state known) since the last (re)connection. */
  followingSinceMs: number | null = null;
  lastSeekDoneAtMs = -Infinity;
  lastStallEndAtMs = -Infinity;
  stallReported = false;
  private epoch = 0;
  private schedule: ClockSchedule | null = null;
  private delayEwmaMs: number | null = null;
  private readonly up: Link;
  private readonly down: Link;
  private wakeTimer: number | null = null;
  private wakeAtServerMs: number | null = null;
  /** The last rate set (the seed's rule needs it; the controller keeps its own). */
  private baselineRate = 1;

  constructor(
    private readonly queue: EventQueue,
    private readonly server: SimServer,
    readonly profile: ClientProfile,
    private readonly random: Random,
    private readonly observer: ClientObserver,
    streams: { up: Random; down: Random; player: Random },
  ) {
    this.index = profile.index;
    this.up = new Link(queue, profile.link, streams.up);
    this.down = new Link(queue, profile.link, streams.down);
    this.player = new SimPlayer(queue, profile.player, streams.player, (event) => this.onPlayerEvent(event));
    this.queue.after(uniform(random, 0, TICK_MS), () => this.tickLoop());
  }

  // ---------- clocks ----------

  /** The client's (monotonic) clock at the current simulated time. */
  localNowMs(): number {
    return this.localAt(this.queue.nowMs);
  }

  localAt(trueMs: number): number {
    return this.profile.clockOffsetMs + trueMs * (1 + this.profile.clockSkewPpm * 1e-6);
  }

  private trueTimeOfLocal(localMs: number): number {
    return (localMs - this.profile.clockOffsetMs) / (1 + this.profile.clockSkewPpm * 1e-6);
  }

  /** The true server-minus-client offset now (what the estimate tries to find). */
  trueOffsetMs(): number {
    return this.queue.nowMs - this.localNowMs();
  }

  /** The round-trip time this client reports to the server for scheduling (smoothed sample delay). */
  reportedRttMs(): number | null {
    return this.delayEwmaMs;
  }

  // ---------- connection ----------

  private isOpen(): () => boolean {
    const epoch = this.epoch;
    return () => this.connected && this.epoch === epoch;
  }

  deliver(run: () => void): void {
    this.down.send(run, this.isOpen());
  }

  private toServer(run: () => void): void {
    this.up.send(run, this.isOpen());
  }

  connect(reason: Extract<ClockBurstReason, 'connect' | 'reconnect'>): void {
    this.connected = true;
    this.epoch += 1;
    this.connectedAtMs = this.queue.nowMs;
    this.samplesSinceConnect = 0;
    this.followingSinceMs = null;
    this.toServer(() => this.server.join(this));
    this.startBurst(reason);
  }

  disconnect(): void {
    this.connected = false;
    this.epoch += 1;
    this.server.leave(this.index);
    this.stallReported = false;
  }

  startBurst(reason: ClockBurstReason): void {
    this.schedule = startClockBurst(this.localNowMs(), reason);
    this.sampleLoop(this.epoch);
  }

  private sampleLoop(epoch: number): void {
    if (!this.connected || epoch !== this.epoch || this.schedule === null) return;
    const nowLocal = this.localNowMs();
    if (nowLocal >= this.schedule.nextAtMs) {
      const clientSendMs = nowLocal;
      const rtt = this.reportedRttMs();
      this.toServer(() => this.server.ping(this, clientSendMs, rtt));
      this.schedule = afterClockSampleSent(this.schedule, nowLocal, this.random);
    }
    const schedule = this.schedule;
    this.queue.at(this.trueTimeOfLocal(schedule.nextAtMs) + uniform(this.random, 0.5, 4), () => {
      if (this.schedule === schedule) this.sampleLoop(epoch);
    });
  }

  onPong(sample: { clientSendMs: number; serverReceiveMs: number; serverSendMs: number }): void {
    // The callback runs a moment after the message arrived (the event loop is busy with rendering).
    const clientReceiveMs = this.localNowMs() + uniform(this.random, 0, 1);
    this.clock = addClockSample(this.clock, { ...sample, clientReceiveMs });
    this.samplesSinceConnect += 1;
    const delayMs = clientReceiveMs - sample.clientSendMs - (sample.serverSendMs - sample.serverReceiveMs);
    this.delayEwmaMs =
      this.delayEwmaMs === null ? delayMs : this.delayEwmaMs + 0.2 * (delayMs - this.delayEwmaMs);
    this.tick();
  }

  onSnapshot(snapshot: JoinSnapshot): void {
    for (const state of snapshot.timeline) this.timeline = addToTimeline(this.timeline, state);
    this.tick();
  }

  onTransition(transition: ScheduledTransition): void {
    this.timeline = addToTimeline(addToTimeline(this.timeline, transition.previous), transition.playback);
    this.tick();
  }

  onCommandRefused(_error: SyncError): void {
    // The room's state is unchanged and already in the timeline: the player keeps following it.
  }

  // ---------- following the room ----------

  /** Ready to follow: a settled clock estimate and a known room state. */
  private ready(): boolean {
    return isClockSettled(this.clock) && this.timeline.length > 0;
  }

  private tickLoop(): void {
    this.tick();
    this.queue.after(TICK_MS + uniform(this.random, 0, 4), () => this.tickLoop());
  }

  tick(): void {
    if (!this.ready()) return;
    if (this.followingSinceMs === null && this.connected) this.followingSinceMs = this.queue.nowMs;
    const serverNowMs = serverNow(this.clock, this.localNowMs());
    const reading = this.player.reading();
    if (this.profile.follower === 'seed-baseline') {
      const step = seedBaselineStep(this.timeline, serverNowMs, reading, this.baselineRate);
      for (const action of step.actions) this.act(action, step.targetSeq);
      return;
    }
    const step = stepController(
      this.controller,
      { serverNowMs, timeline: this.timeline, player: reading },
      this.profile.player.caps,
    );
    this.controller = step.state;
    for (const action of step.actions) this.act(action, step.targetSeq);
    this.timeline = pruneTimeline(this.timeline, serverNowMs);
    this.armWake(step.wakeAtServerMs, serverNowMs);
  }

  private act(action: PlaybackAction, targetSeq: number | null): void {
    this.observer.onAction(this, action, targetSeq);
    this.perform(action);
  }

  private perform(action: PlaybackAction): void {
    switch (action.kind) {
      case 'play':
        this.player.play();
        break;
      case 'pause':
        this.player.pause();
        break;
      case 'seek':
        this.player.seek(action.toSec);
        break;
      case 'rate':
        this.baselineRate = action.rate;
        this.player.setRate(action.rate);
        break;
    }
  }

  /** A local timer for the moment the controller asked for (timers fire a few ms late). */
  private armWake(wakeAtServerMs: number | null, serverNowMs: number): void {
    if (wakeAtServerMs === this.wakeAtServerMs) return;
    if (this.wakeTimer !== null) this.queue.cancel(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAtServerMs = wakeAtServerMs;
    if (wakeAtServerMs === null || wakeAtServerMs <= serverNowMs) return;
    const atMs =
      this.trueTimeOfLocal(clientTimeAt(this.clock, wakeAtServerMs)) + uniform(this.random, 0.5, 4);
    this.wakeTimer = this.queue.at(atMs, () => {
      this.wakeTimer = null;
      this.wakeAtServerMs = null;
      this.tick();
    });
  }

  private onPlayerEvent(event: PlayerEvent): void {
    if (event === 'seeked') this.lastSeekDoneAtMs = this.queue.nowMs;
    if (event === 'stall-end') {
      this.lastStallEndAtMs = this.queue.nowMs;
      if (this.stallReported) {
        this.stallReported = false;
        this.toServer(() => this.server.buffering(this, false));
      }
    }
    this.observer.onPlayerEvent(this, event);
    // The app listens to the media element's events and re-runs the controller a moment later.
    this.queue.after(uniform(this.random, 1, 5), () => this.tick());
  }

  /** The player stalls for `durationMs`; the app reports it if it lasts and the room is playing. */
  stall(durationMs: number): void {
    if (this.player.isStalled()) return;
    this.player.stall(durationMs);
    this.queue.after(STALL_REPORT_AFTER_MS, () => {
      if (!this.player.isStalled() || !this.connected || !this.player.isPlayingWanted()) return;
      this.stallReported = true;
      this.toServer(() => this.server.buffering(this, true));
    });
  }

  // ---------- the leader's commands ----------

  /** Sends a command with the position this viewer sees and the latest room state it knows. */
  issue(type: 'play' | 'pause' | 'seek', seekToSec?: number): void {
    const baseSeq = this.timeline.reduce((max, s) => Math.max(max, s.seq), 0);
    const positionSec = type === 'seek' ? (seekToSec ?? 0) : this.player.reading().positionSec;
    const command: PlaybackCommand = { type, positionSec, baseSeq };
    this.toServer(() => this.server.command(this, command));
  }
}
