/*
 * One simulated room: the real room machine on the server, N clients each running the real clock
 * estimator, timeline and controller against a simulated network and player, a leader issuing random
 * play/pause/seek, viewers stalling, joining late, reconnecting and coming back to the tab.
 * See ../sync-sim.ts for the definitions of the metrics.
 */
import { expectedPosition, isClockSettled, stateAt, type PlaybackAction, type RoomPlayback } from '@wt/sync';
import { SimClient, type ClientObserver } from './client';
import { EventQueue } from './event-queue';
import { PLAYER_MODELS, type PlayerKind } from './player';
import { exponential, seededRandom, uniform, type Random } from './random';
import { SimServer } from './server';
import { Samples, percentile, round2 } from './stats';

export interface RoomScenario {
  seed: number;
  /** Player kind of each client, in order; client 0 is the first to join. */
  players: readonly PlayerKind[];
  durationMs: number;
  /** Clients that join at a random time in [60 s, 400 s] rather than at the start. */
  lateJoiners: number;
  /** Clients that lose their connection once for 1-8 s. */
  reconnects: number;
  /** Clients whose tab comes back to the foreground once (a clock burst). */
  visibilityChanges: number;
  /** Mean time between stalls of one viewer, ms. */
  stallEveryMs: number;
  /** After a command or seek, a join, a stall: drift samples start this much later, ms. */
  settleMs: number;
  follower: 'controller' | 'seed-baseline';
}

const MEDIA = { mediaId: 'sim-movie', durationSec: 7_200 };
const RTT_RANGE_MS = [20, 500] as const;
const JITTER_MS = 30;
const LOSS_RATE = 0.01;
const MAX_CLOCK_OFFSET_MS = 2_000;
/** Client clocks also run at slightly different rates from the server's (crystal tolerance). */
const MAX_CLOCK_SKEW_PPM = 30;
/** RTT from which a client counts among "the 500 ms clients". */
const SLOW_CLIENT_RTT_MS = 450;
const DRIFT_SAMPLE_MS = 100;
const OFFSET_SAMPLE_MS = 1_000;
/** Seeks of a player with rate control for less drift than this count as small-drift seeks. */
const SMALL_DRIFT_MS = 400;

type TransitionKind = 'play' | 'pause' | 'seek' | 'paused-seek' | 'other';

function kindOf(previous: RoomPlayback, next: RoomPlayback): TransitionKind {
  if (!previous.isPlaying && next.isPlaying) return 'play';
  if (previous.isPlaying && !next.isPlaying) return 'pause';
  const jumped = Math.abs(next.positionSec - expectedPosition(previous, next.updatedAtMs)) > 0.001;
  if (!jumped) return 'other';
  return next.isPlaying ? 'seek' : 'paused-seek';
}

/** The metrics of one room run, gathered as the clients act. */
class Recorder implements ClientObserver {
  readonly drift = new Samples();
  readonly driftSigned = new Samples();
  readonly driftAll = new Samples();
  readonly offsetErr = new Samples();
  readonly offsetErrSlow = new Samples();
  readonly offsetErrLowestDelay = new Samples();
  readonly skew = new Samples();
  readonly skewBySeq = new Map<number, number[]>();
  readonly driftByKind = new Map<PlayerKind, Samples>();
  readonly seeksByKind = new Map<PlayerKind, { total: number; smallDrift: number }>();
  rateMin = 1;
  rateMax = 1;
  rateChanges = 0;
  rateGapMinMs = Infinity;
  seeks = { command: 0, drift: 0, align: 0 };
  smallDriftSeeks = 0;
  private readonly lastRateAt = new Map<number, number>();
  private readonly pendingEffect = new Map<number, { kind: 'play' | 'pause'; seq: number }>();
  private readonly skewed = new Set<string>();

  constructor(
    private readonly queue: EventQueue,
    private readonly server: SimServer,
    private readonly scenario: RoomScenario,
  ) {}

