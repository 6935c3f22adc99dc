/**
 * The YouTube IFrame Player API, as far as the room uses it, and its loader. The API is a script from
 * youtube.com that defines `window.YT` and then calls `window.onYouTubeIframeAPIReady`; it can fail to
 * arrive (offline, a content blocker), which the loader turns into a sentence after a timeout.
 */

import { loadSdkScript } from './load-sdk-script';

export const YT_STATE = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 } as const;

export interface YTPlayer {
  playVideo(): void;
  pauseVideo(): void;
  seekTo(seconds: number, allowSeekAhead: boolean): void;
  getCurrentTime(): number;
  getDuration(): number;
  getPlayerState(): number;
  setPlaybackRate(rate: number): void;
  getPlaybackRate(): number;
  getAvailablePlaybackRates(): number[];
  destroy(): void;
}

export interface YTPlayerOptions {
  videoId: string;
  width?: string | number;
  height?: string | number;
  host?: string;
  playerVars?: Record<string, string | number>;
  events?: {
    onReady?: (event: { target: YTPlayer }) => void;
    onStateChange?: (event: { data: number; target: YTPlayer }) => void;
    onPlaybackRateChange?: (event: { data: number }) => void;
    onError?: (event: { data: number }) => void;
  };
}

export interface YTNamespace {
  Player: new (element: HTMLElement | string, options: YTPlayerOptions) => YTPlayer;
}

export const YOUTUBE_API_URL = 'https://www.youtube.com/iframe_api';
export const YOUTUBE_LOAD_FAILED =
  "YouTube's player could not load. Check your connection (or allow youtube.com in your content blocker), then reload the page.";

type YTWindow = { YT?: Partial<YTNamespace>; onYouTubeIframeAPIReady?: () => void };

let loading: Promise<YTNamespace> | null = null;

/**
 * Loads the API once per page. Rejects with YOUTUBE_LOAD_FAILED when the script fails or does not
 * call back in time; a later call tries again.
 */
export function loadYouTubeApi(timeoutMs = 15_000): Promise<YTNamespace> {
  const win = window as unknown as YTWindow;
  if (win.YT?.Player) return Promise.resolve(win.YT as YTNamespace);
  loading ??= loadSdkScript<YTNamespace>({
    url: YOUTUBE_API_URL,
    callbackName: 'onYouTubeIframeAPIReady',
    ready: () => (win.YT?.Player ? (win.YT as YTNamespace) : null),
    failure: YOUTUBE_LOAD_FAILED,
    timeoutMs,
  }).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** The sentence for an `onError` code of the IFrame API. */
export function youtubeErrorSentence(code: number): string {
  switch (code) {
    case 2:
      return 'That YouTube link does not point at a video. Ask the leader to paste it again.';
    case 100:
      return 'This YouTube video is private or was removed.';
    case 101:
    case 150:
      return 'The owner of this YouTube video does not allow playing it on other sites. Open it on YouTube instead.';
    default:
      return 'YouTube could not play this video. Reload the page to try again.';
  }
}
