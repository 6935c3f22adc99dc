import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  changeEmailInput,
  changePasswordInput,
  confirmEmailChangeInput,
  deactivateInput,
  deleteAccountInput,
} from '@wt/schemas';
import type { AppServices } from '../../services';
import { authenticate, authErrors, parseInput, perIpLimit, type FailureThrottle } from '../auth';
import {
  changePassword,
  confirmEmailChange,
  deactivateAccount,
  requestAccountDeletion,
  requestEmailChange,
  type Actor,
} from './service';

/** Each route checks a password or a token: a per-IP budget on top of the per-account backoff. */
const PER_IP_LIMIT = perIpLimit(10);

function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw authErrors.unauthenticated();
  return { userId: request.auth.userId, sessionId: request.auth.sessionId };
}

export interface AccountRoutesOptions {
  services: AppServices;
  /** The app's per-account failure backoff (app.authThrottle). */
  throttle: FailureThrottle;
}

/**
 * Settings > Account under /api/account: thin handlers that parse the shared schema and call the
 * service. Refusals are AuthErrors, turned into `{ error: { code, message, fields? } }` once by the
 * app's error handler.
 */
export async function accountRoutes(app: FastifyInstance, { services, throttle }: AccountRoutesOptions) {
  const deps = { services, throttle };
  const signedIn = { preHandler: authenticate, config: PER_IP_LIMIT };

  app.post('/deactivate', signedIn, async (request, reply) => {
    await deactivateAccount(deps, actorOf(request), parseInput(deactivateInput, request.body));
    return reply.code(204).send();
  });

  app.post('/delete', signedIn, async (request, reply) => {
    await requestAccountDeletion(deps, actorOf(request), parseInput(deleteAccountInput, request.body));
    return reply.code(202).send({ status: 'deletion_scheduled' });
  });

  app.post('/change-password', signedIn, async (request, reply) => {
    await changePassword(deps, actorOf(request), parseInput(changePasswordInput, request.body));
    return reply.code(204).send();
  });

  app.post('/change-email', signedIn, async (request, reply) => {
    const result = await requestEmailChange(
      deps,
      actorOf(request),
      parseInput(changeEmailInput, request.body),
    );
    return reply.code(202).send(result);
  });

  // The link may be opened on a device that is not signed in: the token is the credential.
  app.post('/confirm-email-change', { config: PER_IP_LIMIT }, async (request) =>
    confirmEmailChange(services, parseInput(confirmEmailChangeInput, request.body).token),
  );
}
