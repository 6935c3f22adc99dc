import {
  addClockSample,
  afterClockSampleSent,
  clientTimeAt,
  CONTROLLER_DEFAULTS,
  emptyClockEstimate,
  expectedPosition,
  initialControllerState,
  isClockSampleDue,
  isClockSettled,
  serverNow,
  startClockBurst,
  stateAt,
  stepController,
  timelinePositionAt,
  type ClockBurstReason,
  type ClockEstimate,
  type ClockSchedule,
  type ControllerState,
  type PlaybackAction,
  type PlaybackTimeline,
  type RoomPlayback,
} from '@wt/sync';
import { isGestureRefusal, type AdapterCapabilities, type PlayerAdapter } from '@/players/player';
import { INITIAL_BUFFERING_REPORT, nextBufferingReport, type BufferingReportState } from './buffering-report';
import { latestState } from './playback-state';

/**
 * The client half of playback sync, apart from React and the socket: it keeps the clock estimate
 * (samples over `time:sync`: a burst on connect, reconnect and when the tab shows again, then one every
 * 10-15 s), follows the room's timeline, and runs the control loop that drives the attached player
 * through the `@wt/sync` controller (every `loopIntervalMs`, at each transition's execution time, and
 * whenever the player reports something). It reports drift every second and stalls as they last.
 * Everything outside (time, timers, the socket, the player) is passed in, so tests drive it with
 * fakes.
 */

export interface SyncTransport {
  /** Whether messages can go out now (a sample sent while offline would only measure the outage). */
  connected(): boolean;
  /** One clock sample: the server's receive and send times, or null when it got no answer. */
  timeSync(clientSendMs: number): Promise<{ t1: number; t2: number } | null>;
  drift(report: { driftMs: number; rttMs: number }): void;
  buffering(buffering: boolean): void;
  duration(report: { mediaId: string; durationSec: number }): void;
}

export interface SyncTimers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncClientDeps {
  /** Client time in ms from a monotonic clock on the epoch's scale (performance.timeOrigin + now()). */
  now(): number;
  random(): number;
  timers: SyncTimers;
  transport: SyncTransport;
}

export interface SyncClientOptions {
  loopIntervalMs: number;
  driftReportIntervalMs: number;
  /** Clock samples before the player is driven (a single sample may be off by half its round trip). */
  clockSamplesBeforeControl: number;
}

export const SYNC_CLIENT_DEFAULTS: SyncClientOptions = {
  loopIntervalMs: 200,
  driftReportIntervalMs: 1_000,
  clockSamplesBeforeControl: 3,
};

/** What the page shows about this viewer's sync. */
export interface SyncStatus {
  clockReady: boolean;
  /** Round trip of the best clock sample, ms. */
  rttMs: number | null;
  /** This player's drift from the room, ms (positive: ahead), updated once a second; null if unknown. */
  driftMs: number | null;
  /** The browser refused to start playback without a click: show "Click to join playback". */
  needsGesture: boolean;
  /** The player could not load, as a sentence. */
  playerFailure: string | null;
  /** A player is attached and plays the room's media. */
  following: boolean;
}

const INITIAL_STATUS: SyncStatus = {
  clockReady: false,
  rttMs: null,
  driftMs: null,
  needsGesture: false,
  playerFailure: null,
  following: false,
};

/** A media file that ended locally stays ended while the room is within this of the end, s. */
const END_SLACK_SEC = 1;

