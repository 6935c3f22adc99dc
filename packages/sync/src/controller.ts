/*
 * Playback controller: keeps one player on the room's timeline. Called on every reading of the player
 * (every 100-250 ms, on the player's seeked/playing events, and at the `wakeAtServerMs` it asks for),
 * it returns what to do: play, pause, seek or set a rate.
 *
 * - Scheduled transitions are carried out at their server time; a play starts early by the player's
 *   learned start latency so playback actually begins on time.
 * - Drift (player minus room, ms; positive = ahead) is filtered by a predictor that knows the rate it
 *   applied, so an ongoing correction does not lag the estimate, blended with each reading.
 * - Players with rate control correct by rate: the correction removes the filtered drift over one
 *   horizon (proportional, limited to [0.95, 1.05] times the room's rate), on top of a base rate that
 *   cancels the player's own clock error (learned slowly, like a PI controller's integral), so the
 *   steady state needs no correction at all. Rate changes are spaced by at least
 *   `rateChangeIntervalMs`; a seek starts a new interval. Hysteresis: a correction is started or
 *   strengthened only by a step of `minRateStep` right after a change, a threshold that shrinks
 *   towards `rateStepFloor`, so a small persistent drift still gets corrected instead of sitting at
 *   the edge of a band; returning towards the base rate is always allowed, and within the floor it
 *   snaps to the base exactly, so a finished correction does not overshoot. They seek only beyond
 *   `rateSeekThresholdMs` (never below 400 ms).
 * - Players with only a few allowed rates take the nearest allowed one; when none lies in the band
 *   but 1 (YouTube's usual list), and for players without rate control (Spotify), drift is corrected
 *   by seeks beyond a threshold derived from the seek precision, spaced by `minSeekIntervalMs`.
 * - Seeks aim where the room will be once the seek completes: the seek latency is learned from where
 *   the previous seeks landed.
 */
import {
  expectedPosition,
  nextScheduled,
  stateAt,
  type PlaybackTimeline,
  type RoomPlayback,
} from './position';

export interface PlayerCapabilities {
  /** Whether the player takes a playback rate at all. */
  rateControl: boolean;
  /** How close to the requested time a seek lands, in ms. */
  seekPrecisionMs: number;
  minRate: number;
  maxRate: number;
  /** The only rates the player accepts (YouTube's getAvailablePlaybackRates); any rate when absent. */
  allowedRates?: readonly number[];
}

/** What the player says about itself at the moment of the reading. */
export interface PlayerReading {
  positionSec: number;
  /** Not paused (it may still be seeking or buffering). */
  isPlaying: boolean;
  seeking: boolean;
  /** Stalled, waiting for data. */
  buffering: boolean;
}

export type SeekReason = 'command' | 'drift' | 'align';

export type PlaybackAction =
  | { kind: 'play' }
  | { kind: 'pause' }
  | { kind: 'seek'; toSec: number; reason: SeekReason }
  | { kind: 'rate'; rate: number };

export interface ControllerConfig {
  /** Largest relative rate correction: 0.05 keeps the player within [0.95, 1.05] times the room's rate. */
  correctionLimit: number;
  /** Least time between two rate changes, in ms (a seek starts a new interval). */
  rateChangeIntervalMs: number;
  /** A rate correction aims to remove the drift over this long, in ms. */
  correctionHorizonMs: number;
  /** Right after a rate change, smaller steps than this are not made (hysteresis). */
  minRateStep: number;
  /** What the hysteresis threshold shrinks to, so small persistent drift is still corrected. */
  rateStepFloor: number;
  /** How long the hysteresis threshold takes to shrink from minRateStep to the floor, in ms. */
  hysteresisDecayMs: number;
  /** Time constant of blending readings into the drift estimate, in ms. */
  driftSmoothingMs: number;
  /** A reading this far from the prediction is a discontinuity: the estimate restarts from it, in ms. */
  discontinuityMs: number;
  /** Players with rate control seek only beyond this drift, in ms (at least 400). */
  rateSeekThresholdMs: number;
  /** Players correcting by seeks alone seek beyond max(this, 2.5 x seek precision), in ms. */
  seekOnlyThresholdMs: number;
  /** Least time between two drift-correcting seeks of a seek-only player, in ms. */
  minSeekIntervalMs: number;
  /** Starting guesses of the seek and start latencies, in ms, before any is learned. */
  initialSeekLeadMs: number;
  initialPlayLeadMs: number;
  /** Share of the observed landing error that corrects the learned latencies (0-1). */
  leadLearningGain: number;
  /** Learned latencies stay within [0, this], in ms. */
  maxLeadMs: number;
  /** A paused player is moved to the paused frame only this long after the pause took effect, ms. */
  alignDelayMs: number;
  /** Integral time of the clock-error learning, ms (slow against the correction horizon). */
  skewLearningMs: number;
  /** The learned clock error stays within ± this (relative rate). */
  maxSkew: number;
  /** Only drift smaller than this teaches the clock error (large drift is a transient), ms. */
  skewLearnBelowMs: number;
}

