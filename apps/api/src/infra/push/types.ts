/**
 * The push port (issue 6): sends one short notification to one device. Web Push (browsers, VAPID) is
 * the adapter today; an Expo adapter (mobile app tokens) can join as another `PushTarget` kind.
 */

/** What a device shows: the service worker (sw.js) reads exactly this JSON. */
export interface PushMessage {
  title: string;
  body: string | null;
  /** Opened when the notification is clicked (a path of the web app, or null). */
  url: string | null;
  /** Same tag replaces an earlier notification on the device instead of stacking. */
  tag?: string;
}

/** A browser's PushSubscription as stored in push_subscriptions. */
export interface WebPushTarget {
  kind: 'web';
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushTarget = WebPushTarget;

/** `gone`: the push service says the subscription no longer exists (404/410): forget it. */
export type PushOutcome = 'delivered' | 'gone';

export interface PushPort {
  /** The VAPID public key browsers subscribe with (applicationServerKey). */
  readonly webPublicKey: string;
  send(target: PushTarget, message: PushMessage): Promise<PushOutcome>;
}

/**
 * A push service did not take the message. `retryable` tells the job whether trying later can help
 * (429, 5xx, network failures) or not (a malformed subscription, 400/403/413).
 */
export class PushDeliveryError extends Error {
  override name = 'PushDeliveryError';
  readonly status: number | null;
  readonly retryable: boolean;

  constructor(message: string, details: { status?: number | null; retryable: boolean }) {
    super(message);
    this.status = details.status ?? null;
    this.retryable = details.retryable;
  }
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact the push services may use (VAPID `sub`). */
  subject: string;
}
