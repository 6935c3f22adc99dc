import { describe, expect, it, vi } from 'vitest';
import {
  HLS_UNSUPPORTED,
  Html5Player,
  isHlsUrl,
  VIDEO_FORMAT_UNSUPPORTED,
  VIDEO_LOAD_FAILED,
  type HlsLike,
  type HlsModule,
  type VideoElementLike,
} from './html5-player';
import { isGestureRefusal, type PlayerEvent } from './player';

/** A stand-in for HTMLVideoElement: the properties the adapter reads, and real event dispatch. */
class FakeVideo extends EventTarget {
  currentTime = 0;
  paused = true;
  seeking = false;
  ended = false;
  readyState = 4;
  duration = Number.NaN;
  playbackRate = 1;
  error: { code: number } | null = null;
  src = '';
  nativeHls = false;
  playResult: Promise<void> = Promise.resolve();
  play = vi.fn(() => {
    this.paused = false;
    return this.playResult;
  });
  pause = vi.fn(() => {
    this.paused = true;
  });
  load = vi.fn();
  removeAttribute = vi.fn((name: string) => {
    if (name === 'src') this.src = '';
  });
  canPlayType(type: string) {
    return type === 'application/vnd.apple.mpegurl' && this.nativeHls ? 'maybe' : '';
  }
  fire(type: string) {
    this.dispatchEvent(new Event(type));
  }
}

function setup(src = 'https://cdn.example.com/film.mp4', loadHls?: () => Promise<HlsModule>) {
  const video = new FakeVideo();
  const player = new Html5Player(video as unknown as VideoElementLike, src, loadHls);
  const events: PlayerEvent[] = [];
  player.onEvent((e) => events.push(e));
  return { video, player, events };
}

function fakeHls(supported = true) {
  const instances: Array<
    HlsLike & { listeners: Map<string, (e: string, d: { fatal: boolean; type: string }) => void> }
  > = [];
  const Hls = vi.fn(function (this: unknown) {
    const listeners = new Map<string, (e: string, d: { fatal: boolean; type: string }) => void>();
    const instance = {
      listeners,
      loadSource: vi.fn(),
      attachMedia: vi.fn(),
      on: vi.fn((event: string, listener: (e: string, d: { fatal: boolean; type: string }) => void) =>
        listeners.set(event, listener),
      ),
      startLoad: vi.fn(),
      recoverMediaError: vi.fn(),
      destroy: vi.fn(),
    };
    instances.push(instance);
    return instance;
  }) as unknown as HlsModule;
  Object.assign(Hls, {
    isSupported: () => supported,
    Events: { ERROR: 'hlsError' },
    ErrorTypes: { NETWORK_ERROR: 'networkError', MEDIA_ERROR: 'mediaError' },
  });
  return { Hls, instances };
}

