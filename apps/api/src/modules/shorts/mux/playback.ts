import { PLAYBACK_TOKEN_SLACK_S, type Playback } from '@wt/schemas';
import { muxEnabled, type Env } from '../../../env';
import { muxVideoFor, type MuxVideo } from '../../../infra/video/mux';
import { muxStreamUrl, muxThumbnailUrl } from './events';

/** How long a signed card thumbnail (series pages, the studio) stays valid. */
export const MUX_THUMBNAIL_TOKEN_S = 6 * 60 * 60;

/**
 * Playback of a ready Mux asset (issue 9), for a viewer who passed the access check: the HLS playlist at
 * stream.mux.com with a video token, and a poster with a thumbnail token, both valid for the episode's
 * length plus PLAYBACK_TOKEN_SLACK_S (as the local tokens). Without a signing key the playback id is
 * public and the URLs carry no token. Null when the asset has no playback id yet, or Mux is not configured.
 */
export async function muxPlaybackFor(
  env: Env,
  asset: { playback_id: string | null; duration_ms: number | null },
  now: Date,
  mux?: MuxVideo,
): Promise<Playback | null> {
  if (!asset.playback_id || !muxEnabled(env)) return null;
  const video = mux ?? muxVideoFor(env);
  const expiresAtS = Math.floor(now.getTime() / 1000) + Math.ceil((asset.duration_ms ?? 0) / 1000) + PLAYBACK_TOKEN_SLACK_S;
  const expiresAt = new Date(expiresAtS * 1000);
  const [videoToken, thumbnailToken] = await Promise.all([
    video.signPlayback(asset.playback_id, expiresAt, 'video'),
    video.signPlayback(asset.playback_id, expiresAt, 'thumbnail'),
  ]);
  return {
    kind: 'hls',
    url: muxStreamUrl(asset.playback_id, videoToken),
    posterUrl: muxThumbnailUrl(asset.playback_id, thumbnailToken),
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * A thumbnail URL for cards of a Mux episode (episodes.thumbnail_url stays null for signed playback ids,
 * whose thumbnails need a token): signed for MUX_THUMBNAIL_TOKEN_S, or plain for a public id.
 */
export async function muxThumbnailFor(env: Env, playbackId: string, now: Date, mux?: MuxVideo): Promise<string | null> {
  if (!muxEnabled(env)) return null;
  const video = mux ?? muxVideoFor(env);
  const token = await video.signPlayback(playbackId, new Date(now.getTime() + MUX_THUMBNAIL_TOKEN_S * 1000), 'thumbnail');
  return muxThumbnailUrl(playbackId, token);
}
