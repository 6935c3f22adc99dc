import { and, eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { schema, type Database } from '@wt/db';
import type { Env } from '../../env';
import type { AppServices } from '../../services';
import type { OAuthClient } from '../auth/oauth/client';
import type { OAuthApp } from '../auth/oauth/providers';

const PROVIDER_ID = 'spotify';
/** `streaming` is what the Web Playback SDK needs; the SDK also reads the profile (Premium or not). */
export const SPOTIFY_SCOPE = 'streaming user-read-email user-read-private';
/** A token this close to expiring is refreshed first, so the SDK never gets one that dies mid-call. */
const REFRESH_MARGIN_MS = 60_000;

/** Spotify as an OAuth app, or null when the server has no Spotify client configured. */
export function spotifyApp(env: Env): OAuthApp | null {
  if (!env.SPOTIFY_CLIENT_ID || !env.SPOTIFY_CLIENT_SECRET) return null;
  const base = env.SPOTIFY_ACCOUNTS_URL.replace(/\/+$/, '');
  return {
    id: PROVIDER_ID,
    label: 'Spotify',
    clientId: env.SPOTIFY_CLIENT_ID,
    clientSecret: env.SPOTIFY_CLIENT_SECRET,
    scope: SPOTIFY_SCOPE,
    protocol: {
      kind: 'oauth2',
      issuer: base,
      authorizationEndpoint: `${base}/authorize`,
      tokenEndpoint: `${base}/api/token`,
    },
    // Spotify's documented token request sends the client credentials as HTTP Basic.
    clientAuthentication: 'basic',
  };
}

/** Spotify failed in a way a retry may fix; the message is safe to show. */
export class SpotifyUnavailableError extends Error {
  override name = 'SpotifyUnavailableError';
}

type TokenResponse = Awaited<ReturnType<OAuthClient['refresh']>>;

const whereSpotifyOf = (userId: string) =>
  and(eq(schema.accounts.userId, userId), eq(schema.accounts.providerId, PROVIDER_ID));

/**
 * Stores the tokens of a finished connect flow for the signed-in user, replacing an earlier connection.
 * The account id is our user id: connecting only borrows playback tokens, so we never need (or ask the
 * Web API for) the Spotify user id, and one WatchTogether account holds at most one connection.
 */
export async function saveSpotifyTokens(services: AppServices, userId: string, tokens: TokenResponse): Promise<void> {
  const values = tokenColumns(services.now(), tokens);
  await services.db
    .insert(schema.accounts)
    .values({ userId, providerId: PROVIDER_ID, accountId: userId, ...values, refreshToken: tokens.refresh_token ?? null })
    .onConflictDoUpdate({
      target: [schema.accounts.providerId, schema.accounts.accountId],
      set: { ...values, refreshToken: tokens.refresh_token ?? null, updatedAt: services.now() },
    });
}

function tokenColumns(now: Date, tokens: TokenResponse) {
  const expiresInS = typeof tokens.expires_in === 'number' ? tokens.expires_in : 3600;
  return {
    accessToken: tokens.access_token,
    accessTokenExpiresAt: new Date(now.getTime() + expiresInS * 1000),
    ...(tokens.scope ? { scope: tokens.scope } : {}),
  };
}

export async function isSpotifyConnected(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: schema.accounts.id }).from(schema.accounts).where(whereSpotifyOf(userId));
  return Boolean(row);
}

export async function disconnectSpotify(db: Database, userId: string): Promise<void> {
  await db.delete(schema.accounts).where(whereSpotifyOf(userId));
}

/**
 * A usable access token for the user's Spotify connection, refreshed through the token endpoint when it
 * has (nearly) expired; null when not connected, or when Spotify no longer honours the refresh token
 * (access revoked), in which case the dead connection is removed so the viewer is offered to reconnect.
 */
export async function spotifyAccessToken(
  services: AppServices,
  client: OAuthClient,
  app: OAuthApp,
  userId: string,
): Promise<{ accessToken: string; expiresAt: Date } | null> {
  const [row] = await services.db
    .select({
      id: schema.accounts.id,
      accessToken: schema.accounts.accessToken,
      refreshToken: schema.accounts.refreshToken,
      expiresAt: schema.accounts.accessTokenExpiresAt,
    })
    .from(schema.accounts)
    .where(whereSpotifyOf(userId));
  if (!row) return null;
  const now = services.now();
  if (row.accessToken && row.expiresAt && row.expiresAt.getTime() - REFRESH_MARGIN_MS > now.getTime()) {
    return { accessToken: row.accessToken, expiresAt: row.expiresAt };
  }
  if (!row.refreshToken) {
    await disconnectSpotify(services.db, userId);
    return null;
  }

  let tokens: TokenResponse;
  try {
    tokens = await client.refresh(app, row.refreshToken);
  } catch (err) {
    if (err instanceof oidc.ResponseBodyError && err.error === 'invalid_grant') {
      await disconnectSpotify(services.db, userId);
      return null;
    }
    throw new SpotifyUnavailableError('Spotify is not reachable right now. Please try again in a moment.', { cause: err });
  }
  const values = tokenColumns(now, tokens);
  await services.db
    .update(schema.accounts)
    // Spotify may rotate the refresh token; when it does not send one, the old one stays valid.
    .set({ ...values, ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}), updatedAt: now })
    .where(eq(schema.accounts.id, row.id));
  return { accessToken: values.accessToken, expiresAt: values.accessTokenExpiresAt };
}
