/*
 * `pnpm bench:sync:sim` (issue 5, "Accuracy targets", simulation): 50 simulated viewers in one room,
 * each running the real @wt/sync clock estimator, timeline and playback controller against the real
 * room machine, in discrete-event simulated time (10 simulated minutes take a few seconds).
 *
 * The world: round-trip times spread evenly over 20-500 ms; every message's one-way delay varies
 * uniformly by ±30 ms; 1% of transmissions are lost and retransmitted after a TCP-like timeout (in
 * order, so a retransmission holds back what follows); client clocks off by up to ±2 s and running
 * up to ±30 ppm fast or slow; players (HTML5 model) that start 10-50 ms after play(), seek in
 * 50-200 ms and land within ±20 ms, apply a new rate 20-80 ms late, read their time with ±2 ms of
 * noise, and whose media clock runs up to ±300 ppm off. A leader plays, pauses and seeks at random
 * (every 20-50 s while playing, 2-8 s while paused); viewers stall now and then (most for 0.3-2 s,
 * some for 3-12 s, beyond the room's 6 s wait), 5 join late, 8 drop and reconnect, 10 come back to
 * the tab (a clock burst).
 *
 * Metrics:
 * - drift_*: |viewer's true media position - the room's true position|, sampled every 100 ms while
 *   the room plays, in steady state only. Steady state excludes, for each viewer, the 3 s after any
 *   room transition executes (command, buffering pause or resume), after the viewer starts following
 *   (join or reconnect, once its clock settled), after each of its seeks lands and after each of its
 *   stalls ends, and any time it is stalled or seeking. `drift_p95_ms_incl_transients` drops those
 *   exclusions (only stalled viewers are left out), for context.
 * - offset_err_*: |estimated - true clock offset|, sampled every second for every connected viewer
 *   whose estimate holds a burst's worth of samples; the "500 ms clients" have RTTs of 450-500 ms.
 * - skew_*: for each command and viewer, |true time the viewer carried it out - the scheduled
 *   execution time|: playback starting (play), stopping (pause), or the seek issued (seek; where it
 *   lands counts in drift). Viewers stalled, not yet following or disconnected when it was sent are
 *   left out. `skew_spread_*` is the spread (latest - earliest) across viewers per command: with 50
 *   viewers and 1% loss, a command often has one viewer whose copy was retransmitted after the lead.
 * - rate_min/rate_max: every rate a controller set (the room's rate is 1 throughout);
 *   rate_change_gap_min_ms: the shortest time between two rate changes of a viewer with no seek in
 *   between, in true time (the controller spaces them in its estimated server time, which moves by a
 *   few ms when a clock sample refines the offset).
 * - small_drift_seeks: seeks issued while the room or the player plays, with under 400 ms of true
 *   drift from the room state the seek aims at (seeks landing a paused player on the paused frame of
 *   a paused room are counted apart, in seeks.align).
 *
 * `seed_baseline`: the same world (same seed: network, players, leader, stalls) with each viewer
 * following the seed's rule instead of the controller (hard seek beyond 1.5 s, rate 0.95/1.05
 * between 0.5 and 1.5 s, nothing under 0.5 s; acting on a state when it arrives), with the same
 * clock estimate, measured the same way; `drift_p95_vs_seed_baseline` is the ratio.
 *
 * A second, smaller room mixes YouTube-like (discrete rates: micro-seeks) and Spotify-like (no rate
 * control: seeks) players; it is reported under `other_players` and is not part of the targets.
 *
 *   pnpm bench:sync:sim [--seed N] [--clients N] [--minutes N] [--no-mixed]
 */
import { CONTROLLER_DEFAULTS } from '@wt/sync';
import { runRoom, skewSpread } from './sync/scenario';
import type { PlayerKind } from './sync/player';
import { round2 } from './sync/stats';

