import { describe, expect, it, vi } from 'vitest';
import { correctionModeOf } from '@wt/sync';
import { isGestureRefusal, type PlayerEvent } from './player';
import {
  YT_STATE,
  youtubeErrorSentence,
  type YTNamespace,
  type YTPlayer,
  type YTPlayerOptions,
} from './youtube-api';
import {
  createYouTubePlayer,
  YOUTUBE_PLAY_CONFIRM_MS,
  YouTubePlayer,
  type YouTubeClock,
} from './youtube-player';

/** The IFrame API's player, simulated: a media clock that the test moves, and its state. */
class FakeYT implements YTPlayer {
  time = 0;
  state: number = YT_STATE.CUED;
  rate = 1;
  duration = 212;
  rates = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
  playVideo = vi.fn();
  pauseVideo = vi.fn();
  seekTo = vi.fn((seconds: number) => {
    this.time = seconds;
  });
  setPlaybackRate = vi.fn((rate: number) => {
    this.rate = rate;
  });
  destroy = vi.fn();
  getCurrentTime = () => this.time;
  getDuration = () => this.duration;
  getPlayerState = () => this.state;
  getPlaybackRate = () => this.rate;
  getAvailablePlaybackRates = () => this.rates;
}

function fakeClock() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; handle: number }> = [];
  let next = 1;
  const clock: YouTubeClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const handle = next++;
      timers.push({ at: now + ms, fn, handle });
      return handle;
    },
    clearTimeout: (handle) => {
      const i = timers.findIndex((t) => t.handle === handle);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance };
}

function setup() {
  const yt = new FakeYT();
  const { clock, advance } = fakeClock();
  const player = new YouTubePlayer(yt, clock);
  const events: PlayerEvent[] = [];
  player.onEvent((e) => events.push(e));
  /** The iframe reports a new state. */
  const state = (s: number) => {
    yt.state = s;
    player.handleState(s);
  };
  return { yt, player, events, state, advance };
}

describe('YouTubePlayer', () => {
  it("takes YouTube's rates as the only ones allowed, so the controller corrects by small seeks", () => {
    const { player } = setup();
    expect(player.capabilities.allowedRates).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    expect(player.capabilities).toMatchObject({
      rateControl: true,
      minRate: 0.25,
      maxRate: 2,
      needsGesture: true,
    });
    expect(correctionModeOf(player.capabilities, 1)).toEqual({ kind: 'seek' });
  });

  it('has no rate control when YouTube lists no rates', () => {
    const yt = new FakeYT();
    yt.rates = [];
    expect(new YouTubePlayer(yt, fakeClock().clock).capabilities.rateControl).toBe(false);
  });

  it('extrapolates the time between the steps the iframe reports', () => {
    const { yt, player, state, advance } = setup();
    yt.time = 10;
    state(YT_STATE.PLAYING);
    advance(100);
    expect(player.getPosition()).toBeCloseTo(10.1, 6);
    yt.time = 10.25;
    advance(50);
    // A new report re-anchors on it.
    expect(player.getPosition()).toBeCloseTo(10.25, 6);
    advance(100);
    expect(player.getPosition()).toBeCloseTo(10.35, 6);
    // The rate changes at 10.35: from there the media moves twice as fast.
    yt.rate = 2;
    player.handleRateChange();
    advance(100);
    expect(player.getPosition()).toBeCloseTo(10.55, 6);
  });

  it('reports the time as it is while paused', () => {
    const { yt, player, state, advance } = setup();
    yt.time = 42;
    state(YT_STATE.PAUSED);
    advance(1_000);
    expect(player.getPosition()).toBe(42);
    expect(player.isPlaying()).toBe(false);
  });

  it('maps states to playing, buffering and ended, and forwards them as events', () => {
    const { player, state, events } = setup();
    state(YT_STATE.BUFFERING);
    expect(player.isPlaying()).toBe(true);
    expect(player.isBuffering()).toBe(true);
    state(YT_STATE.PLAYING);
    expect(player.isBuffering()).toBe(false);
    state(YT_STATE.ENDED);
    expect(player.hasEnded()).toBe(true);
    expect(events).toEqual(['waiting', 'playing', 'durationchange', 'ended']);
  });

  it('counts as seeking after a seek until the player settles', () => {
    const { yt, player, state, advance } = setup();
    player.seek(30);
    expect(yt.seekTo).toHaveBeenCalledWith(30, true);
    expect(player.isSeeking()).toBe(true);
    state(YT_STATE.BUFFERING);
    expect(player.isSeeking()).toBe(true);
    expect(player.isBuffering()).toBe(false);
    state(YT_STATE.PLAYING);
    expect(player.isSeeking()).toBe(false);
    player.seek(60);
    advance(1_001);
    expect(player.isSeeking()).toBe(false);
  });

  it('confirms a play when the iframe starts', async () => {
    const { yt, player, state } = setup();
    const started = player.play();
    expect(yt.playVideo).toHaveBeenCalledTimes(1);
    state(YT_STATE.BUFFERING);
    await expect(started).resolves.toBeUndefined();
  });

  it('takes silence after playVideo as the autoplay rule, so the room asks for a click', async () => {
    const { player, advance } = setup();
    const started = player.play();
    advance(YOUTUBE_PLAY_CONFIRM_MS + 1);
    const error = await started.catch((e: unknown) => e);
    expect(isGestureRefusal(error)).toBe(true);
  });

  it('says why a video cannot play', async () => {
    const { player, events } = setup();
    const started = player.play();
    player.handleError(150);
    await expect(started).rejects.toThrow(/does not allow playing it on other sites/);
    expect(player.failure()).toBe(youtubeErrorSentence(150));
    expect(events).toContain('error');
    expect(youtubeErrorSentence(100)).toBe('This YouTube video is private or was removed.');
  });
});

describe('createYouTubePlayer', () => {
  function fakeApi() {
    const created: Array<{ element: HTMLElement | string; options: YTPlayerOptions; player: FakeYT }> = [];
    const YT: YTNamespace = {
      Player: vi.fn(function (element: HTMLElement | string, options: YTPlayerOptions) {
        const player = new FakeYT();
        created.push({ element, options, player });
        return player;
      }) as unknown as YTNamespace['Player'],
    };
    return { YT, created };
  }

  it("builds the player without YouTube's controls and resolves once it is ready", async () => {
    vi.stubGlobal('window', { location: { origin: 'https://watch.example' } });
    try {
      const { YT, created } = fakeApi();
      const element = {} as HTMLElement;
      const ready = createYouTubePlayer(YT, element, 'dQw4w9WgXcQ', fakeClock().clock);
      const [{ options, player }] = created as [(typeof created)[number]];
      expect(options.videoId).toBe('dQw4w9WgXcQ');
      expect(options.playerVars).toMatchObject({
        controls: 0,
        disablekb: 1,
        playsinline: 1,
        origin: 'https://watch.example',
      });
      options.events!.onReady!({ target: player });
      const adapter = await ready;
      options.events!.onStateChange!({ data: YT_STATE.PLAYING, target: player });
      expect(adapter.isPlaying()).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('rejects with the sentence when the video cannot load', async () => {
    vi.stubGlobal('window', { location: { origin: 'https://watch.example' } });
    try {
      const { YT, created } = fakeApi();
      const ready = createYouTubePlayer(YT, {} as HTMLElement, 'dQw4w9WgXcQ', fakeClock().clock);
      created[0]!.options.events!.onError!({ data: 100 });
      await expect(ready).rejects.toThrow('This YouTube video is private or was removed.');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
