import webpush from 'web-push';
import { PushDeliveryError, type PushMessage, type PushOutcome, type VapidKeys, type WebPushTarget } from './types';

export interface WebPushAdapterOptions {
  vapid: VapidKeys;
  /** How long a push service keeps an undelivered message (TTL header). */
  ttlSeconds?: number;
  timeoutMs?: number;
}

const DEFAULT_TTL_SECONDS = 24 * 3600;
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Web Push through the `web-push` library: it signs the VAPID JWT and encrypts the payload
 * (aes128gcm, RFC 8291); the request itself goes out with fetch, so an http:// endpoint (a test's
 * local push service) works as well as the real https:// ones.
 */
export function createWebPushAdapter(options: WebPushAdapterOptions) {
  const { vapid } = options;
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    kind: 'web' as const,
    publicKey: vapid.publicKey,
    async send(target: WebPushTarget, message: PushMessage): Promise<PushOutcome> {
      let request: { method: string; headers: Record<string, string | number>; body: Buffer | null; endpoint: string };
      try {
        request = webpush.generateRequestDetails(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          JSON.stringify(message),
          {
            vapidDetails: vapid,
            TTL: ttl,
            ...(message.tag ? { topic: topicOf(message.tag) } : {}),
          },
        ) as typeof request;
      } catch (err) {
        // Keys a browser would never produce: no retry can help.
        throw new PushDeliveryError(`The push subscription could not be used: ${(err as Error).message}`, { retryable: false });
      }
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      let response: Response;
      try {
        response = await fetch(request.endpoint, {
          method: request.method,
          headers,
          body: request.body ? new Uint8Array(request.body) : null,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new PushDeliveryError(`The push service at ${hostOf(target.endpoint)} did not answer: ${(err as Error).message}`, {
          retryable: true,
        });
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 404 || response.status === 410) return 'gone';
      if (response.ok) return 'delivered';
      throw new PushDeliveryError(`The push service at ${hostOf(target.endpoint)} answered ${response.status}.`, {
        status: response.status,
        retryable: response.status === 429 || response.status >= 500,
      });
    },
  };
}

export type WebPushAdapter = ReturnType<typeof createWebPushAdapter>;

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'an unknown address';
  }
}

/** Topic header: at most 32 URL-safe base64 characters. */
function topicOf(tag: string): string {
  return Buffer.from(tag).toString('base64url').slice(0, 32);
}
