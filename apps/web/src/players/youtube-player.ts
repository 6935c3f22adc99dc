import {
  GestureRequiredError,
  PlayerEvents,
  type AdapterCapabilities,
  type PlayerAdapter,
  type PlayerEvent,
} from './player';
import { YT_STATE, youtubeErrorSentence, type YTNamespace, type YTPlayer } from './youtube-api';

/**
 * A YouTube video through the IFrame API. Rates are suggestions: YouTube plays only the rates of
 * `getAvailablePlaybackRates` (usually 0.25 steps), so the controller sees them as `allowedRates`
 * and, with none inside its correction band, corrects drift by small seeks instead. The player's
 * time arrives from the iframe in steps; between them it is extrapolated from the last change.
 */

const YOUTUBE_BASE_CAPABILITIES: AdapterCapabilities = {
  rateControl: true,
  seekPrecisionMs: 100,
  minRate: 0.25,
  maxRate: 2,
  needsGesture: true,
};

/** A play() the player has not started within this long was refused by the autoplay rule, ms. */
export const YOUTUBE_PLAY_CONFIRM_MS = 1_500;

/** Time after a seekTo during which the player counts as seeking unless it settles first, ms. */
const SEEK_SETTLE_MS = 1_000;

export interface YouTubeClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: YouTubeClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/** The player as the IFrame API builds it, resolved once it is ready to be driven. */
export function createYouTubePlayer(
  YT: YTNamespace,
  element: HTMLElement,
  videoId: string,
  clock: YouTubeClock = browserClock,
): Promise<YouTubePlayer> {
  return new Promise((resolve, reject) => {
    let adapter: YouTubePlayer | null = null;
    new YT.Player(element, {
      videoId,
      width: '100%',
      height: '100%',
      host: 'https://www.youtube-nocookie.com',
      playerVars: {
        // The room's own controls drive playback; YouTube's would let one viewer wander off alone.
        controls: 0,
        disablekb: 1,
        playsinline: 1,
        rel: 0,
        fs: 1,
        iv_load_policy: 3,
        origin: window.location.origin,
      },
      events: {
        onReady: ({ target }) => {
          adapter = new YouTubePlayer(target, clock);
          resolve(adapter);
        },
        onStateChange: ({ data }) => adapter?.handleState(data),
        onPlaybackRateChange: () => adapter?.handleRateChange(),
        onError: ({ data }) => {
          if (adapter) adapter.handleError(data);
          else reject(new Error(youtubeErrorSentence(data)));
        },
      },
    });
  });
}

export class YouTubePlayer implements PlayerAdapter {
  readonly capabilities: AdapterCapabilities;
  private readonly events = new PlayerEvents();
  private state: number;
  /** The last time the iframe reported (a new value re-anchors the extrapolation). */
  private lastReportedSec: number;
  /** Where the media was at `atMs`, moving at `rate` while playing. */
  private anchor: { mediaSec: number; atMs: number; rate: number };
  private seekingUntilMs = -Infinity;
  private failed: string | null = null;
  private pendingPlays: Array<{ resolve: () => void; reject: (e: Error) => void; timer: unknown }> = [];

  constructor(
    private readonly player: YTPlayer,
    private readonly clock: YouTubeClock = browserClock,
  ) {
    const rates = player.getAvailablePlaybackRates().filter((r) => Number.isFinite(r) && r > 0);
    this.capabilities =
      rates.length > 0
        ? {
            ...YOUTUBE_BASE_CAPABILITIES,
            allowedRates: rates,
            minRate: Math.min(...rates),
            maxRate: Math.max(...rates),
          }
        : { ...YOUTUBE_BASE_CAPABILITIES, rateControl: false };
    this.state = player.getPlayerState();
    this.lastReportedSec = player.getCurrentTime();
    this.anchor = { mediaSec: this.lastReportedSec, atMs: clock.now(), rate: player.getPlaybackRate() };
  }

