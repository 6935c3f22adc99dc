import { describe, expect, it } from 'vitest';
import {
  localExpiry,
  MIN_REFRESH_DELAY_MS,
  needsRefreshBeforeUse,
  readJwtTimes,
  refreshDelayMs,
} from './token-timing';

const b64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (payload: object | string) => `${b64url({ alg: 'HS256' })}.${b64url(payload)}.signature`;

describe('readJwtTimes', () => {
  it.each([
    ['a token with iat and exp', jwt({ sub: 'u', iat: 1_000, exp: 1_900 }), { iat: 1_000, exp: 1_900 }],
    ['a payload whose base64 needs padding', jwt({ exp: 12 }), { iat: undefined, exp: 12 }],
    ['non-numeric claims', jwt({ iat: '1000', exp: null }), { iat: undefined, exp: undefined }],
    ['a payload that is not JSON', jwt('not json'), {}],
    ['something that is not a JWT', 'opaque-token', {}],
  ])('reads %s', (_name, token, expected) => {
    expect(readJwtTimes(token)).toEqual(expected);
  });
});

describe('localExpiry', () => {
  const receivedAt = Date.parse('2030-01-01T12:00:00Z');

  it('counts the token lifetime from when it arrived, whatever the server clock says', () => {
    // The server clock is an hour behind: its expiry looks long past to this device.
    const accessToken = jwt({ iat: 100, exp: 100 + 15 * 60 });
    expect(localExpiry({ accessToken, accessTokenExpiresAt: '2030-01-01T11:15:00Z', receivedAt })).toBe(
      receivedAt + 15 * 60_000,
    );
  });

  it('falls back to accessTokenExpiresAt for a token without times', () => {
    expect(
      localExpiry({ accessToken: 'opaque', accessTokenExpiresAt: '2030-01-01T12:15:00Z', receivedAt }),
    ).toBe(receivedAt + 15 * 60_000);
  });

  it('treats an unreadable expiry as already expired', () => {
    expect(localExpiry({ accessToken: 'opaque', accessTokenExpiresAt: 'soon', receivedAt })).toBe(receivedAt);
  });
});

describe('refreshDelayMs', () => {
  const now = 1_000_000;
  it.each([
    ['a fresh 15-minute token: one minute before expiry', now + 15 * 60_000, 14 * 60_000],
    ['a token with 2 minutes left: in one minute', now + 120_000, 60_000],
    ['a token inside the last minute: soon, but not in a tight loop', now + 30_000, MIN_REFRESH_DELAY_MS],
    ['an expired token: soon, but not in a tight loop', now - 60_000, MIN_REFRESH_DELAY_MS],
    ['a token for years: capped to what setTimeout can hold', now + 10 * 365 * 86_400_000, 2_147_483_647],
  ])('schedules %s', (_name, expiresAt, expected) => {
    expect(refreshDelayMs(expiresAt, now)).toBe(expected);
  });
});

describe('needsRefreshBeforeUse', () => {
  it.each([
    [60_000, false],
    [10_001, false],
    [10_000, true],
    [0, true],
    [-5_000, true],
  ])('with %i ms left: %s', (left, expected) => {
    expect(needsRefreshBeforeUse(1_000 + left, 1_000)).toBe(expected);
  });
});
