import type { Browser } from '@playwright/test';
import type { TestUser } from '../../e2e/auth-helpers';
import { createPublicRoom, seekTo } from '../../e2e/playback-helpers';
import { round2 } from '../sync/stats';
import { startDelayProxy, type DelayProxy } from './delay-proxy';
import {
  gapsToPageMs,
  isMoving,
  pairwiseGapsMs,
  positionAt,
  selfJitterMs,
  settledAtMs,
  snapshotOf,
  summaryMs,
  type Snapshot,
  type VideoReading,
} from './metrics';
import {
  clickJoinOverlayIfShown,
  firstCanplayAtMs,
  openSignedIn,
  pressPlay,
  readVideo,
  waitForPlayable,
  waitForPlaying,
  type BenchPage,
} from './room-pages';

/**
 * One room of the browser benchmark: a leader and members on their own delay proxies play the test
 * video; the steady window is sampled, then the leader seeks, then one more page joins late.
 */

export interface RoomRunConfig {
  browser: Browser;
  webPort: number;
  videoUrl: string;
  /** Leader first, then members; the last one joins late. `pages + 1` users. */
  users: TestUser[];
  pages: number;
  /** Sampling after play before the steady window, ms (excluded from drift). */
  warmupMs: number;
  steadyMs: number;
  /** The sampling period for the steady window, ms. */
  steadyIntervalMs: number;
  /** Finer sampling while the pages come together after a seek or a join, ms. */
  transitionIntervalMs: number;
  /** How long a bound must hold before the pages count as together, ms. */
  holdMs: number;
  seekAheadSec: number;
  seekTimeoutMs: number;
  joinTimeoutMs: number;
  seekBoundMs: number;
  joinBoundMs: number;
  /** Sampling after a seek or join settled, to show where the pages go on from there, ms. */
  afterSettleMs: number;
  oneWayDelayMs: () => number;
  log: (line: string) => void;
  /** Receives every snapshot of the run by phase (for `--trace`). */
  trace?: (phase: string, snapshots: Snapshot[]) => void;
}

