import type { Playback } from '@wt/schemas';

/**
 * Which way an episode plays: the original MP4 progressively, HLS natively (Safari and iOS, where the
 * platform player is the best one), or HLS through hls.js on Media Source Extensions (everyone else).
 */
export type PlaybackEngine = 'progressive' | 'native-hls' | 'hls.js' | 'unsupported';

export interface EngineSupport {
  /** `video.canPlayType('application/vnd.apple.mpegurl')`: '', 'maybe' or 'probably'. */
  nativeHls: string;
  /** `Hls.isSupported()`: Media Source Extensions with the codecs HLS needs. */
  mse: boolean;
  userAgent: string;
}

const SAFARI = /^((?!chrome|chromium|android|crios|fxios|edg).)*safari/i;

export function chooseEngine(kind: Playback['kind'], support: EngineSupport): PlaybackEngine {
  if (kind === 'mp4') return 'progressive';
  const native = support.nativeHls !== '';
  if (native && (!support.mse || SAFARI.test(support.userAgent))) return 'native-hls';
  if (support.mse) return 'hls.js';
  return native ? 'native-hls' : 'unsupported';
}
