import type { FastifyRequest } from 'fastify';
import { authErrors } from './errors';

/**
 * Route config for a per-IP budget (requests per minute) on top of the per-account backoff, answered
 * with the auth 429 body (RATE_LIMITED and the wait). Shared by the auth, MFA and account routes.
 */
export function perIpLimit(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
        authErrors.rateLimited(Math.ceil(context.ttl / 1000), 'requests from your network'),
    },
  };
}
