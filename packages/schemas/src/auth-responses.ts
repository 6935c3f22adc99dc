import { z } from 'zod';
import { authSessionSchema } from './auth';

/** Shapes of the auth answers: the sign-up and sign-in unions and the OAuth provider lists. */

export const OAUTH_PROVIDERS = ['google', 'discord', 'apple'] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDERS)[number];

export const OAUTH_PROVIDER_LABELS: Record<OAuthProviderId, string> = {
  google: 'Google',
  discord: 'Discord',
  apple: 'Apple',
};

/** 201 of POST /api/auth/sign-up when the email must be verified first. */
export const verificationSentSchema = z.object({ status: z.literal('verification_sent'), email: z.string() });

/** 200 of POST /api/auth/sign-in for an account with two-step verification. */
export const mfaRequiredSchema = z.object({ mfaRequired: z.literal(true), challengeToken: z.string() });

export const signUpResponseSchema = z.union([verificationSentSchema, authSessionSchema]);
export const signInResponseSchema = z.union([mfaRequiredSchema, authSessionSchema]);

/** Unknown provider ids (a newer API) are dropped rather than failing the page. */
const providerList = z
  .array(z.string())
  .transform((ids) =>
    ids.filter((id): id is OAuthProviderId => (OAUTH_PROVIDERS as readonly string[]).includes(id)),
  );

/** GET /api/auth/providers: the providers configured on this server. */
export const providersResponseSchema = z.object({ providers: providerList });

/** GET /api/auth/oauth/accounts: what the signed-in account is connected to. */
export const connectedAccountsSchema = z.object({
  available: providerList,
  hasPassword: z.boolean(),
  providers: z.array(z.object({ provider: z.string(), connectedAt: z.string() })),
});
export type ConnectedAccounts = z.infer<typeof connectedAccountsSchema>;

/** POST /api/auth/oauth/:provider/link: the provider page to open. */
export const oauthLinkResponseSchema = z.object({ url: z.string().url() });