export const CONTROLLER_DEFAULTS: ControllerConfig = {
  correctionLimit: 0.05,
  rateChangeIntervalMs: 2_500,
  correctionHorizonMs: 2_500,
  minRateStep: 0.002,
  rateStepFloor: 0.0004,
  hysteresisDecayMs: 10_000,
  driftSmoothingMs: 500,
  discontinuityMs: 250,
  rateSeekThresholdMs: 750,
  seekOnlyThresholdMs: 200,
  minSeekIntervalMs: 4_000,
  initialSeekLeadMs: 150,
  initialPlayLeadMs: 30,
  leadLearningGain: 0.4,
  maxLeadMs: 2_000,
  alignDelayMs: 150,
  skewLearningMs: 60_000,
  maxSkew: 0.002,
  skewLearnBelowMs: 50,
};

/** Media time a play must have moved by before its start is trusted to have happened, s. */
const PLAY_STARTED_SEC = 0.01;

/** A landing further off than this says something else happened: it teaches no latency, ms. */
const LEARNING_LIMIT_MS = 500;

/** A play the player has not confirmed after this long is issued again, ms. */
const PLAY_RETRY_MS = 2_000;

/** Never seek a player with rate control for less drift than this (the rule). */
export const MIN_RATE_PLAYER_SEEK_MS = 400;

export interface ControllerState {
  /** Filtered drift, ms (positive: the player is ahead); null until a reading while both play. */
  driftMs: number | null;
  /** Server time of the reading behind `driftMs`. */
  driftAtMs: number | null;
  /** The rate correction applied (player rate / room rate). */
  correction: number;
  /**
   * How fast the player's media clock runs against the room's, learned (relative: 0.0003 = 300 ppm
   * fast); the base correction 1 - skew holds position.
   */
  skew: number;
  /** The room rate the current correction multiplies. */
  roomRate: number;
  /** Earliest server time of the next rate change. */
  rateFreeAtMs: number;
  lastDriftSeekAtMs: number;
  seekLeadMs: number;
  playLeadMs: number;
  /**
   * A seek or play whose landing teaches the matching latency, once the player confirms it, with the
   * drift expected if the latency guess was right (a play may start from a frame slightly off).
   */
  learning: { kind: 'seek' | 'play'; atMs: number; expectedDriftMs: number; fromSec: number } | null;
  /** A play issued and not yet confirmed by the player (not issued twice). */
  playIssuedAtMs: number | null;
  /** Paused-alignment seeks made for the state with this seq. */
  alignSeq: number | null;
  alignCount: number;
  /** The seq of the state followed at the previous call: a jump right after it changes is a command's. */
  seenSeq: number | null;
}

export function initialControllerState(config: ControllerConfig = CONTROLLER_DEFAULTS): ControllerState {
  return {
    driftMs: null,
    driftAtMs: null,
    correction: 1,
    skew: 0,
    roomRate: 1,
    rateFreeAtMs: -Infinity,
    lastDriftSeekAtMs: -Infinity,
    seekLeadMs: config.initialSeekLeadMs,
    playLeadMs: config.initialPlayLeadMs,
    learning: null,
    playIssuedAtMs: null,
    alignSeq: null,
    alignCount: 0,
    seenSeq: null,
  };
}

export interface ControllerInput {
  /** Estimated server time of the reading (from the clock estimate). */
  serverNowMs: number;
  timeline: PlaybackTimeline;
  player: PlayerReading;
}

export interface ControllerStep {
  state: ControllerState;
  /** In order; empty when nothing needs doing. */
  actions: PlaybackAction[];
  /** Filtered drift (playing) or raw offset from the paused position (paused), ms; null if unknown. */
  driftMs: number | null;
  /** The seq of the room state the player is being held to. */
  targetSeq: number | null;
  /** Server time at which to call again so a scheduled transition is carried out on time. */
  wakeAtServerMs: number | null;
}

