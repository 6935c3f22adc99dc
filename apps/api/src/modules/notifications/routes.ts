import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../services';

/** REST for what a service worker or a plain script needs without tRPC. */
export async function notificationRoutes(app: FastifyInstance, { services }: { services: AppServices }) {
  // Public: the key is public by design (browsers pass it to pushManager.subscribe).
  app.get('/vapid-public-key', async () => ({ publicKey: services.push.webPublicKey }));
}
