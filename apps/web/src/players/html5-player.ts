import { PlayerEvents, type AdapterCapabilities, type PlayerAdapter, type PlayerEvent } from './player';

/**
 * A `<video>` element: uploads and direct links to video files or HLS playlists. Full control: any
 * rate, frame-accurate seeks. HLS plays natively where the browser can (Safari), else through hls.js,
 * loaded only when a playlist needs it.
 */

/** The part of HTMLVideoElement the adapter uses (a fake stands in for it in tests). */
export type VideoElementLike = Pick<
  HTMLVideoElement,
  | 'currentTime'
  | 'paused'
  | 'seeking'
  | 'ended'
  | 'readyState'
  | 'duration'
  | 'playbackRate'
  | 'error'
  | 'play'
  | 'pause'
  | 'canPlayType'
  | 'addEventListener'
  | 'removeEventListener'
  | 'removeAttribute'
  | 'load'
> & { src: string };

/** What hls.js offers, as far as the adapter uses it. */
export interface HlsLike {
  loadSource(src: string): void;
  attachMedia(media: unknown): void;
  on(event: string, listener: (event: string, data: { fatal: boolean; type: string }) => void): void;
  startLoad(): void;
  recoverMediaError(): void;
  destroy(): void;
}

export interface HlsModule {
  isSupported(): boolean;
  new (config?: Record<string, unknown>): HlsLike;
  Events: { ERROR: string };
  ErrorTypes: { NETWORK_ERROR: string; MEDIA_ERROR: string };
}

export const HTML5_CAPABILITIES: AdapterCapabilities = {
  rateControl: true,
  // A seek lands on the requested time (to the frame: 1/30 s).
  seekPrecisionMs: 35,
  minRate: 0.25,
  maxRate: 4,
  needsGesture: true,
};

/** `readyState` from which the element has data to go on playing (HAVE_FUTURE_DATA). */
const HAVE_FUTURE_DATA = 3;

const FORWARDED: Array<[string, PlayerEvent]> = [
  ['waiting', 'waiting'],
  ['stalled', 'waiting'],
  ['playing', 'playing'],
  ['canplay', 'ready'],
  ['pause', 'pause'],
  ['seeked', 'seeked'],
  ['ended', 'ended'],
  ['durationchange', 'durationchange'],
  ['loadedmetadata', 'ready'],
  ['ratechange', 'ratechange'],
];

export const VIDEO_LOAD_FAILED =
  'This video could not be loaded. Check that the link still works, then reload the page.';
export const VIDEO_FORMAT_UNSUPPORTED =
  'Your browser cannot play this video format. Try another browser, or ask the leader for another link.';
export const HLS_UNSUPPORTED =
  'Your browser cannot play this stream. Try a recent Chrome, Edge, Firefox or Safari.';

/** Whether a URL points at an HLS playlist. */
export function isHlsUrl(src: string): boolean {
  try {
    return /\.m3u8$/i.test(new URL(src, 'http://localhost').pathname);
  } catch {
    return false;
  }
}

export class Html5Player implements PlayerAdapter {
  readonly capabilities = HTML5_CAPABILITIES;
  private readonly events = new PlayerEvents();
  private readonly unlisten: Array<() => void> = [];
  private hls: HlsLike | null = null;
  private failed: string | null = null;
  private destroyed = false;

  constructor(
    private readonly video: VideoElementLike,
    src: string,
    /** Loads hls.js on demand (a dynamic import in the app, a fake in tests). */
    loadHls: () => Promise<HlsModule> = defaultLoadHls,
  ) {
    for (const [native, event] of FORWARDED) {
      const listener = () => this.events.emit(event);
      video.addEventListener(native, listener);
      this.unlisten.push(() => video.removeEventListener(native, listener));
    }
    const onError = () => this.fail(video.error?.code === 4 ? VIDEO_FORMAT_UNSUPPORTED : VIDEO_LOAD_FAILED);
    video.addEventListener('error', onError);
    this.unlisten.push(() => video.removeEventListener('error', onError));

    if (isHlsUrl(src) && video.canPlayType('application/vnd.apple.mpegurl') === '') {
      void this.attachHls(src, loadHls);
    } else {
      video.src = src;
    }
  }

  private async attachHls(src: string, loadHls: () => Promise<HlsModule>): Promise<void> {
    let Hls: HlsModule;
    try {
      Hls = await loadHls();
    } catch {
      return this.fail(VIDEO_LOAD_FAILED);
    }
    if (this.destroyed) return;
    if (!Hls.isSupported()) return this.fail(HLS_UNSUPPORTED);
    const hls = new Hls({ enableWorker: true });
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      // hls.js's own advice: retry a network error, recover a media error once, give up otherwise.
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
      else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
      else this.fail(VIDEO_LOAD_FAILED);
    });
    hls.loadSource(src);
    hls.attachMedia(this.video);
    this.hls = hls;
  }

  private fail(message: string): void {
    this.failed = message;
    this.events.emit('error');
  }

  getPosition(): number {
    return this.video.currentTime;
  }

  isPlaying(): boolean {
    return !this.video.paused;
  }

  isSeeking(): boolean {
    return this.video.seeking;
  }

  isBuffering(): boolean {
    return (
      !this.video.paused &&
      !this.video.seeking &&
      !this.video.ended &&
      this.video.readyState < HAVE_FUTURE_DATA
    );
  }

  hasEnded(): boolean {
    return this.video.ended;
  }

  getDuration(): number | null {
    const { duration } = this.video;
    return Number.isFinite(duration) && duration > 0 ? duration : null;
  }

  play(): Promise<void> {
    return this.video.play() ?? Promise.resolve();
  }

  pause(): void {
    this.video.pause();
  }

  seek(toSec: number): void {
    const duration = this.getDuration();
    this.video.currentTime = Math.max(0, duration === null ? toSec : Math.min(toSec, duration));
  }

  setRate(rate: number): void {
    this.video.playbackRate = Math.min(this.capabilities.maxRate, Math.max(this.capabilities.minRate, rate));
  }

  onEvent(listener: (event: PlayerEvent) => void): () => void {
    return this.events.on(listener);
  }

  failure(): string | null {
    return this.failed;
  }

  destroy(): void {
    this.destroyed = true;
    for (const off of this.unlisten) off();
    this.events.clear();
    this.hls?.destroy();
    this.hls = null;
    this.video.pause();
    this.video.removeAttribute('src');
    this.video.load();
  }
}

async function defaultLoadHls(): Promise<HlsModule> {
  const module = await import('hls.js');
  return module.default as unknown as HlsModule;
}