/** How the player corrects small drift, from its capabilities. */
export type CorrectionMode = { kind: 'rate'; rates: readonly number[] | null } | { kind: 'seek' };

/**
 * Rate correction needs a rate in the band other than the room's own. A discrete list keeps the
 * in-band rates (relative to the room rate); with none besides 1 the player corrects by seeks.
 */
export function correctionModeOf(
  caps: PlayerCapabilities,
  roomRate: number,
  config: ControllerConfig = CONTROLLER_DEFAULTS,
): CorrectionMode {
  if (!caps.rateControl) return { kind: 'seek' };
  const [low, high] = correctionBounds(caps, roomRate, config);
  if (high - low < 1e-6) return { kind: 'seek' };
  if (caps.allowedRates === undefined) return { kind: 'rate', rates: null };
  const inBand = caps.allowedRates
    .map((r) => r / roomRate)
    .filter((c) => c >= low - 1e-9 && c <= high + 1e-9);
  return inBand.some((c) => Math.abs(c - 1) > 1e-9) ? { kind: 'rate', rates: inBand } : { kind: 'seek' };
}

function correctionBounds(
  caps: PlayerCapabilities,
  roomRate: number,
  config: ControllerConfig,
): [number, number] {
  const low = Math.max(1 - config.correctionLimit, caps.minRate / roomRate);
  const high = Math.min(1 + config.correctionLimit, caps.maxRate / roomRate);
  return [Math.min(low, 1), Math.max(high, 1)];
}

/** The drift beyond which this player seeks rather than waits for rate correction, ms. */
export function seekThresholdMs(
  caps: PlayerCapabilities,
  mode: CorrectionMode,
  config: ControllerConfig,
): number {
  if (mode.kind === 'rate') return Math.max(MIN_RATE_PLAYER_SEEK_MS, config.rateSeekThresholdMs);
  return Math.max(config.seekOnlyThresholdMs, 2.5 * caps.seekPrecisionMs);
}

