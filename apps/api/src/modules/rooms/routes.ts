import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inviteQuery, inviteUserInput, roomIdSchema } from '@wt/schemas';
import type { AppServices } from '../../services';
import { authenticate, authErrors, perIpLimit } from '../auth';
import { parsePayload } from './errors';
import { createInvite, inviteUser } from './service';

/** Invites are made by people clicking, not scripts: a per-IP budget on top of the global one. */
const PER_IP_LIMIT = perIpLimit(60);

function userOf(request: FastifyRequest): string {
  if (!request.auth) throw authErrors.unauthenticated();
  return request.auth.userId;
}

/**
 * Seed 000's REST endpoints of the invite system under /api/rooms. Refusals are RoomErrors, turned into
 * `{ error: { code, message } }` with their status by the app's error handler.
 */
export async function roomRoutes(app: FastifyInstance, { services }: { services: AppServices }) {
  const deps = { db: services.db, now: services.now, webOrigin: services.env.PUBLIC_WEB_URL ?? services.env.WEB_ORIGIN };
  const signedIn = { preHandler: authenticate, config: PER_IP_LIMIT };

  app.get<{ Params: { id: string } }>('/:id/invite', signedIn, async (request) => {
    const roomId = parsePayload(roomIdSchema, request.params.id);
    return createInvite(deps, userOf(request), roomId, parsePayload(inviteQuery, request.query ?? {}));
  });

  app.post<{ Params: { id: string } }>('/:id/invite-user', signedIn, async (request, reply) => {
    const roomId = parsePayload(roomIdSchema, request.params.id);
    const { userId } = parsePayload(inviteUserInput, request.body ?? {});
    await inviteUser(services, userOf(request), roomId, userId);
    return reply.code(201).send({ ok: true });
  });
}