  private transition(seq: number): { kind: TransitionKind; executeAtMs: number; sentAtMs: number } | null {
    const sent = this.server.transitions.find((t) => t.transition.playback.seq === seq);
    if (!sent) return null;
    const { previous, playback, executeAtMs } = sent.transition;
    return { kind: kindOf(previous, playback), executeAtMs, sentAtMs: sent.sentAtMs };
  }

  /** Skew counts for viewers who were following, connected and not stalled when the command went out. */
  private recordSkew(client: SimClient, seq: number, kind: TransitionKind): void {
    const key = `${client.index}:${seq}`;
    if (this.skewed.has(key)) return;
    const t = this.transition(seq);
    if (!t || t.kind !== kind) return;
    const eligible =
      client.followingSinceMs !== null &&
      client.followingSinceMs <= t.sentAtMs &&
      client.lastStallEndAtMs < t.sentAtMs &&
      !client.player.isStalled();
    if (!eligible) return;
    this.skewed.add(key);
    const errMs = this.queue.nowMs - t.executeAtMs;
    this.skew.push(Math.abs(errMs));
    const list = this.skewBySeq.get(seq) ?? [];
    list.push(errMs);
    this.skewBySeq.set(seq, list);
  }

  onAction(client: SimClient, action: PlaybackAction, seq: number | null): void {
    switch (action.kind) {
      case 'rate': {
        this.rateChanges += 1;
        this.rateMin = Math.min(this.rateMin, action.rate);
        this.rateMax = Math.max(this.rateMax, action.rate);
        const last = this.lastRateAt.get(client.index);
        if (last !== undefined && last > client.lastSeekDoneAtMs)
          this.rateGapMinMs = Math.min(this.rateGapMinMs, this.queue.nowMs - last);
        this.lastRateAt.set(client.index, this.queue.nowMs);
        break;
      }
      case 'seek': {
        this.seeks[action.reason] += 1;
        const kind = kindName(client);
        const perKind = this.seeksByKind.get(kind) ?? { total: 0, smallDrift: 0 };
        perKind.total += 1;
        // Drift against the room state the seek aims at (a command's seek issued a few ms before its
        // true execution time, by clock error, is measured against the command's position).
        const truth =
          this.server.history.find((s) => s.seq === seq) ?? stateAt(this.server.history, this.queue.nowMs)!;
        const offsetMs = (client.player.truePositionSec() - expectedPosition(truth, this.queue.nowMs)) * 1000;
        // A seek while the room or the player plays, for less than 400 ms of drift: the thing players
        // with rate control must never do. (Seeks while both are paused land on the paused frame.)
        const visible = truth.isPlaying || client.player.isPlayingWanted();
        if (visible && Math.abs(offsetMs) < SMALL_DRIFT_MS) {
          perKind.smallDrift += 1;
          if (
            client.profile.player.caps.rateControl &&
            client.profile.player.caps.allowedRates === undefined
          ) {
            this.smallDriftSeeks += 1;
          }
        }
        this.seeksByKind.set(kind, perKind);
        if (action.reason === 'command' && seq !== null) this.recordSkew(client, seq, 'seek');
        // A seek moves playback: the last rate change no longer constrains the next one.
        this.lastRateAt.delete(client.index);
        break;
      }
      case 'play':
      case 'pause':
        if (seq !== null) this.pendingEffect.set(client.index, { kind: action.kind, seq });
        break;
    }
  }

  onPlayerEvent(client: SimClient, event: Parameters<ClientObserver['onPlayerEvent']>[1]): void {
    const pending = this.pendingEffect.get(client.index);
    if (!pending) return;
    if (
      (event === 'playing' && pending.kind === 'play') ||
      (event === 'paused' && pending.kind === 'pause')
    ) {
      this.pendingEffect.delete(client.index);
      this.recordSkew(client, pending.seq, pending.kind);
    }
  }