export class PlaybackSyncClient {
  private readonly options: SyncClientOptions;
  private clock: ClockEstimate = emptyClockEstimate();
  private clockSchedule: ClockSchedule | null = null;
  private sampleInFlight = false;
  private timeline: PlaybackTimeline = [];
  private player: { adapter: PlayerAdapter; mediaId: string; unlisten: () => void } | null = null;
  private controller: ControllerState = initialControllerState();
  private lastDriftMs: number | null = null;
  private nextDriftReportAtMs = 0;
  private bufferingReport: BufferingReportState = INITIAL_BUFFERING_REPORT;
  private durationReportedFor: string | null = null;
  private mayReportDuration = false;
  private timer: unknown = null;
  private running = false;
  private status: SyncStatus = INITIAL_STATUS;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly deps: SyncClientDeps,
    options: Partial<SyncClientOptions> = {},
  ) {
    this.options = { ...SYNC_CLIENT_DEFAULTS, ...options };
  }

  // ---------- lifecycle ----------

  /** Starts the loop and a first clock burst. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.burst('connect');
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
    this.detach();
  }

  /** A burst of clock samples: on (re)connection, when the tab shows again, on a resync. */
  burst(reason: ClockBurstReason): void {
    this.clockSchedule = startClockBurst(this.deps.now(), reason);
    this.poke();
  }

  // ---------- inputs ----------

  /** The room's timeline as the room state holds it (snapshot plus `video:state`). */
  setTimeline(timeline: PlaybackTimeline): void {
    if (timeline === this.timeline) return;
    this.timeline = timeline;
    this.poke();
  }

  /** Only someone who may control playback reports the media's length (the server keeps theirs). */
  setMayReportDuration(may: boolean): void {
    this.mayReportDuration = may;
  }

  /** Hands the control loop a ready player of the room's content, identified by its media key. */
  attach(adapter: PlayerAdapter, mediaId: string): void {
    this.detach();
    const unlisten = adapter.onEvent((event) => {
      if (event === 'playing' && this.status.needsGesture) this.setStatus({ needsGesture: false });
      if (event === 'error') this.setStatus({ playerFailure: adapter.failure() });
      this.poke();
    });
    this.player = { adapter, mediaId, unlisten };
    // A new player starts from its own defaults (rate 1, no learned latency).
    this.controller = initialControllerState();
    this.lastDriftMs = null;
    this.setStatus({ playerFailure: adapter.failure(), needsGesture: false, driftMs: null });
    this.poke();
  }

  /** The player goes away (content changed, page left). The room is told a stall is over. */
  detach(adapter?: PlayerAdapter): void {
    if (!this.player || (adapter && this.player.adapter !== adapter)) return;
    this.player.unlisten();
    this.player = null;
    if (this.bufferingReport.reported) this.deps.transport.buffering(false);
    this.bufferingReport = INITIAL_BUFFERING_REPORT;
    this.lastDriftMs = null;
    this.setStatus({ following: false, driftMs: null, needsGesture: false, playerFailure: null });
  }

  /** One tap: jump to where the room is now, and measure the clock afresh. */
  resync(): void {
    const player = this.player?.adapter;
    const now = this.serverNowMs();
    const target = stateAt(this.timeline, now);
    this.controller = { ...this.controller, driftMs: null, driftAtMs: null, learning: null };
    if (player && target && this.followsTarget(target)) {
      player.seek(expectedPosition(target, now + this.controller.seekLeadMs));
    }
    this.burst('reconnect');
  }

  /**
   * The viewer clicked "Click to join playback". Called inside the click handler: the player starts
   * within the gesture, and the loop corrects the position right after.
   */
  joinPlayback(): void {
    this.setStatus({ needsGesture: false });
    const player = this.player?.adapter;
    const target = stateAt(this.timeline, this.serverNowMs());
    if (player && target?.isPlaying) this.play(player);
    this.poke();
  }

  // ---------- reading ----------

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  serverNowMs(): number {
    return serverNow(this.clock, this.deps.now());
  }

  rttMs(): number | null {
    return this.clock.best?.delayMs ?? null;
  }

  /** Where the room is now, s (null before anything is known). */
  roomPositionSec(): number | null {
    return timelinePositionAt(this.timeline, this.serverNowMs());
  }

  /** The newest state the room announced: what a play/pause button shows right after a click. */
  roomIntent(): RoomPlayback | null {
    return latestState(this.timeline);
  }

  /** The position this viewer sees: their player's, or the room's when no player follows it. */
  visiblePositionSec(): number | null {
    const player = this.player?.adapter;
    if (player && this.status.following) return player.getPosition();
    return this.roomPositionSec();
  }

  /** What the attached player can do (for the rate menu), or null without one. */
  capabilities(): AdapterCapabilities | null {
    return this.player?.adapter.capabilities ?? null;
  }

  /** The media's length: the player's, else the room's when the server knows it. */
  durationSec(): number | null {
    return this.player?.adapter.getDuration() ?? latestState(this.timeline)?.durationSec ?? null;
  }

  // ---------- the loop ----------

  /** Runs the loop now (a player event, a new state) instead of at its next turn. */
  poke(): void {
    if (!this.running) return;
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = this.deps.timers.set(() => this.run(), 0);
  }

  private run(): void {
    this.timer = null;
    if (!this.running) return;
    const delayMs = this.tick();
    this.timer = this.deps.timers.set(() => this.run(), delayMs);
  }

  /** One turn of the loop; returns how long until the next one, ms. Public for tests. */
  tick(): number {
    const now = this.deps.now();
    this.sampleClock(now);
    const wakeAtServerMs = this.control(now);
    this.reportDrift(now);
    let delayMs = this.options.loopIntervalMs;
    if (wakeAtServerMs !== null) delayMs = Math.min(delayMs, clientTimeAt(this.clock, wakeAtServerMs) - now);
    if (this.clockSchedule && !this.sampleInFlight)
      delayMs = Math.min(delayMs, this.clockSchedule.nextAtMs - now);
    return Math.max(0, delayMs);
  }

  private sampleClock(now: number): void {
    const schedule = this.clockSchedule;
    if (!schedule || this.sampleInFlight || !isClockSampleDue(schedule, now)) return;
    if (!this.deps.transport.connected()) return;
    this.clockSchedule = afterClockSampleSent(schedule, now, this.deps.random);
    this.sampleInFlight = true;
    void this.deps.transport.timeSync(now).then((ack) => {
      this.sampleInFlight = false;
      if (!ack) return;
      const wasReady = this.clockReady();
      this.clock = addClockSample(this.clock, {
        clientSendMs: now,
        serverReceiveMs: ack.t1,
        serverSendMs: ack.t2,
        clientReceiveMs: this.deps.now(),
      });
      this.setStatus({ clockReady: this.clockReady(), rttMs: this.rttMs() });
      if (!wasReady && this.clockReady()) this.poke();
    });
  }

  private clockReady(): boolean {
    return isClockSettled(this.clock, this.options.clockSamplesBeforeControl);
  }

  private followsTarget(target: RoomPlayback): boolean {
    return this.player !== null && target.mediaId === this.player.mediaId;
  }

  /** Drives the player; returns the server time of the next scheduled transition to wake for. */
  private control(now: number): number | null {
    const player = this.player?.adapter;
    const serverNowMs = serverNow(this.clock, now);
    const inForce = stateAt(this.timeline, serverNowMs);
    const following = player !== undefined && inForce !== null && this.followsTarget(inForce);
    if (following !== this.status.following) this.setStatus({ following });
    if (!player || !following) {
      this.updateBuffering(false, now);
      return null;
    }
    this.reportDuration(player);
    this.updateBuffering(player.isBuffering(), now);
    if (!this.clockReady() || player.failure() !== null) return null;

    // A file that played to its end stays there while the room is at its end too (play() would
    // start it over from the beginning).
    const duration = player.getDuration();
    const roomSec = expectedPosition(inForce, serverNowMs);
    if (player.hasEnded() && duration !== null && roomSec >= duration - END_SLACK_SEC) {
      this.lastDriftMs = null;
      return null;
    }

    const step = stepController(
      this.controller,
      {
        serverNowMs,
        timeline: this.timeline,
        player: {
          positionSec: player.getPosition(),
          isPlaying: player.isPlaying(),
          seeking: player.isSeeking(),
          buffering: player.isBuffering(),
        },
      },
      player.capabilities,
      CONTROLLER_DEFAULTS,
    );
    this.controller = step.state;
    this.lastDriftMs = step.driftMs;
    for (const action of step.actions) this.perform(player, action);
    return step.wakeAtServerMs;
  }

  private perform(player: PlayerAdapter, action: PlaybackAction): void {
    switch (action.kind) {
      case 'play':
        if (!this.status.needsGesture) this.play(player);
        return;
      case 'pause':
        player.pause();
        return;
      case 'seek':
        player.seek(action.toSec);
        return;
      case 'rate':
        player.setRate(action.rate);
        return;
    }
  }

  private play(player: PlayerAdapter): void {
    player.play().catch((error: unknown) => {
      // Refused without a click: ask for one. Anything else (a play interrupted by a pause, a broken
      // source) is not the viewer's to fix by clicking; the player reports real failures itself.
      if (isGestureRefusal(error) && this.player?.adapter === player) this.setStatus({ needsGesture: true });
    });
  }

  private updateBuffering(stalled: boolean, now: number): void {
    const next = nextBufferingReport(this.bufferingReport, stalled, now);
    this.bufferingReport = next.state;
    if (next.send !== null) this.deps.transport.buffering(next.send);
  }

  private reportDuration(player: PlayerAdapter): void {
    if (!this.mayReportDuration || !this.player || this.durationReportedFor === this.player.mediaId) return;
    const durationSec = player.getDuration();
    if (durationSec === null || !this.deps.transport.connected()) return;
    this.durationReportedFor = this.player.mediaId;
    this.deps.transport.duration({ mediaId: this.player.mediaId, durationSec });
  }

  private reportDrift(now: number): void {
    if (now < this.nextDriftReportAtMs) return;
    this.nextDriftReportAtMs = now + this.options.driftReportIntervalMs;
    const tenths = (ms: number) => Math.round(ms * 10) / 10;
    const driftMs = this.status.following && this.lastDriftMs !== null ? tenths(this.lastDriftMs) : null;
    this.setStatus({ driftMs });
    const rttMs = this.rttMs();
    if (driftMs === null || rttMs === null || !this.deps.transport.connected()) return;
    this.deps.transport.drift({ driftMs, rttMs: tenths(rttMs) });
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch };
    const changed = (Object.keys(patch) as Array<keyof SyncStatus>).some((k) => next[k] !== this.status[k]);
    if (!changed) return;
    this.status = next;
    for (const listener of [...this.listeners]) listener();
  }
}
