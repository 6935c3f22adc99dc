import type { RoomPlayback } from '@wt/sync';
import { describe, expect, it } from 'vitest';
import { FakePlayer } from './fake-player';
import { PlaybackSyncClient, type SyncTransport } from './sync-client';

/** The server's clock runs this far ahead of the client's. */
const OFFSET_MS = 7_000;
/** Each leg of a clock sample's round trip. */
const ONE_WAY_MS = 20;
const MEDIA = 'upload:https://cdn.example.com/film.mp4';

function harness({ mayReportDuration = false } = {}) {
  const clock = { now: 1_700_000_000_000 };
  const sent = {
    samples: 0,
    drift: [] as Array<{ driftMs: number; rttMs: number }>,
    buffering: [] as boolean[],
    duration: [] as Array<{ mediaId: string; durationSec: number }>,
  };
  const net = { connected: true };
  const transport: SyncTransport = {
    connected: () => net.connected,
    timeSync: () => {
      sent.samples += 1;
      // The server stamps the sample halfway through the round trip.
      clock.now += ONE_WAY_MS;
      const t1 = clock.now + OFFSET_MS;
      clock.now += ONE_WAY_MS;
      return Promise.resolve({ t1, t2: t1 });
    },
    drift: (report) => sent.drift.push(report),
    buffering: (buffering) => sent.buffering.push(buffering),
    duration: (report) => sent.duration.push(report),
  };
  const client = new PlaybackSyncClient({
    now: () => clock.now,
    random: () => 0.5,
    timers: { set: () => null, clear: () => {} },
    transport,
  });
  client.setMayReportDuration(mayReportDuration);
  const player = new FakePlayer(() => clock.now);

  /** Advances the test clock by `ms` in steps, running the loop at each. */
  async function run(ms: number, stepMs = 50) {
    for (let elapsed = 0; elapsed < ms; elapsed += stepMs) {
      clock.now += stepMs;
      client.tick();
      for (let i = 0; i < 3; i++) await Promise.resolve();
    }
  }
  const serverNow = () => clock.now + OFFSET_MS;
  return { clock, sent, net, client, player, run, serverNow };
}

function state(overrides: Partial<RoomPlayback>): RoomPlayback {
  return { mediaId: MEDIA, isPlaying: false, positionSec: 0, rate: 1, updatedAtMs: 0, seq: 1, ...overrides };
}

/** Expected position of a playing state at server time `atMs`. */
function positionAt(s: RoomPlayback, atMs: number): number {
  return s.isPlaying ? s.positionSec + ((atMs - s.updatedAtMs) / 1000) * s.rate : s.positionSec;
}

/** A client whose clock burst is done, with the player attached. */
async function ready(options?: { mayReportDuration?: boolean }) {
  const h = harness(options);
  h.client.burst('connect');
  await h.run(1_000);
  h.client.attach(h.player, MEDIA);
  return h;
}

describe('clock', () => {
  it('samples in a burst and learns the offset and round trip', async () => {
    const h = harness();
    h.client.burst('connect');
    expect(h.client.getStatus().clockReady).toBe(false);
    await h.run(1_000);
    expect(h.sent.samples).toBe(5);
    expect(h.client.getStatus()).toMatchObject({ clockReady: true, rttMs: 2 * ONE_WAY_MS });
    expect(h.client.serverNowMs() - h.clock.now).toBeCloseTo(OFFSET_MS, 6);
  });

  it('then samples every 10-15 s, and bursts again on request', async () => {
    const h = harness();
    h.client.burst('connect');
    await h.run(1_000);
    await h.run(20_000, 250);
    expect(h.sent.samples).toBe(6);
    h.client.burst('visible');
    await h.run(1_000);
    expect(h.sent.samples).toBe(11);
  });

  it('sends no sample while offline', async () => {
    const h = harness();
    h.net.connected = false;
    h.client.burst('connect');
    await h.run(1_000);
    expect(h.sent.samples).toBe(0);
    h.net.connected = true;
    await h.run(1_000);
    expect(h.sent.samples).toBe(5);
  });

  it('does not drive the player before the clock is known', async () => {
    const h = harness();
    h.client.attach(h.player, MEDIA);
    h.client.setTimeline([state({ isPlaying: true, positionSec: 30, updatedAtMs: h.serverNow() - 1_000 })]);
    h.client.tick();
    expect(h.player.calls).toEqual([]);
  });
});

