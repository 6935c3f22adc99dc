import type { FastifyInstance } from 'fastify';
import { devOutboxQuery, type DevOutboxResponse } from '@wt/schemas';
import { listOutboxMessages } from '../../infra/mail/outbox';
import type { AppServices } from '../../services';

/**
 * Development helpers under /api/dev. Unauthenticated on purpose: they exist so a newcomer can read
 * the mail the app "sent" with no mail provider; production answers 404 as if they did not exist.
 */
export async function devRoutes(app: FastifyInstance, opts: { services: AppServices }) {
  const { services } = opts;

  app.get('/outbox', async (request, reply) => {
    if (services.env.NODE_ENV === 'production') {
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', message: 'The dev outbox exists only in development.' } });
    }
    const parsed = devOutboxQuery.safeParse(request.query);
    if (!parsed.success) {
      const fields = Object.fromEntries(
        parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
      );
      return reply.code(400).send({
        error: { code: 'VALIDATION_FAILED', message: 'Check the outbox filter and try again.', fields },
      });
    }
    const messages = await listOutboxMessages(services.db, parsed.data);
    const body: DevOutboxResponse = {
      messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    };
    return body;
  });
}
