import type { FastifyInstance } from 'fastify';
import { muxEnabled } from '../../../env';
import { createMuxVideo, MuxSignatureError, type MuxVideo } from '../../../infra/video/mux';
import type { AppServices } from '../../../services';
import { receiveMuxDelivery, retryMuxDeliveries, type MuxDeliveryDeps } from './deliveries';
import { parseDelivery } from './events';

/**
 * POST /api/webhooks/mux (issue 9). The signature covers the exact bytes Mux sent, so this scope keeps
 * the body as a Buffer (no JSON parser runs before the check). A bad, stale or future-dated signature
 * is answered 400 and nothing is stored; a verified delivery is stored once and answered 200, also when
 * its processing failed (the stored delivery is retried by the sweep, every SWEEP_INTERVAL_MS).
 */

export const MUX_WEBHOOK_PATH = '/api/webhooks/mux';
const BODY_LIMIT_BYTES = 1024 * 1024;
export const SWEEP_INTERVAL_MS = 60_000;

export interface MuxWebhookOptions {
  services: AppServices;
  /** Tests hand in their own adapter; default: the SDK adapter from env. */
  mux?: MuxVideo;
  sweepIntervalMs?: number;
}

function refusal(code: string, message: string) {
  return { error: { code, message } };
}

export async function muxWebhookRoutes(app: FastifyInstance, options: MuxWebhookOptions) {
  const { services } = options;
  if (!muxEnabled(services.env)) return;
  const mux = options.mux ?? createMuxVideo(services.env, { now: services.now });
  const deps: MuxDeliveryDeps = {
    db: services.db,
    now: services.now,
    playbackPolicy: mux.playbackPolicy,
    log: services.log,
  };

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  app.post('/', async (request, reply) => {
    const rawBody = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
    let verified: unknown;
    try {
      verified = await mux.verifyWebhook(rawBody, request.headers);
    } catch (err) {
      if (err instanceof MuxSignatureError) return reply.code(400).send(refusal('INVALID_SIGNATURE', err.message));
      throw err;
    }
    const delivery = parseDelivery(verified);
    if (!delivery) return reply.code(400).send(refusal('VALIDATION_FAILED', 'The webhook body has no event id or type.'));
    const received = await receiveMuxDelivery(deps, delivery, rawBody);
    return reply.code(200).send({ received: true, duplicate: received.duplicate });
  });

  // Deliveries left unprocessed (processing threw, or the process stopped in between) are applied at
  // start-up and then every interval; processing is idempotent, so several instances may sweep at once.
  let running: Promise<unknown> | null = null;
  const sweep = () => {
    running ??= retryMuxDeliveries(deps)
      .catch((err: unknown) => services.log.warn({ err }, 'mux webhook: the retry sweep failed; it runs again later'))
      .finally(() => {
        running = null;
      });
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweep();
    timer = setInterval(sweep, options.sweepIntervalMs ?? SWEEP_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await running;
  });
}