  /** Called by the IFrame API's onStateChange. */
  handleState(state: number): void {
    this.state = state;
    this.reanchor();
    if (state === YT_STATE.PLAYING || state === YT_STATE.PAUSED) this.seekingUntilMs = -Infinity;
    if (state === YT_STATE.PLAYING || state === YT_STATE.BUFFERING) this.settlePlays(null);
    const event = STATE_EVENTS[state];
    if (event) this.events.emit(event);
    if (state === YT_STATE.PLAYING) this.events.emit('durationchange');
  }

  handleRateChange(): void {
    // Up to now the media moved at the old rate; from now on at the new one.
    this.anchor = {
      mediaSec: this.getPosition(),
      atMs: this.clock.now(),
      rate: this.player.getPlaybackRate(),
    };
    this.events.emit('ratechange');
  }

  handleError(code: number): void {
    this.failed = youtubeErrorSentence(code);
    this.settlePlays(new Error(this.failed));
    this.events.emit('error');
  }

  private reanchor(): void {
    this.lastReportedSec = this.player.getCurrentTime();
    this.anchor = {
      mediaSec: this.lastReportedSec,
      atMs: this.clock.now(),
      rate: this.player.getPlaybackRate(),
    };
  }

  private settlePlays(error: Error | null): void {
    const plays = this.pendingPlays;
    this.pendingPlays = [];
    for (const play of plays) {
      this.clock.clearTimeout(play.timer);
      if (error) play.reject(error);
      else play.resolve();
    }
  }

  getPosition(): number {
    const reported = this.player.getCurrentTime();
    const now = this.clock.now();
    if (reported !== this.lastReportedSec) {
      this.lastReportedSec = reported;
      this.anchor = { ...this.anchor, mediaSec: reported, atMs: now };
    }
    if (this.state !== YT_STATE.PLAYING) return reported;
    return this.anchor.mediaSec + ((now - this.anchor.atMs) / 1000) * this.anchor.rate;
  }

  isPlaying(): boolean {
    return this.state === YT_STATE.PLAYING || this.state === YT_STATE.BUFFERING;
  }

  isSeeking(): boolean {
    return this.clock.now() < this.seekingUntilMs;
  }

  isBuffering(): boolean {
    return this.state === YT_STATE.BUFFERING && !this.isSeeking();
  }

  hasEnded(): boolean {
    return this.state === YT_STATE.ENDED;
  }

  getDuration(): number | null {
    const duration = this.player.getDuration();
    return Number.isFinite(duration) && duration > 0 ? duration : null;
  }

  play(): Promise<void> {
    if (this.failed) return Promise.reject(new Error(this.failed));
    this.player.playVideo();
    if (this.isPlaying()) return Promise.resolve();
    // The IFrame API says nothing when the browser blocks the start: no state change in time means
    // the autoplay rule held it back.
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.pendingPlays = this.pendingPlays.filter((p) => p.timer !== timer);
        reject(new GestureRequiredError());
      }, YOUTUBE_PLAY_CONFIRM_MS);
      this.pendingPlays.push({ resolve, reject, timer });
    });
  }

  pause(): void {
    this.player.pauseVideo();
  }

  seek(toSec: number): void {
    this.seekingUntilMs = this.clock.now() + SEEK_SETTLE_MS;
    this.player.seekTo(Math.max(0, toSec), true);
    this.reanchor();
  }

  setRate(rate: number): void {
    this.player.setPlaybackRate(rate);
  }

  onEvent(listener: (event: PlayerEvent) => void): () => void {
    return this.events.on(listener);
  }

  failure(): string | null {
    return this.failed;
  }

  destroy(): void {
    this.settlePlays(new Error('The player was closed.'));
    this.events.clear();
    this.player.destroy();
  }
}

const STATE_EVENTS: Partial<Record<number, PlayerEvent>> = {
  [YT_STATE.PLAYING]: 'playing',
  [YT_STATE.PAUSED]: 'pause',
  [YT_STATE.BUFFERING]: 'waiting',
  [YT_STATE.ENDED]: 'ended',
  [YT_STATE.CUED]: 'ready',
};