export function stepController(
  state: ControllerState,
  input: ControllerInput,
  caps: PlayerCapabilities,
  config: ControllerConfig = CONTROLLER_DEFAULTS,
): ControllerStep {
  const now = input.serverNowMs;
  const { player } = input;
  const inForce = stateAt(input.timeline, now);
  if (inForce === null) return { state, actions: [], driftMs: null, targetSeq: null, wakeAtServerMs: null };

  // A scheduled play is carried out early by the learned start latency; everything else on time.
  const upcoming = nextScheduled(input.timeline, now);
  const anticipate = upcoming !== null && now >= upcoming.updatedAtMs - leadFor(inForce, upcoming, state);
  const target = anticipate ? upcoming : inForce;
  const following = nextScheduled(input.timeline, Math.max(now, target.updatedAtMs));
  const wakeAtServerMs =
    following === null ? null : following.updatedAtMs - leadFor(target, following, state);
  const done = (
    next: ControllerState,
    actions: PlaybackAction[],
    driftMs: number | null,
  ): ControllerStep => ({
    state: { ...next, seenSeq: target.seq },
    actions,
    driftMs,
    targetSeq: target.seq,
    wakeAtServerMs,
  });

  let next: ControllerState = { ...state };
  // A play the player confirmed, or one it ignored (a blocked autoplay) long enough to try again.
  if (next.playIssuedAtMs !== null && (player.isPlaying || now - next.playIssuedAtMs > PLAY_RETRY_MS)) {
    next.playIssuedAtMs = null;
  }
  if (player.seeking) return done(next, [], next.driftMs);

  const mode = correctionModeOf(caps, target.rate, config);
  const actions: PlaybackAction[] = [];

  // The room's rate itself changed: follow it at once (a command, not a correction).
  if (target.rate !== next.roomRate) {
    next.roomRate = target.rate;
    next.correction = 1;
    if (caps.rateControl) actions.push({ kind: 'rate', rate: target.rate });
  }

  if (!target.isPlaying) {
    if (player.isPlaying) {
      next = { ...next, driftMs: null, driftAtMs: null, learning: null };
      return done(next, [...actions, { kind: 'pause' }], null);
    }
    // Paused together: land on the paused frame (a seek nobody sees while paused), once the pause has
    // settled everywhere (clock error could otherwise put the seek just before the room stopped).
    const offsetMs = (player.positionSec - target.positionSec) * 1000;
    const toleranceMs = Math.max(caps.seekPrecisionMs, 10);
    if (next.alignSeq !== target.seq) next = { ...next, alignSeq: target.seq, alignCount: 0 };
    const settled = now >= target.updatedAtMs + config.alignDelayMs;
    if (settled && Math.abs(offsetMs) > toleranceMs && next.alignCount < 2) {
      next.alignCount += 1;
      actions.push({ kind: 'seek', toSec: target.positionSec, reason: 'align' });
    }
    return done(next, actions, offsetMs);
  }

  if (!player.isPlaying) {
    // The room plays and the player does not (a scheduled play, a join, the end of a stall timeout).
    if (next.playIssuedAtMs !== null) return done(next, actions, null);
    // Starting from a frame off by less than the seek threshold, rate correction closes the gap like
    // any other drift; beyond it (a join, a long stall) the player seeks first.
    const startsAtMs = Math.max(now + next.playLeadMs, target.updatedAtMs);
    const offsetMs = (player.positionSec - expectedPosition(target, startsAtMs)) * 1000;
    if (Math.abs(offsetMs) >= seekThresholdMs(caps, mode, config)) {
      actions.push({
        kind: 'seek',
        toSec: expectedPosition(target, now + next.seekLeadMs),
        reason: 'command',
      });
      next = { ...next, learning: null, rateFreeAtMs: now };
    } else {
      next = {
        ...next,
        learning: { kind: 'play', atMs: now, expectedDriftMs: offsetMs, fromSec: player.positionSec },
      };
    }
    actions.push({ kind: 'play' });
    next = { ...next, playIssuedAtMs: now, driftMs: null, driftAtMs: null };
    return done(next, actions, offsetMs);
  }

  if (player.buffering) {
    // Stalled: nothing to correct until data flows; the estimate restarts afterwards.
    return done({ ...next, driftMs: null, driftAtMs: null, learning: null }, actions, null);
  }

  // Both play: measure, then correct.
  const rawMs = (player.positionSec - expectedPosition(target, now)) * 1000;
  next = learnLatency(next, rawMs, player.positionSec, now, config);
  const continuing = next.driftMs !== null && next.driftAtMs !== null;
  const dtMs = continuing ? now - next.driftAtMs! : 0;
  const driftMs = filterDrift(next, rawMs, now, target.rate, config);
  next = { ...next, driftMs, driftAtMs: now };
  const atRest = Math.abs(next.correction - (1 - next.skew)) < config.rateStepFloor;
  if (continuing && atRest && mode.kind === 'rate' && Math.abs(driftMs) < config.skewLearnBelowMs) {
    // Integral action, while no correction runs (so a corrected offset does not wind it up): drift
    // that builds up at the base rate means the base is off by the player's clock error.
    const step = (driftMs / (target.rate * config.correctionHorizonMs)) * (dtMs / config.skewLearningMs);
    next.skew = Math.max(-config.maxSkew, Math.min(config.maxSkew, next.skew + step));
  }

  // Far off (a command's jump, a long stall, a rate player beyond its threshold): seek at once. A
  // seek-only player also seeks for smaller drift beyond its own threshold, but spaces those seeks.
  const thresholdMs = seekThresholdMs(caps, mode, config);
  const farOff = Math.abs(driftMs) >= Math.max(thresholdMs, config.rateSeekThresholdMs);
  const spacedSeekDue =
    mode.kind === 'seek' &&
    Math.abs(driftMs) >= thresholdMs &&
    now - next.lastDriftSeekAtMs >= config.minSeekIntervalMs;
  if (farOff || spacedSeekDue) {
    const toSec = expectedPosition(target, now + next.seekLeadMs);
    const reason: SeekReason = target.seq !== state.seenSeq ? 'command' : 'drift';
    next = {
      ...next,
      learning: { kind: 'seek', atMs: now, expectedDriftMs: 0, fromSec: toSec },
      lastDriftSeekAtMs: now,
      rateFreeAtMs: now,
      driftMs: null,
      driftAtMs: null,
    };
    actions.push({ kind: 'seek', toSec, reason });
    return done(next, actions, driftMs);
  }

  if (mode.kind === 'seek') {
    if (caps.rateControl && next.correction !== 1) {
      next.correction = 1;
      actions.push({ kind: 'rate', rate: target.rate });
    }
    return done(next, actions, driftMs);
  }

  const correction = chooseCorrection(next, driftMs, now, target.rate, mode, caps, config);
  if (correction !== null) {
    next = { ...next, correction, rateFreeAtMs: now + config.rateChangeIntervalMs };
    actions.push({ kind: 'rate', rate: target.rate * correction });
  }
  return done(next, actions, driftMs);
}

