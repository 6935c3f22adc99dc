import type { Database } from '@wt/db';
import { loadVapidKeys, type VapidEnv } from './vapid';
import { createWebPushAdapter } from './web-push';
import type { PushPort } from './types';

export { PushDeliveryError, type PushMessage, type PushOutcome, type PushPort, type PushTarget, type VapidKeys } from './types';
export { loadVapidKeys, vapidSubject } from './vapid';

/** The push port of this process: Web Push with the shared VAPID pair (an Expo adapter joins here later). */
export async function createPushPort(db: Database, env: VapidEnv): Promise<PushPort> {
  const web = createWebPushAdapter({ vapid: await loadVapidKeys(db, env) });
  return {
    webPublicKey: web.publicKey,
    send: (target, message) => web.send(target, message),
  };
}
