'use client';

import { base64UrlToBytes, browserPushCapabilities, pushSupport, PUSH_MESSAGES, subscriptionInput } from './push';

/** What Settings shows about push in this browser. */
export type PushState =
  | { status: 'checking' }
  | { status: 'unsupported'; message: string }
  | { status: 'off'; message: string | null }
  | { status: 'on' };

export interface PushApi {
  vapidPublicKey(): Promise<string>;
  subscribe(input: { endpoint: string; keys: { p256dh: string; auth: string } }): Promise<unknown>;
  unsubscribe(endpoint: string): Promise<unknown>;
}

const SERVICE_WORKER_URL = '/sw.js';

/** Is push on in this browser right now (permission granted and a live subscription)? */
export async function currentPushState(): Promise<PushState> {
  const support = pushSupport(browserPushCapabilities());
  if (!support.supported) return { status: 'unsupported', message: PUSH_MESSAGES[support.reason] };
  if (Notification.permission === 'denied') return { status: 'off', message: PUSH_MESSAGES.denied };
  const registration = await navigator.serviceWorker.getRegistration(SERVICE_WORKER_URL);
  const subscription = await registration?.pushManager.getSubscription();
  return Notification.permission === 'granted' && subscription ? { status: 'on' } : { status: 'off', message: null };
}

/**
 * Registers /sw.js, asks for permission, subscribes with the API's VAPID key and stores the
 * subscription for the signed-in person. Every refusal ends in a sentence, never a thrown error.
 */
export async function enablePush(api: PushApi): Promise<PushState> {
  const support = pushSupport(browserPushCapabilities());
  if (!support.supported) return { status: 'unsupported', message: PUSH_MESSAGES[support.reason] };
  try {
    const permission = await Notification.requestPermission();
    if (permission === 'denied') return { status: 'off', message: PUSH_MESSAGES.denied };
    if (permission !== 'granted') return { status: 'off', message: PUSH_MESSAGES.dismissed };
    await navigator.serviceWorker.register(SERVICE_WORKER_URL);
    const registration = await navigator.serviceWorker.ready;
    const applicationServerKey = base64UrlToBytes(await api.vapidPublicKey());
    let subscription = await registration.pushManager.getSubscription();
    if (subscription && !sameKey(subscription.options.applicationServerKey, applicationServerKey)) {
      // Made with another server key (a reset database): the push service would refuse our pushes.
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
    const input = subscriptionInput(subscription.toJSON());
    if (!input) return { status: 'off', message: PUSH_MESSAGES.failed };
    await api.subscribe(input);
    return { status: 'on' };
  } catch {
    return { status: 'off', message: PUSH_MESSAGES.failed };
  }
}

/** Unsubscribes this browser and tells the API to forget it. */
export async function disablePush(api: PushApi): Promise<PushState> {
  try {
    const registration = await navigator.serviceWorker.getRegistration(SERVICE_WORKER_URL);
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      await api.unsubscribe(subscription.endpoint).catch(() => undefined);
      await subscription.unsubscribe();
    }
    return { status: 'off', message: PUSH_MESSAGES.disabled };
  } catch {
    return { status: 'off', message: PUSH_MESSAGES.failed };
  }
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current) return false;
  const a = new Uint8Array(current);
  return a.length === wanted.length && a.every((byte, i) => byte === wanted[i]);
}