describe('Html5Player', () => {
  it('plays a file by its src, with full rate control', () => {
    const { video, player } = setup();
    expect(video.src).toBe('https://cdn.example.com/film.mp4');
    expect(player.capabilities).toMatchObject({ rateControl: true, needsGesture: true });
    expect(player.capabilities.allowedRates).toBeUndefined();
  });

  it('reads the element', () => {
    const { video, player } = setup();
    video.currentTime = 12.5;
    expect(player.getPosition()).toBe(12.5);
    expect(player.isPlaying()).toBe(false);
    expect(player.getDuration()).toBeNull();
    video.duration = 600;
    expect(player.getDuration()).toBe(600);
    video.duration = Number.POSITIVE_INFINITY;
    expect(player.getDuration()).toBeNull();
  });

  it('counts as buffering only while it wants to play and has no data ahead', () => {
    const { video, player } = setup();
    video.readyState = 2;
    expect(player.isBuffering()).toBe(false);
    video.paused = false;
    expect(player.isBuffering()).toBe(true);
    video.seeking = true;
    expect(player.isBuffering()).toBe(false);
    video.seeking = false;
    video.readyState = 3;
    expect(player.isBuffering()).toBe(false);
  });

  it('seeks within the media and keeps rates within its range', () => {
    const { video, player } = setup();
    video.duration = 100;
    player.seek(140);
    expect(video.currentTime).toBe(100);
    player.seek(-3);
    expect(video.currentTime).toBe(0);
    player.setRate(1.03);
    expect(video.playbackRate).toBe(1.03);
    player.setRate(9);
    expect(video.playbackRate).toBe(4);
  });

  it('passes on the browser refusing to play without a click', async () => {
    const { video, player } = setup();
    const refusal = Object.assign(new Error('play() failed because the user did not interact'), {
      name: 'NotAllowedError',
    });
    video.playResult = Promise.reject(refusal);
    const error = await player.play().catch((e: unknown) => e);
    expect(isGestureRefusal(error)).toBe(true);
  });

  it("forwards the element's events", () => {
    const { video, events } = setup();
    for (const type of ['waiting', 'playing', 'seeked', 'ended', 'durationchange', 'pause']) video.fire(type);
    expect(events).toEqual(['waiting', 'playing', 'seeked', 'ended', 'durationchange', 'pause']);
  });

  it('says why a video cannot play', () => {
    const { video, player, events } = setup();
    video.error = { code: 4 };
    video.fire('error');
    expect(player.failure()).toBe(VIDEO_FORMAT_UNSUPPORTED);
    expect(events).toContain('error');
    const other = setup();
    other.video.error = { code: 2 };
    other.video.fire('error');
    expect(other.player.failure()).toBe(VIDEO_LOAD_FAILED);
  });

  it('stops listening and loading when destroyed', () => {
    const { video, player, events } = setup();
    player.destroy();
    video.fire('playing');
    expect(events).toEqual([]);
    expect(video.src).toBe('');
    expect(video.load).toHaveBeenCalled();
  });
});

describe('HLS', () => {
  it('recognises playlists by their path', () => {
    expect(isHlsUrl('https://cdn.example.com/live/index.m3u8?token=1')).toBe(true);
    expect(isHlsUrl('https://cdn.example.com/film.mp4')).toBe(false);
  });

  it('plays a playlist natively where the browser can', () => {
    const video = new FakeVideo();
    video.nativeHls = true;
    const loadHls = vi.fn();
    new Html5Player(video as unknown as VideoElementLike, 'https://cdn.example.com/a.m3u8', loadHls);
    expect(video.src).toBe('https://cdn.example.com/a.m3u8');
    expect(loadHls).not.toHaveBeenCalled();
  });

  it('otherwise attaches hls.js, retries network errors and recovers media errors', async () => {
    const { Hls, instances } = fakeHls();
    const { video, player } = setup('https://cdn.example.com/a.m3u8', () => Promise.resolve(Hls));
    await vi.waitFor(() => expect(instances).toHaveLength(1));
    const hls = instances[0]!;
    expect(hls.loadSource).toHaveBeenCalledWith('https://cdn.example.com/a.m3u8');
    expect(hls.attachMedia).toHaveBeenCalledWith(video);
    const onError = hls.listeners.get('hlsError')!;
    onError('hlsError', { fatal: true, type: 'networkError' });
    expect(hls.startLoad).toHaveBeenCalled();
    onError('hlsError', { fatal: true, type: 'mediaError' });
    expect(hls.recoverMediaError).toHaveBeenCalled();
    expect(player.failure()).toBeNull();
    onError('hlsError', { fatal: true, type: 'otherError' });
    expect(player.failure()).toBe(VIDEO_LOAD_FAILED);
    player.destroy();
    expect(hls.destroy).toHaveBeenCalled();
  });

  it('says so when the browser cannot play HLS at all', async () => {
    const { Hls } = fakeHls(false);
    const { player } = setup('https://cdn.example.com/a.m3u8', () => Promise.resolve(Hls));
    await vi.waitFor(() => expect(player.failure()).toBe(HLS_UNSUPPORTED));
  });
});
