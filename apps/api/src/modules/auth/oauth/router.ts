import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OAUTH_PROVIDERS } from '@wt/schemas';
import type { AppServices } from '../../../services';
import { authenticate, continueSignIn, setRefreshCookie } from '../index';
import { createOAuthClient, OAuthFlowError } from './client';
import { configuredProviders, type OAuthProvider } from './providers';
import { connectedProviders, pendingOAuthCookie, resolveOAuthUser, safeReturnTo, savePendingOAuth, takePendingOAuth, unlinkProvider } from './service';

const COOKIE = 'wt_oauth';
const providerParams = z.object({ provider: z.enum(OAUTH_PROVIDERS) });

/**
 * OAuth sign-in and account linking (Google, Discord, Apple), mounted at /api/auth/oauth. The callback
 * URL goes through the web origin (`/api/*` is proxied), so the session cookie it sets is first-party.
 */
export async function oauthRoutes(app: FastifyInstance, opts: { services: AppServices }) {
  const { services } = opts;
  const { env } = services;
  const providers = configuredProviders(env);
  const client = createOAuthClient();
  const webBase = (env.PUBLIC_WEB_URL ?? env.WEB_ORIGIN).replace(/\/+$/, '');
  const redirectUri = (p: OAuthProvider) => `${webBase}/api/auth/oauth/${p.id}/callback`;

  function providerOr404(request: FastifyRequest, reply: FastifyReply): OAuthProvider | null {
    const parsed = providerParams.safeParse(request.params);
    const provider = parsed.success ? providers.find((p) => p.id === parsed.data.provider) : undefined;
    if (!provider) {
      void reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'That sign-in provider is not available here.' } });
      return null;
    }
    return provider;
  }

  async function begin(provider: OAuthProvider, reply: FastifyReply, returnTo: string, linkUserId: string | null) {
    const auth = await client.authorizationUrl(provider, redirectUri(provider));
    const handle = await savePendingOAuth(services, {
      provider: provider.id,
      state: auth.state,
      codeVerifier: auth.codeVerifier,
      nonce: auth.nonce,
      returnTo,
      linkUserId,
    });
    void reply.setCookie(COOKIE, handle, pendingOAuthCookie(env, '/api/auth/oauth'));
    return auth.url;
  }

  /** Sign in (or up) with a provider: a browser navigation. */
  app.get('/:provider/start', async (request, reply) => {
    const provider = providerOr404(request, reply);
    if (!provider) return reply;
    const { returnTo } = request.query as { returnTo?: unknown };
    try {
      return reply.redirect(await begin(provider, reply, safeReturnTo(returnTo), null));
    } catch (err) {
      request.log.warn({ provider: provider.id, err: (err as Error).message }, 'oauth start failed');
      return reply.redirect(signInError('OAUTH_FAILED', `${provider.label} is not reachable right now. Please try again later.`));
    }
  });

  /** Connect a provider to the signed-in account (Settings); answers with the URL to open. */
  app.post('/:provider/link', { preHandler: authenticate }, async (request, reply) => {
    const provider = providerOr404(request, reply);
    if (!provider) return reply;
    const url = await begin(provider, reply, '/settings/account', request.auth!.userId);
    return { url };
  });

  app.get('/accounts', { preHandler: authenticate }, async (request) => ({
    available: providers.map((p) => p.id),
    ...(await connectedProviders(services.db, request.auth!.userId)),
  }));

  app.delete('/:provider', { preHandler: authenticate }, async (request, reply) => {
    const parsed = providerParams.safeParse(request.params);
    if (!parsed.success) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'Unknown provider.' } });
    const result = await unlinkProvider(services.db, request.auth!.userId, parsed.data.provider);
    if (!result.ok) return reply.code(400).send({ error: { code: 'OAUTH_UNLINK_REFUSED', message: result.message } });
    return reply.code(204).send();
  });

  const signInError = (code: string, message: string) =>
    `${webBase}/sign-in?${new URLSearchParams({ oauthError: code, message })}`;

  async function callback(request: FastifyRequest, reply: FastifyReply, params: URLSearchParams) {
    const provider = providerOr404(request, reply);
    if (!provider) return reply;
    const handle = request.cookies[COOKIE];
    void reply.clearCookie(COOKIE, { path: '/api/auth/oauth' });
    const pending = handle ? await takePendingOAuth(services, handle) : null;
    if (!pending || pending.provider !== provider.id) {
      return reply.redirect(signInError('OAUTH_STATE_INVALID', 'That sign-in link has expired or was opened in another browser. Please start again.'));
    }
    try {
      const url = new URL(redirectUri(provider));
      params.forEach((value, key) => url.searchParams.set(key, value));
      const profile = await client.complete(provider, url, pending);
      const resolved = await resolveOAuthUser(services, profile, pending.linkUserId);
      if (!resolved.ok) {
        return reply.redirect(
          pending.linkUserId
            ? `${webBase}/settings/account?${new URLSearchParams({ oauthError: resolved.code, message: resolved.message })}`
            : signInError(resolved.code, resolved.message),
        );
      }
      if (pending.linkUserId) return reply.redirect(`${webBase}${pending.returnTo}?connected=${provider.id}`);
      // The provider is the first factor only: a user with MFA still answers the challenge.
      const result = await continueSignIn(services, resolved.userId, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (result.kind === 'mfa') {
        return reply.redirect(
          `${webBase}/sign-in?${new URLSearchParams({ mfaChallenge: result.challengeToken, next: pending.returnTo })}`,
        );
      }
      setRefreshCookie(reply, services, result.refreshToken, result.refreshExpiresAt);
      return reply.redirect(`${webBase}${pending.returnTo}`);
    } catch (err) {
      if (err instanceof OAuthFlowError) return reply.redirect(signInError(err.code, err.message));
      request.log.error({ provider: provider.id, err }, 'oauth callback failed');
      return reply.redirect(signInError('OAUTH_FAILED', `${provider.label} sign-in failed. Please try again.`));
    }
  }

  app.get('/:provider/callback', (request, reply) =>
    callback(request, reply, new URLSearchParams(request.query as Record<string, string>)),
  );
  // Apple's form_post response.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, new URLSearchParams(body as string)),
    );
    scope.post('/:provider/callback', (request, reply) => callback(request, reply, request.body as URLSearchParams));
  });
}