describe('following the room', () => {
  it('starts a scheduled play at its server time, not before', async () => {
    const h = await ready();
    h.player.setPosition(10);
    const startAt = h.serverNow() + 500;
    const playing = state({ isPlaying: true, positionSec: 10, updatedAtMs: startAt, seq: 2 });
    h.client.setTimeline([state({ positionSec: 10, updatedAtMs: startAt - 60_000 }), playing]);
    await h.run(400);
    expect(h.player.calls).toEqual([]);
    await h.run(200);
    expect(h.player.calls).toEqual(['play']);
    await h.run(3_000);
    expect(Math.abs(h.player.getPosition() - positionAt(playing, h.serverNow()))).toBeLessThan(0.05);
  });

  it('lands a late joiner on the room position, then holds it', async () => {
    const h = await ready();
    const playing = state({ isPlaying: true, positionSec: 30, updatedAtMs: h.serverNow() - 5_000 });
    h.client.setTimeline([playing]);
    await h.run(50);
    expect(h.player.calls[0]).toMatch(/^seek 35\.\d\d$/);
    expect(h.player.calls[1]).toBe('play');
    await h.run(3_000);
    expect(Math.abs(h.player.getPosition() - positionAt(playing, h.serverNow()))).toBeLessThan(0.05);
    expect(h.client.getStatus().following).toBe(true);
  });

  it('corrects a small drift by rate, never by a seek', async () => {
    const h = await ready();
    const playing = state({ isPlaying: true, positionSec: 0, updatedAtMs: h.serverNow() - 10_000 });
    h.client.setTimeline([playing]);
    await h.run(1_000);
    h.player.calls.length = 0;
    h.player.setPosition(h.player.getPosition() + 0.2);
    await h.run(15_000);
    expect(h.player.calls.some((c) => c.startsWith('seek'))).toBe(false);
    expect(h.player.calls.some((c) => c.startsWith('rate 0.9'))).toBe(true);
    expect(Math.abs(h.player.getPosition() - positionAt(playing, h.serverNow()))).toBeLessThan(0.03);
  });

  it('pauses with the room and rests on the paused frame', async () => {
    const h = await ready();
    const since = h.serverNow() - 10_000;
    const playing = state({ isPlaying: true, positionSec: 0, updatedAtMs: since });
    h.client.setTimeline([playing]);
    await h.run(1_000);
    const pauseAt = h.serverNow() + 300;
    const paused = state({
      isPlaying: false,
      positionSec: positionAt(playing, pauseAt),
      updatedAtMs: pauseAt,
      seq: 2,
    });
    h.client.setTimeline([playing, paused]);
    await h.run(1_000);
    expect(h.player.isPlaying()).toBe(false);
    expect(Math.abs(h.player.getPosition() - paused.positionSec)).toBeLessThan(0.035);
  });

  it('holds off while the room plays other media than its player', async () => {
    const h = await ready();
    h.client.setTimeline([state({ mediaId: 'youtube:other', isPlaying: true, updatedAtMs: h.serverNow() })]);
    await h.run(1_000);
    expect(h.player.calls).toEqual([]);
    expect(h.client.getStatus().following).toBe(false);
  });

  it('leaves a file at its end while the room is there too', async () => {
    const h = await ready();
    h.player.durationSec = 600;
    h.player.setPosition(600);
    h.player.ended = true;
    h.client.setTimeline([state({ isPlaying: true, positionSec: 599.8, updatedAtMs: h.serverNow() })]);
    await h.run(2_000);
    expect(h.player.calls).toEqual([]);
  });

  it('resyncs with one tap: a seek to where the room is', async () => {
    const h = await ready();
    const playing = state({ isPlaying: true, positionSec: 0, updatedAtMs: h.serverNow() - 20_000 });
    h.client.setTimeline([playing]);
    await h.run(1_000);
    h.player.calls.length = 0;
    h.client.resync();
    const [call] = h.player.calls;
    expect(call).toMatch(/^seek /);
    expect(Number(call!.slice(5))).toBeCloseTo(positionAt(playing, h.serverNow() + 150), 1);
  });
});

describe('the autoplay rule', () => {
  it('asks for a click when the browser refuses to start, and starts within that click', async () => {
    const h = await ready();
    h.player.refuseStart = true;
    h.client.setTimeline([state({ isPlaying: true, positionSec: 0, updatedAtMs: h.serverNow() })]);
    await h.run(200);
    expect(h.player.calls).toContain('play');
    expect(h.client.getStatus().needsGesture).toBe(true);

    h.player.refuseStart = false;
    h.player.calls.length = 0;
    h.client.joinPlayback();
    // Synchronously, inside the click handler.
    expect(h.player.calls).toEqual(['play']);
    expect(h.client.getStatus().needsGesture).toBe(false);
    expect(h.player.isPlaying()).toBe(true);
  });
});

describe('reports', () => {
  it('tells the room about a stall only once it lasts, and when it ends', async () => {
    const h = await ready();
    h.client.setTimeline([state({ isPlaying: true, positionSec: 0, updatedAtMs: h.serverNow() - 5_000 })]);
    await h.run(1_000);
    h.player.stall(true);
    await h.run(300);
    expect(h.sent.buffering).toEqual([]);
    await h.run(400);
    expect(h.sent.buffering).toEqual([true]);
    h.player.stall(false);
    await h.run(100);
    expect(h.sent.buffering).toEqual([true, false]);
  });

  it('says a stall is over when its player goes away', async () => {
    const h = await ready();
    h.client.setTimeline([state({ isPlaying: true, positionSec: 0, updatedAtMs: h.serverNow() - 5_000 })]);
    await h.run(500);
    h.player.stall(true);
    await h.run(1_000);
    h.client.detach(h.player);
    expect(h.sent.buffering).toEqual([true, false]);
  });

  it('reports its drift and round trip every second', async () => {
    const h = await ready();
    h.client.setTimeline([state({ isPlaying: true, positionSec: 0, updatedAtMs: h.serverNow() - 5_000 })]);
    h.sent.drift.length = 0;
    await h.run(5_000);
    expect(h.sent.drift.length).toBeGreaterThanOrEqual(4);
    expect(h.sent.drift.length).toBeLessThanOrEqual(6);
    const last = h.sent.drift.at(-1)!;
    expect(last.rttMs).toBe(2 * ONE_WAY_MS);
    expect(Math.abs(last.driftMs)).toBeLessThan(50);
    expect(h.client.getStatus().driftMs).toBe(last.driftMs);
  });

  it('reports the media length once, and only for someone who controls playback', async () => {
    const viewer = await ready();
    viewer.client.setTimeline([state({ updatedAtMs: viewer.serverNow() })]);
    await viewer.run(1_000);
    expect(viewer.sent.duration).toEqual([]);

    const leader = await ready({ mayReportDuration: true });
    leader.client.setTimeline([state({ updatedAtMs: leader.serverNow() })]);
    await leader.run(2_000);
    expect(leader.sent.duration).toEqual([{ mediaId: MEDIA, durationSec: 600 }]);
  });
});
