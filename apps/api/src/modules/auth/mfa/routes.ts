import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mfaChallengeInput, mfaCodeInput, mfaDisableInput } from '@wt/schemas';
import type { AppServices } from '../../../services';
import { authenticate, parseInput, setRefreshCookie, type FailureThrottle } from '../index';
import { perIpLimit } from '../rate-limit';
import { disableMfa, enableMfa, mfaStatus, passMfaChallenge, startMfaSetup } from './service';

// A code is one of 10^6: guessing is what the challenge limit is for (plus 5 wrong codes per challenge).
const CHALLENGE_LIMIT = perIpLimit(10);
const SETTINGS_LIMIT = perIpLimit(20);

function signedInUserId(request: FastifyRequest): string {
  // authenticate ran as preHandler and replied 401 when there was no valid session.
  return request.auth!.userId;
}

export interface MfaRoutesOptions {
  services: AppServices;
  /** The app's per-account failure backoff (app.authThrottle). */
  throttle: FailureThrottle;
}

/** /api/auth/mfa: TOTP enrolment, the sign-in challenge, status and disabling. */
export async function mfaRoutes(app: FastifyInstance, { services, throttle }: MfaRoutesOptions) {

  app.post('/setup', { preHandler: authenticate, config: SETTINGS_LIMIT }, async (request, reply) =>
    // The secret is in this answer: no cache may keep it.
    reply.header('cache-control', 'no-store').send(await startMfaSetup(services, signedInUserId(request))),
  );

  app.post('/enable', { preHandler: authenticate, config: SETTINGS_LIMIT }, async (request, reply) => {
    const { code } = parseInput(mfaCodeInput, request.body);
    return reply.header('cache-control', 'no-store').send(await enableMfa(services, signedInUserId(request), code));
  });

  app.get('/status', { preHandler: authenticate }, async (request) => mfaStatus(services, signedInUserId(request)));

  app.post('/disable', { preHandler: authenticate, config: SETTINGS_LIMIT }, async (request, reply) => {
    const input = parseInput(mfaDisableInput, request.body);
    await disableMfa(services, throttle, signedInUserId(request), input);
    return reply.code(204).send();
  });

  app.post('/challenge', { config: CHALLENGE_LIMIT }, async (request, reply) => {
    const input = parseInput(mfaChallengeInput, request.body);
    const { session, refreshToken, refreshExpiresAt } = await passMfaChallenge(services, throttle, input, {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    setRefreshCookie(reply, services, refreshToken, refreshExpiresAt);
    return reply.header('cache-control', 'no-store').send(session);
  });
}
