import { describe, expect, it } from 'vitest';
import { OAUTH_FAILED_MESSAGE, oauthErrorMessage } from './oauth-errors';

describe('oauthErrorMessage', () => {
  it.each([
    [undefined, null],
    ['', null],
    [
      'OAUTH_STATE_INVALID',
      'That sign-in link has expired or was opened in another browser. Please start again.',
    ],
    ['OAUTH_ALREADY_LINKED', 'That account is already connected to another WatchTogether account.'],
    ['OAUTH_FAILED', OAUTH_FAILED_MESSAGE],
    ['Call 555-0100 to restore your account', OAUTH_FAILED_MESSAGE],
  ])('%s -> %s', (code, expected) => {
    expect(oauthErrorMessage(code)).toBe(expected);
  });
});
