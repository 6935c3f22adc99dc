import type { OAuthProviderId } from '@wt/schemas';

export {
  OAUTH_PROVIDERS,
  OAUTH_PROVIDER_LABELS,
  connectedAccountsSchema,
  mfaRequiredSchema,
  oauthLinkResponseSchema,
  providersResponseSchema,
  signInResponseSchema,
  signUpResponseSchema,
  verificationSentSchema,
  type ConnectedAccounts,
  type OAuthProviderId,
} from '@wt/schemas';

/** Where the OAuth buttons point: a browser navigation that comes back signed in to `returnTo`. */
export function oauthStartUrl(provider: OAuthProviderId, returnTo: string): string {
  return `/api/auth/oauth/${provider}/start?${new URLSearchParams({ returnTo })}`;
}
