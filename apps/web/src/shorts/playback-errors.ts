import { NETWORK_ERROR_MESSAGE } from '@/auth/api';

/**
 * What went wrong with the media itself, and the sentence the player shows. A refused request (403:
 * the signed URL expired or is no longer valid) is retried once with a fresh URL before it is shown.
 */
export type PlaybackFailure = 'denied' | 'network' | 'decode' | 'unsupported';

export const PLAYBACK_FAILURE_MESSAGES: Record<PlaybackFailure, string> = {
  denied: 'This playback link has expired. Reload the page to get a new one.',
  network: NETWORK_ERROR_MESSAGE,
  decode: 'This video could not be played. Try again, or come back to it later.',
  unsupported: 'This browser cannot play these videos. Try a recent version of Chrome, Firefox, Edge or Safari.',
};

/** An hls.js error as a failure kind (`response.code` is the HTTP status of the failed load, if any). */
export function failureOfHlsError(type: string, httpStatus: number | undefined): PlaybackFailure {
  if (httpStatus === 401 || httpStatus === 403) return 'denied';
  if (type === 'networkError') return 'network';
  return 'decode';
}

/**
 * A `<video>` element error (native HLS, MP4) does not say which HTTP status failed: code 2 (network)
 * and 4 (source not supported, which is also what a 403 on the source looks like) might be an expired
 * link, so they get the one retry; a decode error does not.
 */
export function failureOfMediaError(code: number | undefined): PlaybackFailure {
  if (code === 2) return 'network';
  if (code === 4) return 'denied';
  return 'decode';
}

/** Whether a failure is worth one automatic retry with a fresh `shorts.watch` answer. */
export function retriesWithFreshLink(failure: PlaybackFailure): boolean {
  return failure === 'denied' || failure === 'network';
}
