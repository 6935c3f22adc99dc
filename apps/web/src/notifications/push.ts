/**
 * Web Push in this browser: what it supports, and turning the VAPID public key into the bytes
 * pushManager.subscribe wants. The sentences are what Settings shows when push cannot be turned on.
 */

export type PushSupport =
  | { supported: true }
  | { supported: false; reason: 'no-service-worker' | 'no-push' | 'no-notifications' | 'insecure' };

export interface PushCapabilities {
  isSecureContext: boolean;
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
}

export function pushSupport(c: PushCapabilities): PushSupport {
  if (!c.isSecureContext) return { supported: false, reason: 'insecure' };
  if (!c.hasServiceWorker) return { supported: false, reason: 'no-service-worker' };
  if (!c.hasPushManager) return { supported: false, reason: 'no-push' };
  if (!c.hasNotification) return { supported: false, reason: 'no-notifications' };
  return { supported: true };
}

/** What this browser offers, read from `window` (client only). */
export function browserPushCapabilities(): PushCapabilities {
  return {
    isSecureContext: window.isSecureContext,
    hasServiceWorker: 'serviceWorker' in navigator,
    hasPushManager: 'PushManager' in window,
    hasNotification: 'Notification' in window,
  };
}

export const PUSH_MESSAGES = {
  insecure: 'Push notifications need a secure (https) connection to this site.',
  'no-service-worker': 'This browser cannot run the background script push notifications need.',
  'no-push': 'This browser does not support push notifications. Try a recent Chrome, Edge, Firefox or Safari.',
  'no-notifications': 'This browser does not support notifications.',
  denied:
    'Notifications are blocked for this site. Allow them in your browser’s site settings, then try again.',
  dismissed: 'You closed the permission prompt without allowing notifications. Try again when you are ready.',
  failed: 'This browser could not subscribe to push notifications. Please try again in a moment.',
  enabled: 'Push notifications are on in this browser.',
  disabled: 'Push notifications are off in this browser.',
} as const;

/** The VAPID public key (URL-safe base64) as bytes. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** PushSubscription.toJSON() as the API's pushSubscriptionInput wants it, or null if incomplete. */
export function subscriptionInput(json: PushSubscriptionJSON): { endpoint: string; keys: { p256dh: string; auth: string } } | null {
  const { endpoint, keys } = json;
  if (!endpoint || !keys?.p256dh || !keys.auth) return null;
  return { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}