  sampleDrift(clients: readonly SimClient[]): void {
    const now = this.queue.nowMs;
    const truth = stateAt(this.server.history, now)!;
    if (!truth.isPlaying) return;
    const roomSec = expectedPosition(truth, now);
    const { settleMs } = this.scenario;
    for (const client of clients) {
      if (!client.connected || client.followingSinceMs === null || client.player.isStalled()) continue;
      const driftMs = (client.player.truePositionSec() - roomSec) * 1000;
      this.driftAll.push(Math.abs(driftMs));
      const steady =
        now - truth.updatedAtMs >= settleMs &&
        now - client.followingSinceMs >= settleMs &&
        now - client.lastSeekDoneAtMs >= settleMs &&
        now - client.lastStallEndAtMs >= settleMs &&
        !client.player.isSeeking();
      if (!steady) continue;
      this.drift.push(Math.abs(driftMs));
      this.driftSigned.push(driftMs);
      const kind = kindName(client);
      const perKind = this.driftByKind.get(kind) ?? new Samples();
      perKind.push(Math.abs(driftMs));
      this.driftByKind.set(kind, perKind);
    }
  }

  sampleOffsets(clients: readonly SimClient[]): void {
    for (const client of clients) {
      const { offsetMs } = client.clock;
      if (!client.connected || !isClockSettled(client.clock) || offsetMs === null) continue;
      const errMs = Math.abs(offsetMs - client.trueOffsetMs());
      // The baseline in the same run: the lowest-delay sample alone, without the intersection.
      if (client.clock.best !== null)
        this.offsetErrLowestDelay.push(Math.abs(client.clock.best.offsetMs - client.trueOffsetMs()));
      this.offsetErr.push(errMs);
      if (client.profile.link.rttMs >= SLOW_CLIENT_RTT_MS) this.offsetErrSlow.push(errMs);
    }
  }
}

function kindName(client: SimClient): PlayerKind {
  const entry = Object.entries(PLAYER_MODELS).find(([, model]) => model === client.profile.player);
  return (entry?.[0] ?? 'html5') as PlayerKind;
}

export interface RoomRunResult {
  recorder: Recorder;
  server: SimServer;
  clients: SimClient[];
  leadMs: Samples;
}

/** Streams of the run's seeded generator (one per purpose, so they do not disturb each other). */
const STREAM = { setup: 1, leader: 2, server: 3, stalls: 4, events: 5, client: 100 } as const;

