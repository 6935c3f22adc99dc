import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../services';
import { assertSameOrigin, clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './cookies';
import { AuthError, authErrors } from './errors';
import { configuredProviders } from './oauth/providers';
import { authenticate } from './request-auth';
import {
  forgotPassword,
  refreshSession,
  resendVerification,
  resetPassword,
  signIn,
  signOut,
  signUp,
  verifyEmail,
  type SignInResult,
} from './service';
import { bearerToken, loadAuthUser, type SessionMeta, type StartedSession } from './session';
import type { FailureThrottle } from './throttle';
import { verifyAccessToken } from './tokens';
import { perIpLimit } from './rate-limit';

export interface AuthRoutesOptions {
  services: AppServices;
  throttle: FailureThrottle;
}


function metaOf(request: FastifyRequest): SessionMeta {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  return request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
}

/**
 * REST routes of /api/auth (the contract in packages/schemas/src/auth.ts). Handlers parse the transport
 * (cookies, headers) and call service.ts; errors are AuthErrors mapped once by the app's error handler.
 */
export async function authRoutes(app: FastifyInstance, { services, throttle }: AuthRoutesOptions) {
  // In this scope only: an empty JSON body (a bare `fetch` POST to /sign-out or /refresh) is `{}`, and
  // malformed JSON is answered in the auth error shape.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AuthError('VALIDATION_FAILED', 400, 'The request could not be read. Reload the page and try again.'), undefined);
    }
  });

  /** A session reply: the cookie for web; a client that sent its refresh token in the body gets it back there. */
  function sendSession(reply: FastifyReply, started: StartedSession, status: number, bodyClient = false) {
    setRefreshCookie(reply, services, started.refreshToken, started.refreshExpiresAt);
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .send(bodyClient ? { ...started.session, refreshToken: started.refreshToken } : started.session);
  }

  function sendSignIn(reply: FastifyReply, result: SignInResult) {
    if (result.kind === 'mfa') return reply.code(200).send({ mfaRequired: true, challengeToken: result.challengeToken });
    return sendSession(reply, result, 200);
  }

  app.post('/sign-up', { config: perIpLimit(10) }, async (request, reply) => {
    const result = await signUp(services, throttle, request.body, metaOf(request));
    if (result.kind === 'verification_sent') return reply.code(201).send({ status: 'verification_sent', email: result.email });
    return sendSession(reply, result, 201);
  });

  app.post('/sign-in', { config: perIpLimit(20) }, async (request, reply) =>
    sendSignIn(reply, await signIn(services, throttle, request.body, metaOf(request))),
  );

  app.post('/refresh', { config: perIpLimit(60) }, async (request, reply) => {
    const fromBody = bodyOf(request).refreshToken;
    const bodyToken = typeof fromBody === 'string' && fromBody.length > 0 ? fromBody : null;
    const cookieToken = bodyToken ? null : refreshCookieOf(request);
    if (cookieToken) assertSameOrigin(request, services);
    const token = bodyToken ?? cookieToken;
    if (!token) throw authErrors.unauthenticated();
    try {
      return sendSession(reply, await refreshSession(services, token), 200, bodyToken !== null);
    } catch (err) {
      // Whatever was wrong with it, the browser should stop sending this cookie.
      if (cookieToken) clearRefreshCookie(reply, services);
      throw err;
    }
  });

  app.post('/sign-out', async (request, reply) => {
    const fromBody = bodyOf(request).refreshToken;
    const bodyToken = typeof fromBody === 'string' && fromBody.length > 0 ? fromBody : null;
    const cookieToken = refreshCookieOf(request);
    if (cookieToken && !bodyToken) assertSameOrigin(request, services);
    // An expired access token still names the session to end.
    const access = bearerToken(request.headers.authorization);
    const claims = access ? await verifyAccessToken(services, access, { ignoreExpiry: true }).catch(() => null) : null;
    await signOut(services, { refreshToken: bodyToken ?? cookieToken, sessionId: claims?.sessionId ?? null });
    clearRefreshCookie(reply, services);
    return reply.code(204).send();
  });

  app.post('/verify-email', { config: perIpLimit(20) }, async (request, reply) =>
    sendSignIn(reply, await verifyEmail(services, request.body, metaOf(request))),
  );

  app.post('/resend-verification', { config: perIpLimit(5) }, async (request, reply) => {
    await resendVerification(services, throttle, request.body);
    return reply.code(202).send({ status: 'accepted' });
  });

  app.post('/forgot-password', { config: perIpLimit(5) }, async (request, reply) => {
    await forgotPassword(services, throttle, request.body);
    return reply.code(202).send({ status: 'accepted' });
  });

  app.post('/reset-password', { config: perIpLimit(10) }, async (request, reply) => {
    await resetPassword(services, throttle, request.body);
    return reply.code(200).send({ ok: true });
  });

  app.get('/me', { preHandler: authenticate }, async (request, reply) => {
    const user = await loadAuthUser(services.db, request.auth!.userId);
    if (!user) throw authErrors.sessionRevoked();
    return reply.header('cache-control', 'no-store').send({ user });
  });

  app.get('/providers', async () => ({ providers: configuredProviders(services.env).map((p) => p.id) }));
}
