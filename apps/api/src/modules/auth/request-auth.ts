import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../services';
import { AuthError, authErrors } from './errors';
import { authenticateToken, bearerToken, type AuthContext } from './session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the `authenticate` preHandler; null on routes that do not use it. */
    auth: AuthContext | null;
  }
}

/**
 * Fastify preHandler for routes that need a signed-in user: verifies `Authorization: Bearer <access>`
 * and the session, then sets `request.auth`; otherwise 401 UNAUTHENTICATED / TOKEN_EXPIRED /
 * TOKEN_INVALID / SESSION_REVOKED through the app's error mapping.
 */
export async function authenticate(request: FastifyRequest): Promise<void> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw authErrors.unauthenticated();
  const { userId, sessionId, role } = await authenticateToken(request.server.services, token);
  request.auth = { userId, sessionId, role };
}

/** The signed-in user of a request when there is one (tRPC context): never throws for a bad token. */
export async function optionalAuth(
  services: AppServices,
  request: { headers: IncomingHttpHeaders },
): Promise<{ auth: AuthContext | null; authError: AuthError | null }> {
  const token = bearerToken(request.headers.authorization);
  if (!token) return { auth: null, authError: null };
  try {
    const { userId, sessionId, role } = await authenticateToken(services, token);
    return { auth: { userId, sessionId, role }, authError: null };
  } catch (err) {
    if (err instanceof AuthError) return { auth: null, authError: err };
    throw err;
  }
}