const TARGET = {
  drift_p95_ms: 50,
  offset_err_p95_ms: 10,
  offset_err_p95_ms_500ms_clients: 25,
  skew_p95_ms: 40,
  rate_min: 0.95,
  rate_max: 1.05,
  small_drift_seeks: 0,
} as const;

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} takes a number`);
  return value;
}

const seed = flag('seed', 1);
const clientCount = flag('clients', 50);
const minutes = flag('minutes', 10);
const durationMs = minutes * 60_000;
const common = { seed, durationMs, stallEveryMs: 40 * 60_000, settleMs: 3_000 };
const mainRoom = {
  ...common,
  players: Array.from({ length: clientCount }, (): PlayerKind => 'html5'),
  lateJoiners: 5,
  reconnects: 8,
  visibilityChanges: 10,
};

const main = runRoom({ ...mainRoom, follower: 'controller' });
const r = main.recorder;
// The same world (seed, network, players, leader, stalls) with the seed's correction rule.
const baseline = runRoom({ ...mainRoom, follower: 'seed-baseline' }).recorder;

const sim = {
  seed,
  clients: clientCount,
  simulated_minutes: minutes,
  steady_state:
    'room playing; 3 s after each room transition, join/reconnect, own seek or stall end excluded',
  drift_p50_ms: r.drift.percentile(50),
  drift_p95_ms: r.drift.percentile(95),
  drift_p99_ms: r.drift.percentile(99),
  drift_mean_signed_ms: r.driftSigned.mean(),
  drift_samples: r.drift.length,
  drift_p95_ms_incl_transients: r.driftAll.percentile(95),
  offset_err_p50_ms: r.offsetErr.percentile(50),
  offset_err_p95_ms: r.offsetErr.percentile(95),
  offset_err_p99_ms: r.offsetErr.percentile(99),
  offset_err_p95_ms_500ms_clients: r.offsetErrSlow.percentile(95),
  offset_err_p95_ms_lowest_delay_only: r.offsetErrLowestDelay.percentile(95),
  skew_p50_ms: r.skew.percentile(50),
  skew_p95_ms: r.skew.percentile(95),
  skew_p99_ms: r.skew.percentile(99),
  skew_samples: r.skew.length,
  skew_spread_p50_ms: skewSpread(r, 50),
  skew_spread_p95_ms: skewSpread(r, 95),
  rate_min: Number(r.rateMin.toFixed(4)),
  rate_max: Number(r.rateMax.toFixed(4)),
  rate_changes: r.rateChanges,
  rate_change_gap_min_ms: Number.isFinite(r.rateGapMinMs) ? round2(r.rateGapMinMs) : null,
  rate_change_interval_ms: CONTROLLER_DEFAULTS.rateChangeIntervalMs,
  seeks: r.seeks,
  small_drift_seeks: r.smallDriftSeeks,
  room_transitions: main.server.transitions.length,
  transitions_by_cause: main.server.transitions.reduce<Record<string, number>>((acc, { transition }) => {
    acc[transition.cause] = (acc[transition.cause] ?? 0) + 1;
    return acc;
  }, {}),
  lead_p50_ms: main.leadMs.percentile(50),
  lead_max_ms: main.leadMs.percentile(100),
  seed_baseline: {
    drift_p50_ms: baseline.drift.percentile(50),
    drift_p95_ms: baseline.drift.percentile(95),
    drift_p99_ms: baseline.drift.percentile(99),
    seeks: baseline.seeks,
    small_drift_seeks: baseline.smallDriftSeeks,
  },
  drift_p95_vs_seed_baseline: round2(r.drift.percentile(95) / baseline.drift.percentile(95)),
};

const met = {
  drift_p95_ms: sim.drift_p95_ms <= TARGET.drift_p95_ms,
  offset_err_p95_ms: sim.offset_err_p95_ms <= TARGET.offset_err_p95_ms,
  offset_err_p95_ms_500ms_clients:
    sim.offset_err_p95_ms_500ms_clients <= TARGET.offset_err_p95_ms_500ms_clients,
  skew_p95_ms: sim.skew_p95_ms <= TARGET.skew_p95_ms,
  rate_range: sim.rate_min >= TARGET.rate_min && sim.rate_max <= TARGET.rate_max,
  small_drift_seeks: sim.small_drift_seeks === TARGET.small_drift_seeks,
};

let otherPlayers: Record<string, unknown> | undefined;
if (!process.argv.includes('--no-mixed')) {
  const kinds: PlayerKind[] = ['html5', 'youtube', 'spotify'];
  const mixed = runRoom({
    ...common,
    players: Array.from({ length: 12 }, (_, i) => kinds[i % 3]!),
    lateJoiners: 1,
    reconnects: 2,
    visibilityChanges: 2,
    follower: 'controller',
  });
  otherPlayers = Object.fromEntries(
    kinds.map((kind) => {
      const drift = mixed.recorder.driftByKind.get(kind);
      const seeks = mixed.recorder.seeksByKind.get(kind) ?? { total: 0, smallDrift: 0 };
      return [
        kind,
        {
          drift_p50_ms: drift?.percentile(50) ?? null,
          drift_p95_ms: drift?.percentile(95) ?? null,
          seeks: seeks.total,
          seeks_under_400ms_drift: seeks.smallDrift,
        },
      ];
    }),
  );
}

process.stdout.write(
  `${JSON.stringify({ sim: { ...sim, targets: TARGET, met, ...(otherPlayers ? { other_players: otherPlayers } : {}) } }, null, 2)}\n`,
);
