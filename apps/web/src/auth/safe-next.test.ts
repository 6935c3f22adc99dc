import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each([
    ['/settings/account', '/settings/account'],
    ['/rooms?tab=mine#top', '/rooms?tab=mine#top'],
    [undefined, DEFAULT_AFTER_SIGN_IN],
    ['', DEFAULT_AFTER_SIGN_IN],
    ['https://evil.example/', DEFAULT_AFTER_SIGN_IN],
    ['//evil.example', DEFAULT_AFTER_SIGN_IN],
    ['/\\evil.example', DEFAULT_AFTER_SIGN_IN],
    ['/\t/evil.example', DEFAULT_AFTER_SIGN_IN],
    ['javascript:alert(1)', DEFAULT_AFTER_SIGN_IN],
    ['/sign-in', DEFAULT_AFTER_SIGN_IN],
    ['/signed-out?reason=new-login', DEFAULT_AFTER_SIGN_IN],
    ['/sign-install', '/sign-install'],
  ])('%s -> %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
