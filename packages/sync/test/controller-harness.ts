import {
  CONTROLLER_DEFAULTS,
  initialControllerState,
  stepController,
  type ControllerConfig,
  type ControllerState,
  type PlaybackAction,
  type PlayerCapabilities,
} from '../src/controller';
import { expectedPosition, stateAt, type PlaybackTimeline } from '../src/position';

export interface HarnessOptions {
  caps: PlayerCapabilities;
  timeline: PlaybackTimeline;
  /** Simulated time of the first step (server ms; the test's clock is the server's). */
  startAtMs: number;
  durationMs: number;
  /** The player's position and state at the start. */
  positionSec: number;
  playing: boolean;
  tickMs?: number;
  /** Error of the player's media clock, parts per million. */
  clockErrorPpm?: number;
  seekLatencyMs?: number;
  /** Every seek lands this far from where it was asked to, ms. */
  seekErrorMs?: number;
  startLatencyMs?: number;
  rateDelayMs?: number;
  config?: ControllerConfig;
  state?: ControllerState;
}

export interface HarnessLog {
  actions: { atMs: number; action: PlaybackAction; trueDriftMs: number }[];
  /** True drift (player minus room, ms) after every step, with its time. */
  drift: { atMs: number; driftMs: number }[];
  finalDriftMs: number;
  state: ControllerState;
}

/**
 * Drives the controller against a simple deterministic player on a simulated clock: the media clock
 * runs at the applied rate (x its clock error) while playing; rates, seeks and starts take effect
 * after fixed latencies; seeks land with a fixed error.
 */
export function runController(o: HarnessOptions): HarnessLog {
  const tickMs = o.tickMs ?? 100;
  const clockError = (o.clockErrorPpm ?? 0) * 1e-6;
  let pos = o.positionSec;
  let wantPlay = o.playing;
  let started = o.playing;
  let seeking = false;
  let rate = stateAt(o.timeline, o.startAtMs)?.rate ?? 1;
  const pending: { atMs: number; apply: () => void }[] = [];
  let seekingUntil = -Infinity;
  let seekTarget = 0;
  let state = o.state ?? initialControllerState(o.config);
  const log: HarnessLog = { actions: [], drift: [], finalDriftMs: Number.NaN, state };

  const roomAt = (t: number): number => expectedPosition(stateAt(o.timeline, t)!, t);
  const advance = (from: number, to: number): void => {
    if (wantPlay && started && !seeking && to > from) pos += ((to - from) / 1000) * rate * (1 + clockError);
  };

  let t = o.startAtMs;
  const end = o.startAtMs + o.durationMs;
  while (t <= end) {
    const step = stepController(
      state,
      {
        serverNowMs: t,
        timeline: o.timeline,
        player: { positionSec: seeking ? seekTarget : pos, isPlaying: wantPlay, seeking, buffering: false },
      },
      o.caps,
      o.config ?? CONTROLLER_DEFAULTS,
    );
    state = step.state;
    for (const action of step.actions) {
      log.actions.push({ atMs: t, action, trueDriftMs: (pos - roomAt(t)) * 1000 });
      switch (action.kind) {
        case 'rate':
          pending.push({ atMs: t + (o.rateDelayMs ?? 0), apply: () => (rate = action.rate) });
          break;
        case 'seek': {
          const doneAt = t + (o.seekLatencyMs ?? 0);
          seekingUntil = doneAt;
          seekTarget = action.toSec;
          seeking = true;
          pending.push({
            atMs: doneAt,
            apply: () => {
              pos = action.toSec + (o.seekErrorMs ?? 0) / 1000;
              seeking = false;
            },
          });
          break;
        }
        case 'play':
          wantPlay = true;
          pending.push({
            atMs: Math.max(t + (o.startLatencyMs ?? 0), seekingUntil),
            apply: () => (started = true),
          });
          break;
        case 'pause':
          wantPlay = false;
          started = false;
          break;
      }
    }
    // Move to the next tick, applying pending effects at their own times.
    const nextT = t + tickMs;
    let cursor = t;
    pending.sort((a, b) => a.atMs - b.atMs);
    while (pending.length > 0 && pending[0]!.atMs <= nextT) {
      const effect = pending.shift()!;
      advance(cursor, effect.atMs);
      cursor = Math.max(cursor, effect.atMs);
      effect.apply();
    }
    advance(cursor, nextT);
    t = nextT;
    log.drift.push({ atMs: t, driftMs: (pos - roomAt(t)) * 1000 });
  }
  log.finalDriftMs = log.drift[log.drift.length - 1]!.driftMs;
  log.state = state;
  return log;
}
