import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed playback tokens (issue 9): `<payload>.<mac>`, both base64url, the payload `{ a, e }` (asset id,
 * expiry in Unix seconds) and the MAC an HMAC-SHA256 under a key derived from the auth secret. The token
 * sits in the URL path (`/api/play/<token>/hls/master.m3u8`), so the relative playlist and segment URLs
 * inside an HLS playlist carry it without any rewriting, and every one of those requests is checked.
 * A token is issued only after the access check (free episode, or the viewer holds the season).
 */

export interface PlaybackClaims {
  assetId: string;
  /** Unix seconds. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: PlaybackClaims } | { ok: false; reason: 'invalid' | 'expired' };

const b64 = (buf: Buffer) => buf.toString('base64url');

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

/** The playback key: its own purpose under the auth secret, so a playback token is never a session token. */
export function playbackKey(authSecret: Uint8Array): Buffer {
  return createHmac('sha256', authSecret).update('wt-playback-token-v1').digest();
}

export function signPlaybackToken(key: Uint8Array, claims: PlaybackClaims): string {
  const payload = b64(Buffer.from(JSON.stringify({ a: claims.assetId, e: claims.expiresAt })));
  return `${payload}.${b64(mac(key, payload))}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function verifyPlaybackToken(key: Uint8Array, token: string, nowMs: number): TokenCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 400) return { ok: false, reason: 'invalid' };
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const { a, e } = (parsed ?? {}) as { a?: unknown; e?: unknown };
  if (typeof a !== 'string' || !UUID.test(a) || typeof e !== 'number' || !Number.isInteger(e)) return { ok: false, reason: 'invalid' };
  if (e * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { assetId: a, expiresAt: e } };
}
