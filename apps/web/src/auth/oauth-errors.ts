/**
 * The sentence for an `?oauthError=CODE` the OAuth callback puts on /sign-in or /settings/account.
 * The `message` parameter beside it is ignored on purpose: anyone can craft a link to our sign-in page
 * with any text in the query string, so only our own sentences are ever shown.
 */
const MESSAGES: Record<string, string> = {
  OAUTH_STATE_INVALID: 'That sign-in link has expired or was opened in another browser. Please start again.',
  OAUTH_EMAIL_IN_USE:
    'An account with that email address already exists. Sign in with your password, then connect the provider in Settings > Account.',
  OAUTH_NO_EMAIL:
    'The provider did not share an email address with us, so we cannot create your account. Allow email access and try again.',
  OAUTH_ACCOUNT_DISABLED: 'This account has been deleted.',
  OAUTH_ALREADY_LINKED: 'That account is already connected to another WatchTogether account.',
};

export const OAUTH_FAILED_MESSAGE = "Signing in with that provider didn't work. Please try again.";

export function oauthErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? OAUTH_FAILED_MESSAGE;
}