export function runRoom(scenario: RoomScenario): RoomRunResult {
  const queue = new EventQueue();
  const setup = seededRandom(scenario.seed, STREAM.setup);
  const count = scenario.players.length;
  const leaderIndex = Math.min(count - 1, 7);
  const server = new SimServer(queue, seededRandom(scenario.seed, STREAM.server), MEDIA, leaderIndex);
  const recorder = new Recorder(queue, server, scenario);

  const clients = scenario.players.map((kind, index) => {
    const rttMs =
      count === 1
        ? RTT_RANGE_MS[0]
        : RTT_RANGE_MS[0] + ((RTT_RANGE_MS[1] - RTT_RANGE_MS[0]) * index) / (count - 1);
    const stream = (purpose: number): Random => seededRandom(scenario.seed, STREAM.client, index, purpose);
    return new SimClient(
      queue,
      server,
      {
        index,
        link: { rttMs, jitterMs: JITTER_MS, lossRate: LOSS_RATE },
        player: PLAYER_MODELS[kind],
        clockOffsetMs: uniform(setup, -MAX_CLOCK_OFFSET_MS, MAX_CLOCK_OFFSET_MS),
        clockSkewPpm: uniform(setup, -MAX_CLOCK_SKEW_PPM, MAX_CLOCK_SKEW_PPM),
        follower: scenario.follower,
      },
      stream(0),
      recorder,
      { up: stream(1), down: stream(2), player: stream(3) },
    );
  });

  // Joins: most at the start, a few late. The leader is never late and never drops.
  const events = seededRandom(scenario.seed, STREAM.events);
  const lateSet = new Set<number>();
  while (lateSet.size < Math.min(scenario.lateJoiners, count - 1)) {
    const pick = Math.floor(events() * count);
    if (pick !== leaderIndex) lateSet.add(pick);
  }
  for (const client of clients) {
    const atMs = lateSet.has(client.index) ? uniform(events, 60_000, 400_000) : uniform(events, 0, 3_000);
    queue.at(atMs, () => client.connect('connect'));
  }
  const others = clients.filter((c) => c.index !== leaderIndex);
  for (let i = 0; i < scenario.reconnects && others.length > 0; i++) {
    const client = others[Math.floor(events() * others.length)]!;
    const atMs = uniform(events, 30_000, scenario.durationMs - 30_000);
    const downMs = uniform(events, 1_000, 8_000);
    queue.at(atMs, () => {
      if (!client.connected) return;
      client.disconnect();
      queue.after(downMs, () => client.connect('reconnect'));
    });
  }
  for (let i = 0; i < scenario.visibilityChanges && others.length > 0; i++) {
    const client = others[Math.floor(events() * others.length)]!;
    queue.at(uniform(events, 10_000, scenario.durationMs), () => {
      if (client.connected) client.startBurst('visible');
    });
  }

  // Stalls: each viewer stalls now and then; most stalls are short, some outlast the room's wait.
  const stalls = seededRandom(scenario.seed, STREAM.stalls);
  for (const client of others) {
    let atMs = exponential(stalls, scenario.stallEveryMs);
    while (atMs < scenario.durationMs) {
      const durationMs = stalls() < 0.7 ? uniform(stalls, 300, 2_000) : uniform(stalls, 3_000, 12_000);
      queue.at(atMs, () => {
        if (client.connected && client.player.isAdvancing()) client.stall(durationMs);
      });
      atMs += durationMs + exponential(stalls, scenario.stallEveryMs);
    }
  }

  // The leader: starts playback, then every so often pauses, seeks or resumes.
  const leader = clients[leaderIndex]!;
  const leaderRandom = seededRandom(scenario.seed, STREAM.leader);
  const leaderAct = (): void => {
    const truth = stateAt(server.history, queue.nowMs)!;
    let nextInMs: number;
    if (truth.isPlaying) {
      if (leaderRandom() < 0.35) leader.issue('pause');
      else leader.issue('seek', uniform(leaderRandom, 0, MEDIA.durationSec - 600));
      nextInMs = uniform(leaderRandom, 20_000, 50_000);
    } else {
      if (leaderRandom() < 0.85) leader.issue('play');
      else leader.issue('seek', uniform(leaderRandom, 0, MEDIA.durationSec - 600));
      nextInMs = uniform(leaderRandom, 2_000, 8_000);
    }
    queue.after(nextInMs, leaderAct);
  };
  queue.at(5_000, leaderAct);

  const leadMs = new Samples();
  const sampleDrift = (): void => {
    recorder.sampleDrift(clients);
    queue.after(DRIFT_SAMPLE_MS, sampleDrift);
  };
  const sampleOffsets = (): void => {
    recorder.sampleOffsets(clients);
    queue.after(OFFSET_SAMPLE_MS, sampleOffsets);
  };
  queue.at(DRIFT_SAMPLE_MS, sampleDrift);
  queue.at(OFFSET_SAMPLE_MS, sampleOffsets);
  queue.runUntil(scenario.durationMs);

  for (const { transition, sentAtMs } of server.transitions) leadMs.push(transition.executeAtMs - sentAtMs);
  return { recorder, server, clients, leadMs };
}

/** Percentile of the per-transition spread of execution times across viewers (max minus min), ms. */
export function skewSpread(recorder: Recorder, p: number): number {
  const spreads = [...recorder.skewBySeq.values()]
    .filter((list) => list.length >= 2)
    .map((list) => Math.max(...list) - Math.min(...list));
  return round2(percentile(spreads, p));
}