export interface RoomRunResult {
  pages: number;
  drift_p50_ms: number | null;
  drift_p95_ms: number | null;
  drift_p99_ms: number | null;
  drift_max_ms: number | null;
  seek_converge_s: number | null;
  join_converge_s: number | null;
  steady_s: number;
  steady_snapshots: number;
  steady_pair_samples: number;
  steady_readings_not_playing: number;
  self_jitter_p50_ms: number | null;
  self_jitter_p95_ms: number | null;
  drift_p95_vs_self_jitter_p95: number | null;
  read_spread_p95_ms: number | null;
  start_converge_s: number | null;
  seek: {
    from_sec: number;
    to_sec: number;
    all_landed_s: number | null;
    converge_s: number | null;
    /** Pairwise gaps over the few seconds after the pages settled, ms. */
    gap_p95_ms_after: number | null;
  };
  join: {
    canplay_after_navigation_s: number | null;
    converge_s: number | null;
    clicked_overlay: boolean;
    /** The joiner's gaps to the others over the few seconds after it settled, ms. */
    gap_p50_ms_after: number | null;
    gap_p95_ms_after: number | null;
  };
  network: {
    one_way_delay_ms: { p5: number | null; p50: number | null; p95: number | null };
    socket_io_websocket_one_way_delay_ms: { p5: number | null; p50: number | null; p95: number | null };
    socket_io_websocket_upgrades_per_page: number[];
    socket_io_websockets_opened_per_page: number[];
    socket_io_polling_requests_per_page: number[];
    every_socket_through_its_proxy: boolean;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads every page together; null readings (a page still loading) come back as null. */
async function readAll(pages: BenchPage[]): Promise<Array<VideoReading | null>> {
  return Promise.all(pages.map((p) => readVideo(p.page).catch(() => null)));
}

/**
 * Snapshots on a fixed cadence (a round that overruns skips the ticks it missed) until `durationMs`
 * passed or `stop` says so. Rounds where a page could not be read are dropped.
 */
async function sample(
  pages: BenchPage[],
  {
    intervalMs,
    durationMs,
    stop,
  }: { intervalMs: number; durationMs: number; stop?: (taken: Snapshot[]) => boolean },
): Promise<Snapshot[]> {
  const taken: Snapshot[] = [];
  const startMs = performance.now();
  for (let tick = 0; ;) {
    const readings = await readAll(pages);
    if (readings.every((r): r is VideoReading => r !== null)) taken.push(snapshotOf(readings));
    if (stop?.(taken)) return taken;
    const elapsed = performance.now() - startMs;
    if (elapsed >= durationMs) return taken;
    tick = Math.floor(elapsed / intervalMs) + 1;
    await sleep(Math.max(0, tick * intervalMs - elapsed));
  }
}

export async function runRoom(config: RoomRunConfig): Promise<RoomRunResult> {
  const { browser, pages: pageCount, log } = config;
  const proxies: DelayProxy[] = [];
  const opened: BenchPage[] = [];
  try {
    for (let i = 0; i <= pageCount; i++) {
      proxies.push(await startDelayProxy({ targetPort: config.webPort, delayMs: config.oneWayDelayMs }));
    }
    const origin = (i: number) => `http://localhost:${proxies[i]!.port}`;
    const labels = Array.from({ length: pageCount + 1 }, (_, i) =>
      i === 0 ? 'leader' : i === pageCount ? 'joiner' : `member${i}`,
    );

    log(`[${pageCount} pages] signing in ${pageCount + 1} pages, each through its own delay proxy`);
    const signedIn = await Promise.all(
      labels.map((label, i) => openSignedIn(browser, { origin: origin(i), user: config.users[i]!, label })),
    );
    opened.push(...signedIn);
    const joiner = signedIn[pageCount]!;
    const room = signedIn.slice(0, pageCount);
    const leader = room[0]!;

    const roomPath = await createPublicRoom(leader.page, config.videoUrl, `Sync bench ${pageCount} pages`);
    await Promise.all(room.slice(1).map((p) => p.page.goto(roomPath)));
    await Promise.all(room.map((p) => waitForPlayable(p)));
    log(`[${pageCount} pages] room ${roomPath}: every page loaded the video; the leader presses play`);

    const playAtMs = await pressPlay(leader);
    await Promise.all(room.map((p) => waitForPlaying(p)));
    const warmup = await sample(room, { intervalMs: config.steadyIntervalMs, durationMs: config.warmupMs });
    const startSettled = settledAtMs(
      warmup,
      (s) => s.readings.every(isMoving) && Math.max(...pairwiseGapsMs(s)) <= config.seekBoundMs,
      config.holdMs,
    );

    log(
      `[${pageCount} pages] steady window: ${config.steadyMs / 1000} s, a snapshot every ${config.steadyIntervalMs} ms`,
    );
    const steady = await sample(room, { intervalMs: config.steadyIntervalMs, durationMs: config.steadyMs });
    const drift = steady.flatMap((s) => pairwiseGapsMs(s));
    const jitter = selfJitterMs(steady);
    const driftSummary = summaryMs(drift);
    const jitterSummary = summaryMs(jitter);
    log(`[${pageCount} pages] steady drift p50 ${driftSummary.p50} ms, p95 ${driftSummary.p95} ms`);

    // The seek: forward, to a part of the file not played yet.
    const fromSec = (await readVideo(leader.page)).positionSec;
    const toSec = Math.floor(fromSec) + config.seekAheadSec;
    const seekAtMs = await seekTo(leader.page, toSec);
    const landed = (s: Snapshot) =>
      s.readings.every(
        (r) => isMoving(r) && Math.abs(positionAt(r, s.atMs) - toSec) < config.seekAheadSec / 2,
      );
    const together = (s: Snapshot) => landed(s) && Math.max(...pairwiseGapsMs(s)) <= config.seekBoundMs;
    const afterSeek = await sample(room, {
      intervalMs: config.transitionIntervalMs,
      durationMs: config.seekTimeoutMs,
      stop: (taken) => settledAtMs(taken, together, config.holdMs) !== null,
    });
    const seekSettledMs = settledAtMs(afterSeek, together, config.holdMs);
    const firstLanded = afterSeek.find(landed);
    const seekConvergeS = seekSettledMs === null ? null : round2((seekSettledMs - seekAtMs) / 1000);
    const afterSeekSettled =
      seekSettledMs === null
        ? []
        : await sample(room, { intervalMs: config.steadyIntervalMs, durationMs: config.afterSettleMs });
    log(
      `[${pageCount} pages] seek ${fromSec.toFixed(1)} -> ${toSec} s: together within ${config.seekBoundMs} ms after ${seekConvergeS ?? 'never'} s`,
    );

    // The late joiner: navigation to the room; its first `canplay` starts the clock.
    const everyone = [...room, joiner];
    const navigationAtMs = await joiner.page.evaluate(() => performance.timeOrigin + performance.now());
    await joiner.page.goto(roomPath, { waitUntil: 'commit' });
    let clickedOverlay = false;
    const joinTogether = (s: Snapshot) =>
      isMoving(s.readings[pageCount]!) && Math.max(...gapsToPageMs(s, pageCount)) <= config.joinBoundMs;
    const afterJoin = await sample(everyone, {
      intervalMs: config.transitionIntervalMs,
      durationMs: config.joinTimeoutMs,
      stop: (taken) => {
        // A click the browser asked for is part of joining: checked between rounds, not awaited here.
        void clickJoinOverlayIfShown(joiner).then(
          (clicked) => (clickedOverlay ||= clicked),
          () => undefined,
        );
        return settledAtMs(taken, joinTogether, config.holdMs) !== null;
      },
    });
    const canplayAtMs = await firstCanplayAtMs(joiner.page);
    const joinSettledMs = settledAtMs(afterJoin, joinTogether, config.holdMs);
    const joinConvergeS =
      joinSettledMs === null || canplayAtMs === null ? null : round2((joinSettledMs - canplayAtMs) / 1000);
    const afterJoinSettled =
      joinSettledMs === null
        ? []
        : await sample(everyone, { intervalMs: config.steadyIntervalMs, durationMs: config.afterSettleMs });
    const joinGapsAfter = summaryMs(afterJoinSettled.flatMap((s) => gapsToPageMs(s, pageCount)));
    log(
      `[${pageCount} pages] late joiner within ${config.joinBoundMs} ms ${joinConvergeS ?? 'never'} s after canplay`,
    );

    config.trace?.('warmup', warmup);
    config.trace?.('steady', steady);
    config.trace?.('seek', [...afterSeek, ...afterSeekSettled]);
    config.trace?.('join', [...afterJoin, ...afterJoinSettled]);

    const delays = proxies.flatMap((p) => p.stats().appliedDelaysMs);
    const delaySummary = summaryMs(delays);
    const socketDelays = proxies.flatMap((p) => p.stats().socketIoWebSocketDelaysMs);
    const socketDelaySummary = summaryMs(socketDelays);
    const upgrades = proxies.map((p) => p.stats().socketIoWebSocketUpgrades);
    const webSocketsOpened = proxies.map((p) => p.stats().socketIoWebSocketsOpened);
    const polling = proxies.map((p) => p.stats().socketIoPollingRequests);
    return {
      pages: pageCount,
      drift_p50_ms: driftSummary.p50,
      drift_p95_ms: driftSummary.p95,
      drift_p99_ms: driftSummary.p99,
      drift_max_ms: driftSummary.max,
      seek_converge_s: seekConvergeS,
      join_converge_s: joinConvergeS,
      steady_s: config.steadyMs / 1000,
      steady_snapshots: steady.length,
      steady_pair_samples: drift.length,
      steady_readings_not_playing: steady.reduce(
        (n, s) => n + s.readings.filter((r) => !isMoving(r)).length,
        0,
      ),
      self_jitter_p50_ms: jitterSummary.p50,
      self_jitter_p95_ms: jitterSummary.p95,
      drift_p95_vs_self_jitter_p95:
        driftSummary.p95 !== null && jitterSummary.p95 ? round2(driftSummary.p95 / jitterSummary.p95) : null,
      read_spread_p95_ms: summaryMs(steady.map((s) => s.atMs - Math.min(...s.readings.map((r) => r.atMs))))
        .p95,
      start_converge_s: startSettled === null ? null : round2((startSettled - playAtMs) / 1000),
      seek: {
        from_sec: round2(fromSec),
        to_sec: toSec,
        all_landed_s: firstLanded ? round2((firstLanded.atMs - seekAtMs) / 1000) : null,
        converge_s: seekConvergeS,
        gap_p95_ms_after: summaryMs(afterSeekSettled.flatMap((s) => pairwiseGapsMs(s))).p95,
      },
      join: {
        canplay_after_navigation_s:
          canplayAtMs === null ? null : round2((canplayAtMs - navigationAtMs) / 1000),
        converge_s: joinConvergeS,
        clicked_overlay: clickedOverlay,
        gap_p50_ms_after: joinGapsAfter.p50,
        gap_p95_ms_after: joinGapsAfter.p95,
      },
      network: {
        one_way_delay_ms: { p5: delaySummary.p5, p50: delaySummary.p50, p95: delaySummary.p95 },
        socket_io_websocket_one_way_delay_ms: {
          p5: socketDelaySummary.p5,
          p50: socketDelaySummary.p50,
          p95: socketDelaySummary.p95,
        },
        socket_io_websocket_upgrades_per_page: upgrades,
        socket_io_websockets_opened_per_page: webSocketsOpened,
        socket_io_polling_requests_per_page: polling,
        every_socket_through_its_proxy: webSocketsOpened.every((n) => n > 0),
      },
    };
  } finally {
    await Promise.all(opened.map((p) => p.context.close().catch(() => undefined)));
    await Promise.all(proxies.map((p) => p.close()));
  }
}
