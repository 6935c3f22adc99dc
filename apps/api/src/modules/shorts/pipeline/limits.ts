import { EPISODE_MAX_ASPECT, EPISODE_MAX_BYTES, EPISODE_MAX_DURATION_S, EPISODE_MIN_DURATION_S } from '@wt/schemas';
import type { VideoInfo } from './probe';

/** The sentences an upload is refused with (the studio shows them as they are). */
export const UPLOAD_REFUSALS = {
  notVideo: 'That file is not a video we can take: upload an MP4, MOV, WebM or MKV file.',
  noPicture: 'That file has no video picture: upload a video file.',
  tooLarge: `That file is larger than ${EPISODE_MAX_BYTES / 1024 ** 3} GB: episodes are at most ${EPISODE_MAX_BYTES / 1024 ** 3} GB. Export a smaller file and upload it again.`,
  tooShort: `That video is shorter than ${EPISODE_MIN_DURATION_S} second: upload a longer clip.`,
  tooLong: (durationMs: number) =>
    `That video is ${describeDuration(durationMs)} long: episodes are at most ${EPISODE_MAX_DURATION_S / 60} minutes. Trim it and upload it again.`,
  notVertical: (width: number, height: number) =>
    `That video is ${width}×${height}, not vertical: episodes are taller than wide, like a phone held upright (for example 1080×1920).`,
} as const;

function describeDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

export function sizeRefusal(sizeBytes: number): string | null {
  return sizeBytes > EPISODE_MAX_BYTES ? UPLOAD_REFUSALS.tooLarge : null;
}

/** Why a probed video cannot be an episode, or null when it can. */
export function videoRefusal(video: VideoInfo): string | null {
  if (!video.hasVideo) return UPLOAD_REFUSALS.noPicture;
  if (video.durationMs < EPISODE_MIN_DURATION_S * 1000) return UPLOAD_REFUSALS.tooShort;
  if (video.durationMs > EPISODE_MAX_DURATION_S * 1000) return UPLOAD_REFUSALS.tooLong(video.durationMs);
  if (video.width / video.height > EPISODE_MAX_ASPECT) return UPLOAD_REFUSALS.notVertical(video.width, video.height);
  return null;
}
