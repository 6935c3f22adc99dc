import { z } from 'zod';
import type { MuxPlaybackPolicy } from '../../../infra/video/mux';

/**
 * What the Shorts module reads from Mux webhook payloads, as pure functions over the stored JSON (the
 * sweep re-reads deliveries from `webhook_events.payload`, so nothing here trusts the SDK's types).
 */

export const MUX_THUMBNAIL_BASE = 'https://image.mux.com';
export const MUX_STREAM_BASE = 'https://stream.mux.com';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ERROR_MAX_CHARS = 500;

const deliverySchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type MuxDelivery = z.infer<typeof deliverySchema>;

/** The envelope every delivery has (`id`, `type`, `data`); null when the JSON is not one. */
export function parseDelivery(payload: unknown): MuxDelivery | null {
  const parsed = deliverySchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

const optionalText = z.string().min(1).nullish().catch(null);

const uploadSchema = z.object({ id: z.string().min(1), asset_id: optionalText });

/** `video.upload.*` data: the upload and, once the file arrived, the asset Mux made of it. */
export function uploadFacts(data: unknown): { uploadId: string; assetId: string | null } | null {
  const parsed = uploadSchema.safeParse(data);
  return parsed.success ? { uploadId: parsed.data.id, assetId: parsed.data.asset_id ?? null } : null;
}

const assetSchema = z.object({
  id: z.string().min(1),
  upload_id: optionalText,
  passthrough: optionalText,
  duration: z.number().nonnegative().finite().nullish().catch(null),
  playback_ids: z
    .array(z.object({ id: z.string().min(1), policy: z.string() }))
    .nullish()
    .catch(null),
  tracks: z
    .array(
      z.object({
        type: z.string().optional(),
        max_width: z.number().int().positive().optional(),
        max_height: z.number().int().positive().optional(),
      }),
    )
    .nullish()
    .catch(null),
  errors: z
    .object({ type: z.string().optional(), messages: z.array(z.string()).optional() })
    .nullish()
    .catch(null),
});

export interface MuxAssetFacts {
  muxAssetId: string;
  uploadId: string | null;
  /** Our episode id, when the passthrough holds one. */
  episodeId: string | null;
  playbackId: string | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

/**
 * `video.asset.*` data. The playback id is the one of the policy we play with (signed when a signing key
 * is set), else the first one Mux lists.
 */
export function assetFacts(data: unknown, policy: MuxPlaybackPolicy): MuxAssetFacts | null {
  const parsed = assetSchema.safeParse(data);
  if (!parsed.success) return null;
  const asset = parsed.data;
  const ids = asset.playback_ids ?? [];
  const video = (asset.tracks ?? []).find((track) => track.type === 'video');
  return {
    muxAssetId: asset.id,
    uploadId: asset.upload_id ?? null,
    episodeId: asset.passthrough && UUID.test(asset.passthrough) ? asset.passthrough.toLowerCase() : null,
    playbackId: (ids.find((p) => p.policy === policy) ?? ids[0])?.id ?? null,
    durationMs: asset.duration === null || asset.duration === undefined ? null : Math.round(asset.duration * 1000),
    width: video?.max_width ?? null,
    height: video?.max_height ?? null,
  };
}

/** The studio's sentence for a `video.asset.errored` delivery, from Mux's own messages. */
export function assetErrorSentence(data: unknown): string {
  const parsed = assetSchema.safeParse(data);
  const messages = parsed.success ? (parsed.data.errors?.messages ?? []) : [];
  const detail = messages
    .map((message) => message.trim())
    .filter(Boolean)
    .join(' ');
  if (!detail) return 'Mux could not process this video. Upload it again, or try another file.';
  const sentence = `Mux could not process this video: ${/[.!?]$/.test(detail) ? detail : `${detail}.`}`;
  return sentence.length > ERROR_MAX_CHARS ? `${sentence.slice(0, ERROR_MAX_CHARS - 1)}…` : sentence;
}

/** Mux's thumbnail of a playback id; a signed id needs a thumbnail token (`aud: t`). */
export function muxThumbnailUrl(playbackId: string, token: string | null = null): string {
  const url = `${MUX_THUMBNAIL_BASE}/${encodeURIComponent(playbackId)}/thumbnail.jpg`;
  return token ? `${url}?token=${encodeURIComponent(token)}` : url;
}

/** Mux's HLS playlist of a playback id; a signed id needs a video token (`aud: v`). */
export function muxStreamUrl(playbackId: string, token: string | null = null): string {
  const url = `${MUX_STREAM_BASE}/${encodeURIComponent(playbackId)}.m3u8`;
  return token ? `${url}?token=${encodeURIComponent(token)}` : url;
}
