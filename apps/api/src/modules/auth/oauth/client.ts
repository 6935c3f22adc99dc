import * as oidc from 'openid-client';
import type { OAuthApp, OAuthProfile, OAuthProvider } from './providers';
import { profileFromClaims } from './providers';

/** Thrown for anything that goes wrong talking to a provider; the message is safe to show. */
export class OAuthFlowError extends Error {
  override name = 'OAuthFlowError';
  constructor(
    readonly code: 'OAUTH_FAILED' | 'OAUTH_STATE_INVALID' | 'OAUTH_DENIED',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The provider side of the flow, through openid-client (PKCE + state, and nonce for OIDC). Discovery
 * results are cached per provider for the life of the app.
 */
export function createOAuthClient() {
  const configs = new Map<string, Promise<oidc.Configuration>>();

  function configFor(provider: OAuthApp): Promise<oidc.Configuration> {
    const cached = configs.get(provider.id);
    if (cached) return cached;
    const insecure = provider.protocol.issuer.startsWith('http://');
    const options = insecure ? { execute: [oidc.allowInsecureRequests] } : undefined;
    const pending =
      provider.protocol.kind === 'oidc'
        ? oidc.discovery(new URL(provider.protocol.issuer), provider.clientId, provider.clientSecret, undefined, options)
        : Promise.resolve(
            (() => {
              const config = new oidc.Configuration(
                {
                  issuer: provider.protocol.issuer,
                  authorization_endpoint: provider.protocol.authorizationEndpoint,
                  token_endpoint: provider.protocol.tokenEndpoint,
                },
                provider.clientId,
                provider.clientSecret,
                provider.clientAuthentication === 'basic' ? oidc.ClientSecretBasic(provider.clientSecret) : undefined,
              );
              if (insecure) oidc.allowInsecureRequests(config);
              return config;
            })(),
          );
    // A failed discovery is retried on the next sign-in rather than cached forever.
    pending.catch(() => configs.delete(provider.id));
    configs.set(provider.id, pending);
    return pending;
  }

  /**
   * Exchanges the code from the callback (checking state and PKCE) for the provider's tokens. Throws
   * openid-client's errors; callers turn them into a sentence.
   */
  async function exchangeCode(
    provider: OAuthApp,
    callbackUrl: URL,
    checks: { state: string; codeVerifier: string; nonce: string | null },
  ) {
    return oidc.authorizationCodeGrant(await configFor(provider), callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      ...(checks.nonce ? { expectedNonce: checks.nonce } : {}),
      idTokenExpected: provider.protocol.kind === 'oidc',
    });
  }

  return {
    /** Where to send the browser, plus what must be remembered to check the answer. */
    async authorizationUrl(provider: OAuthApp, redirectUri: string) {
      const config = await configFor(provider);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = provider.protocol.kind === 'oidc' ? oidc.randomNonce() : null;
      const params: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: provider.scope,
        response_type: 'code',
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      };
      if (nonce) params.nonce = nonce;
      if (provider.protocol.kind === 'oidc' && provider.protocol.responseMode) {
        params.response_mode = provider.protocol.responseMode;
      }
      return { url: oidc.buildAuthorizationUrl(config, params).href, state, codeVerifier, nonce };
    },

    exchangeCode,

    /** A fresh access token for a stored refresh token (refresh_token grant). */
    async refresh(provider: OAuthApp, refreshToken: string) {
      return oidc.refreshTokenGrant(await configFor(provider), refreshToken);
    },

    /** Exchanges the code from the callback and returns who signed in. */
    async complete(
      provider: OAuthProvider,
      callbackUrl: URL,
      checks: { state: string; codeVerifier: string; nonce: string | null },
    ): Promise<OAuthProfile> {
      const providerError = callbackUrl.searchParams.get('error');
      if (providerError) {
        throw new OAuthFlowError(
          'OAUTH_DENIED',
          providerError === 'access_denied'
            ? `${provider.label} sign-in was cancelled.`
            : `${provider.label} could not sign you in (${providerError}). Please try again.`,
        );
      }
      const config = await configFor(provider);
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await exchangeCode(provider, callbackUrl, checks);
      } catch (err) {
        throw new OAuthFlowError('OAUTH_FAILED', `${provider.label} sign-in failed: ${safeReason(err)}. Please try again.`);
      }

      let claims: Record<string, unknown>;
      if (provider.protocol.kind === 'oidc') {
        claims = { ...(tokens.claims() ?? {}) };
        // Google puts email and name in the ID token; fill gaps from userinfo when the provider has one.
        if ((!claims.email || !claims.name) && config.serverMetadata().userinfo_endpoint) {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub)).catch(() => null);
          if (info) claims = { ...info, ...claims, email: claims.email ?? info.email, name: claims.name ?? info.name };
        }
      } else {
        const res = await oidc.fetchProtectedResource(
          config,
          tokens.access_token,
          new URL(provider.protocol.userEndpoint),
          'GET',
        );
        if (!res.ok) throw new OAuthFlowError('OAUTH_FAILED', `${provider.label} did not tell us who you are. Please try again.`);
        claims = (await res.json()) as Record<string, unknown>;
      }
      const profile = profileFromClaims(provider.id, claims);
      if (!profile) throw new OAuthFlowError('OAUTH_FAILED', `${provider.label} did not tell us who you are. Please try again.`);
      return profile;
    },
  };
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;

export function safeReason(err: unknown): string {
  // openid-client errors carry protocol codes like "invalid_grant"; never echo tokens or bodies.
  const code = (err as { error?: unknown; code?: unknown })?.error ?? (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'the provider answered unexpectedly';
}
