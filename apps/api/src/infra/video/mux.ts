import Mux, { APIError } from '@mux/mux-node';
import type { UnwrapWebhookEvent } from '@mux/mux-node/resources/webhooks/webhooks';
import { muxEnabled, type Env } from '../../env';

/**
 * The Mux port (DESIGN section 2): direct uploads, webhook verification and signed playback, behind the
 * official `@mux/mux-node` SDK. Only this file imports the SDK; the Shorts module sees `MuxVideo`.
 */

export const MUX_DEFAULT_BASE_URL = 'https://api.mux.com';
/** Deliveries signed further than this from our clock, in either direction, are refused. */
export const MUX_WEBHOOK_TOLERANCE_S = 300;

export type MuxWebhookEvent = UnwrapWebhookEvent;
export type MuxPlaybackPolicy = 'signed' | 'public';
export type MuxTokenKind = 'video' | 'thumbnail';

export interface MuxDirectUpload {
  uploadId: string;
  /** Where the browser PUTs the file (a signed storage URL). */
  url: string;
}

export interface MuxVideo {
  /** 'signed' when a signing key is set (every playback needs a token), else 'public'. */
  readonly playbackPolicy: MuxPlaybackPolicy;
  createDirectUpload(input: { episodeId: string; corsOrigin: string }): Promise<MuxDirectUpload>;
  /** The event of a delivery whose `mux-signature` matches the raw body; throws MuxSignatureError otherwise. */
  verifyWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): Promise<MuxWebhookEvent>;
  /** A JWT for a signed playback id, valid until `expiresAt`; null when no signing key is set. */
  signPlayback(playbackId: string, expiresAt: Date, kind?: MuxTokenKind): Promise<string | null>;
}

export type MuxSignatureProblem = 'missing' | 'malformed' | 'mismatch' | 'stale' | 'future';

export class MuxSignatureError extends Error {
  override name = 'MuxSignatureError';
  constructor(
    readonly problem: MuxSignatureProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Mux could not be reached or refused a call; the message never carries the token secret. */
export class MuxRequestError extends Error {
  override name = 'MuxRequestError';
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

const SIGNATURE_SENTENCES: Record<MuxSignatureProblem, string> = {
  missing: 'The mux-signature header is missing.',
  malformed: 'The mux-signature header is not of the form t=<timestamp>,v1=<signature>.',
  mismatch: 'The mux-signature does not match this body and the webhook secret.',
  stale: `The mux-signature timestamp is more than ${MUX_WEBHOOK_TOLERANCE_S} seconds old.`,
  future: `The mux-signature timestamp is more than ${MUX_WEBHOOK_TOLERANCE_S} seconds in the future.`,
};

/**
 * Reads the timestamp of a `mux-signature` header (`t=<unix s>,v1=<hex>[,v1=...]`) and places it against
 * the clock. The SDK refuses old timestamps only; a future-dated one would let a leaked signature be
 * replayed for longer, so both sides are checked here.
 */
export function checkSignatureTimestamp(
  header: string | undefined,
  nowMs: number,
  toleranceS = MUX_WEBHOOK_TOLERANCE_S,
): MuxSignatureProblem | null {
  if (!header) return 'missing';
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = parts.find(([key]) => key === 't')?.[1];
  const hasV1 = parts.some(([key, value]) => key === 'v1' && Boolean(value));
  if (!t || !/^\d{1,12}$/.test(t) || !hasV1) return 'malformed';
  const ageS = Math.floor(nowMs / 1000) - Number(t);
  if (ageS > toleranceS) return 'stale';
  if (ageS < -toleranceS) return 'future';
  return null;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The Mux adapter. Every setting is passed to the SDK explicitly (null when unset): left out, the SDK
 * would read MUX_* from process.env itself, and only env.ts reads the environment here.
 */
export function createMuxVideo(env: Env, options: { now?: () => Date } = {}): MuxVideo {
  if (!muxEnabled(env)) {
    throw new Error('Mux is not configured: set MUX_TOKEN_ID, MUX_TOKEN_SECRET and MUX_WEBHOOK_SECRET.');
  }
  const now = options.now ?? (() => new Date());
  const signing = Boolean(env.MUX_SIGNING_KEY_ID && env.MUX_SIGNING_PRIVATE_KEY);
  const client = new Mux({
    tokenId: env.MUX_TOKEN_ID ?? null,
    tokenSecret: env.MUX_TOKEN_SECRET ?? null,
    webhookSecret: env.MUX_WEBHOOK_SECRET ?? null,
    jwtSigningKey: env.MUX_SIGNING_KEY_ID ?? null,
    // Base64 of the PEM, as the Mux dashboard hands it out; the SDK decodes it.
    jwtPrivateKey: env.MUX_SIGNING_PRIVATE_KEY ?? null,
    authorizationToken: null,
    baseURL: (env.MUX_BASE_URL ?? MUX_DEFAULT_BASE_URL).replace(/\/+$/, ''),
    timeout: 20_000,
  });
  const playbackPolicy: MuxPlaybackPolicy = signing ? 'signed' : 'public';
  const secret = env.MUX_TOKEN_SECRET ?? '';

  return {
    playbackPolicy,

    async createDirectUpload({ episodeId, corsOrigin }) {
      let upload;
      try {
        upload = await client.video.uploads.create({
          cors_origin: corsOrigin,
          new_asset_settings: { playback_policies: [playbackPolicy], passthrough: episodeId },
        });
      } catch (err) {
        const status = err instanceof APIError && typeof err.status === 'number' ? err.status : null;
        const message = err instanceof Error ? err.message : String(err);
        const detail = secret ? message.split(secret).join('[redacted]') : message;
        throw new MuxRequestError(
          status === null ? `Mux could not be reached to create an upload: ${detail}` : `Mux refused to create an upload (${status}): ${detail}`,
          status,
        );
      }
      if (!upload.url) throw new MuxRequestError(`Mux created upload ${upload.id} without an upload URL.`, null);
      return { uploadId: upload.id, url: upload.url };
    },

    async verifyWebhook(rawBody, headers) {
      const header = headerValue(headers, 'mux-signature');
      const problem = checkSignatureTimestamp(header, now().getTime());
      if (problem) throw new MuxSignatureError(problem, SIGNATURE_SENTENCES[problem]);
      try {
        return await client.webhooks.unwrap(rawBody, { 'mux-signature': header! });
      } catch (err) {
        // The SDK says why in its own words; ours are the sentences above.
        const stale = err instanceof Error && /too old/i.test(err.message);
        const reason: MuxSignatureProblem = stale ? 'stale' : err instanceof SyntaxError ? 'malformed' : 'mismatch';
        throw new MuxSignatureError(reason, reason === 'malformed' ? 'The webhook body is not JSON.' : SIGNATURE_SENTENCES[reason]);
      }
    },

    async signPlayback(playbackId, expiresAt, kind = 'video') {
      if (!signing) return null;
      // The SDK counts `expiration` from the wall clock when it signs.
      const lifetimeS = Math.max(1, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
      return client.jwt.signPlaybackId(playbackId, { type: kind, expiration: `${lifetimeS}s` });
    },
  };
}

const cached = new WeakMap<Env, MuxVideo>();

/** One adapter per validated env (the SDK client and its imported key are reused). */
export function muxVideoFor(env: Env): MuxVideo {
  let mux = cached.get(env);
  if (!mux) {
    mux = createMuxVideo(env);
    cached.set(env, mux);
  }
  return mux;
}