/** How early a transition from `from` to `to` is carried out: a start takes the learned start latency. */
function leadFor(from: RoomPlayback, to: RoomPlayback, state: ControllerState): number {
  return !from.isPlaying && to.isPlaying ? state.playLeadMs : 0;
}

/**
 * The first reading after a seek lands, or after a play got frames moving, shows how far off its
 * latency guess was: a player that landed behind (negative drift) needs more lead next time.
 */
function learnLatency(
  state: ControllerState,
  rawMs: number,
  positionSec: number,
  now: number,
  config: ControllerConfig,
): ControllerState {
  const { learning } = state;
  if (learning === null) return state;
  // Not paused is not playing yet: wait until the media time has moved since the play.
  const started = learning.kind === 'seek' || positionSec >= learning.fromSec + PLAY_STARTED_SEC;
  if (!started && now - learning.atMs <= 2_000) return state;
  const next = { ...state, learning: null };
  // A reading long after the action mixes in other corrections; only a prompt one teaches anything,
  // and a wild one (the room moved meanwhile) teaches nothing.
  const errorMs = rawMs - learning.expectedDriftMs;
  if (now - learning.atMs > 2_000 || Math.abs(errorMs) > LEARNING_LIMIT_MS) return next;
  const clamp = (ms: number): number => Math.min(config.maxLeadMs, Math.max(0, ms));
  if (learning.kind === 'seek') next.seekLeadMs = clamp(state.seekLeadMs - config.leadLearningGain * errorMs);
  else next.playLeadMs = clamp(state.playLeadMs - config.leadLearningGain * errorMs);
  return next;
}

function filterDrift(
  state: ControllerState,
  rawMs: number,
  now: number,
  roomRate: number,
  config: ControllerConfig,
): number {
  if (state.driftMs === null || state.driftAtMs === null) return rawMs;
  const dtMs = Math.max(0, now - state.driftAtMs);
  // The applied correction, less the learned clock error, is what moves the drift between readings.
  const predicted = state.driftMs + (state.correction - 1 + state.skew) * roomRate * dtMs;
  if (Math.abs(rawMs - predicted) > config.discontinuityMs) return rawMs;
  const alpha = 1 - Math.exp(-dtMs / config.driftSmoothingMs);
  return predicted + alpha * (rawMs - predicted);
}

/** The new correction to apply now, or null to leave the rate alone. */
function chooseCorrection(
  state: ControllerState,
  driftMs: number,
  now: number,
  roomRate: number,
  mode: Extract<CorrectionMode, { kind: 'rate' }>,
  caps: PlayerCapabilities,
  config: ControllerConfig,
): number | null {
  if (now < state.rateFreeAtMs) return null;
  const [low, high] = correctionBounds(caps, roomRate, config);
  const clamp = (c: number): number => Math.min(high, Math.max(low, c));
  const base = clamp(1 - state.skew);
  const wanted = clamp(base - driftMs / (roomRate * config.correctionHorizonMs));
  if (mode.rates !== null) {
    const nearest = mode.rates.reduce((a, b) => (Math.abs(b - wanted) < Math.abs(a - wanted) ? b : a));
    return Math.abs(nearest - state.correction) > 1e-9 ? nearest : null;
  }
  const change = wanted - state.correction;
  if (Math.abs(change) < 1e-9) return null;
  // Easing off a correction (towards the base rate, not past it) is always worth it: holding a
  // finished correction overshoots. Within the floor of the base, land on the base exactly.
  const easing =
    Math.abs(wanted - base) < Math.abs(state.correction - base) &&
    Math.sign(wanted - base) !== -Math.sign(state.correction - base);
  if (easing) return Math.abs(wanted - base) < config.rateStepFloor ? base : wanted;
  const sinceFreeMs = Number.isFinite(state.rateFreeAtMs) ? now - state.rateFreeAtMs : Infinity;
  const shrink = Math.min(1, sinceFreeMs / config.hysteresisDecayMs);
  const threshold = config.minRateStep - (config.minRateStep - config.rateStepFloor) * shrink;
  return Math.abs(change) >= threshold ? wanted : null;
}
