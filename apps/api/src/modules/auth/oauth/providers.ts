import { OAUTH_PROVIDER_LABELS, type OAuthProviderId } from '@wt/schemas';
import type { Env } from '../../../env';

export type { OAuthProviderId };

type OidcProtocol = { kind: 'oidc'; issuer: string; responseMode?: 'form_post' };
type OAuth2Endpoints = { kind: 'oauth2'; authorizationEndpoint: string; tokenEndpoint: string; issuer: string };

/**
 * What the authorization-code + PKCE half of a flow needs. Sign-in providers and the Spotify connect
 * flow (tokens only, no identity) both are one.
 */
export interface OAuthApp {
  /** Names the app in the client's cache; unique across apps. */
  id: string;
  label: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  protocol: OidcProtocol | OAuth2Endpoints;
  /** How the client secret travels to the token endpoint; the body unless the provider says otherwise. */
  clientAuthentication?: 'post' | 'basic';
}

export interface OAuthProvider extends OAuthApp {
  id: OAuthProviderId;
  /**
   * OpenID Connect providers are found by discovery from their issuer; Discord speaks plain OAuth 2
   * with fixed endpoints and a REST user endpoint.
   */
  protocol: OidcProtocol | (OAuth2Endpoints & { userEndpoint: string });
}

/** Providers whose client id AND secret are configured; the others are not shown anywhere. */
export function configuredProviders(env: Env): OAuthProvider[] {
  const providers: OAuthProvider[] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push({
      id: 'google',
      label: OAUTH_PROVIDER_LABELS.google,
      clientId: env.GOOGLE_CLIENT_ID,
      clientSecret: env.GOOGLE_CLIENT_SECRET,
      scope: 'openid email profile',
      protocol: { kind: 'oidc', issuer: env.GOOGLE_ISSUER ?? 'https://accounts.google.com' },
    });
  }
  if (env.DISCORD_CLIENT_ID && env.DISCORD_CLIENT_SECRET) {
    const base = (env.DISCORD_BASE_URL ?? 'https://discord.com').replace(/\/+$/, '');
    providers.push({
      id: 'discord',
      label: OAUTH_PROVIDER_LABELS.discord,
      clientId: env.DISCORD_CLIENT_ID,
      clientSecret: env.DISCORD_CLIENT_SECRET,
      scope: 'identify email',
      protocol: {
        kind: 'oauth2',
        issuer: base,
        authorizationEndpoint: `${base}/oauth2/authorize`,
        tokenEndpoint: `${base}/api/oauth2/token`,
        userEndpoint: `${base}/api/users/@me`,
      },
    });
  }
  if (env.APPLE_CLIENT_ID && env.APPLE_CLIENT_SECRET) {
    providers.push({
      id: 'apple',
      label: OAUTH_PROVIDER_LABELS.apple,
      clientId: env.APPLE_CLIENT_ID,
      // Apple's "client secret" is a JWT signed with the team's key, generated outside the app.
      clientSecret: env.APPLE_CLIENT_SECRET,
      scope: 'openid email name',
      // Apple posts the result back (form_post) when name or email is requested.
      protocol: { kind: 'oidc', issuer: env.APPLE_ISSUER ?? 'https://appleid.apple.com', responseMode: 'form_post' },
    });
  }
  return providers;
}

/** What a provider tells us about the person, normalised. */
export interface OAuthProfile {
  provider: OAuthProviderId;
  accountId: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  avatarUrl: string | null;
}

/** Turns a provider's claims or user object into an OAuthProfile. */
export function profileFromClaims(provider: OAuthProviderId, claims: Record<string, unknown>): OAuthProfile | null {
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const verified = (v: unknown) => v === true || v === 'true';
  if (provider === 'discord') {
    const id = str(claims.id);
    if (!id) return null;
    const avatar = str(claims.avatar);
    return {
      provider,
      accountId: id,
      email: str(claims.email)?.toLowerCase() ?? null,
      emailVerified: verified(claims.verified),
      name: str(claims.global_name) ?? str(claims.username),
      avatarUrl: avatar ? `https://cdn.discordapp.com/avatars/${id}/${avatar}.png` : null,
    };
  }
  const sub = str(claims.sub);
  if (!sub) return null;
  return {
    provider,
    accountId: sub,
    email: str(claims.email)?.toLowerCase() ?? null,
    emailVerified: verified(claims.email_verified),
    name: str(claims.name) ?? ([str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ') || null),
    avatarUrl: str(claims.picture),
  };
}

/**
 * A username for a new account from the provider's name or email: the seed's rule (3-20 of
 * [a-zA-Z0-9_]), made unique by the caller with a numeric suffix.
 */
export function usernameBase(profile: Pick<OAuthProfile, 'name' | 'email'>): string {
  const source = profile.name ?? profile.email?.split('@')[0] ?? '';
  const cleaned = source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 16);
  if (cleaned.length >= 3) return cleaned;
  return cleaned ? `user_${cleaned}` : 'user';
}
