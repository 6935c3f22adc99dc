import type { FastifyInstance, FastifyReply } from 'fastify';
import { spotifyConnectInput, type SpotifyStatus } from '@wt/schemas';
import type { AppServices } from '../../services';
import { authenticate } from '../auth/index';
import { createOAuthClient, safeReason } from '../auth/oauth/client';
import { pendingOAuthCookie, safeReturnTo, savePendingOAuth, takePendingOAuth } from '../auth/oauth/service';
import {
  disconnectSpotify,
  isSpotifyConnected,
  saveSpotifyTokens,
  spotifyAccessToken,
  spotifyApp,
  SpotifyUnavailableError,
} from './service';

const COOKIE = 'wt_spotify_oauth';
const COOKIE_PATH = '/api/spotify';

/**
 * Connect Spotify (authorization code + PKCE), mounted at /api/spotify: a signed-in viewer lends the
 * room player a Spotify token for the Web Playback SDK. Never signs anyone in or creates an account.
 * Like sign-in, the callback goes through the web origin (`/api/*` is proxied).
 */
export async function spotifyRoutes(app: FastifyInstance, opts: { services: AppServices }) {
  const { services } = opts;
  const { env } = services;
  const spotify = spotifyApp(env);
  const client = createOAuthClient();
  const webBase = (env.PUBLIC_WEB_URL ?? env.WEB_ORIGIN).replace(/\/+$/, '');
  const redirectUri = `${webBase}/api/spotify/callback`;

  const notConfigured = (reply: FastifyReply) =>
    reply.code(404).send({ error: { code: 'SPOTIFY_NOT_CONFIGURED', message: 'Spotify is not set up on this server.' } });

  app.get('/status', { preHandler: authenticate }, async (request): Promise<SpotifyStatus> => ({
    configured: spotify !== null,
    connected: spotify !== null && (await isSpotifyConnected(services.db, request.auth!.userId)),
  }));

  /** Starts the flow; answers with the Spotify consent URL for the browser to open. */
  app.post('/connect', { preHandler: authenticate }, async (request, reply) => {
    if (!spotify) return notConfigured(reply);
    const input = spotifyConnectInput.safeParse(request.body ?? {});
    const returnTo = safeReturnTo(input.success ? input.data.returnTo : undefined);
    const auth = await client.authorizationUrl(spotify, redirectUri);
    const handle = await savePendingOAuth(services, {
      provider: 'spotify',
      state: auth.state,
      codeVerifier: auth.codeVerifier,
      nonce: null,
      returnTo,
      linkUserId: request.auth!.userId,
    });
    void reply.setCookie(COOKIE, handle, pendingOAuthCookie(env, COOKIE_PATH));
    return { url: auth.url };
  });

  app.get('/callback', async (request, reply) => {
    const handle = request.cookies[COOKIE];
    void reply.clearCookie(COOKIE, { path: COOKIE_PATH });
    const pending = handle ? await takePendingOAuth(services, handle) : null;
    const back = (path: string, params: Record<string, string>) =>
      reply.redirect(`${webBase}${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(params)}`);
    if (!spotify) return notConfigured(reply);
    if (!pending || pending.provider !== 'spotify' || !pending.linkUserId) {
      return back('/home', {
        spotifyError: 'SPOTIFY_STATE_INVALID',
        message: 'That Spotify link has expired or was opened in another browser. Please connect again.',
      });
    }
    const url = new URL(redirectUri);
    for (const [key, value] of Object.entries(request.query as Record<string, string>)) url.searchParams.set(key, value);
    const denied = url.searchParams.get('error');
    if (denied) {
      return back(pending.returnTo, {
        spotifyError: 'SPOTIFY_DENIED',
        message: denied === 'access_denied' ? 'Connecting Spotify was cancelled.' : `Spotify could not connect (${denied}). Please try again.`,
      });
    }
    try {
      const tokens = await client.exchangeCode(spotify, url, { ...pending, nonce: null });
      await saveSpotifyTokens(services, pending.linkUserId, tokens);
      return back(pending.returnTo, { spotify: 'connected' });
    } catch (err) {
      request.log.warn({ reason: safeReason(err) }, 'spotify connect failed');
      return back(pending.returnTo, {
        spotifyError: 'SPOTIFY_FAILED',
        message: `Connecting Spotify failed (${safeReason(err)}). Please try again.`,
      });
    }
  });

  /** The Web Playback SDK's getOAuthToken: a fresh access token for the signed-in viewer. */
  app.get('/token', { preHandler: authenticate }, async (request, reply) => {
    if (!spotify) return notConfigured(reply);
    try {
      const token = await spotifyAccessToken(services, client, spotify, request.auth!.userId);
      if (!token) {
        return reply.code(404).send({
          error: { code: 'SPOTIFY_NOT_CONNECTED', message: 'Connect your Spotify Premium account to listen here.' },
        });
      }
      return { accessToken: token.accessToken, expiresAt: token.expiresAt.toISOString() };
    } catch (err) {
      if (!(err instanceof SpotifyUnavailableError)) throw err;
      request.log.warn({ reason: safeReason(err.cause) }, 'spotify token refresh failed');
      return reply.code(502).send({ error: { code: 'SPOTIFY_UNAVAILABLE', message: err.message } });
    }
  });

  app.delete('/', { preHandler: authenticate }, async (request, reply) => {
    await disconnectSpotify(services.db, request.auth!.userId);
    return reply.code(204).send();
  });
}
