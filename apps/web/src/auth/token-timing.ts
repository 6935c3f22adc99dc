/**
 * When to refresh the access token. Pure, so the timing rules are testable without timers.
 *
 * The expiry is measured on this device's clock: the token's lifetime (exp - iat) counted from when it
 * arrived. A device clock that is minutes off would otherwise see every fresh token as expired and
 * refresh in a loop, or never refresh in time.
 */

/** Refresh this long before the access token expires. */
export const REFRESH_LEAD_MS = 60_000;
/** Never schedule refreshes closer together than this, whatever the clocks say. */
export const MIN_REFRESH_DELAY_MS = 5_000;
/** A token this close to expiry is refreshed before use rather than sent. */
export const EXPIRY_MARGIN_MS = 10_000;
/** After a refresh that failed for a network reason, try again after this long. */
export const RETRY_REFRESH_DELAY_MS = 30_000;
/** setTimeout holds at most a signed 32-bit number of milliseconds. */
const MAX_TIMER_MS = 2_147_483_647;

interface JwtTimes {
  iat?: number;
  exp?: number;
}

/** Reads `iat`/`exp` from a JWT without verifying it (the API verifies; we only plan the refresh). */
export function readJwtTimes(token: string): JwtTimes {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(
      atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')),
    ) as unknown;
    if (!json || typeof json !== 'object') return {};
    const { iat, exp } = json as Record<string, unknown>;
    return {
      iat: typeof iat === 'number' ? iat : undefined,
      exp: typeof exp === 'number' ? exp : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * The moment (device clock, ms) the access token stops working: its lifetime counted from when it was
 * received, or, without readable iat/exp, the server's `accessTokenExpiresAt` taken at face value.
 */
export function localExpiry(input: {
  accessToken: string;
  accessTokenExpiresAt: string;
  receivedAt: number;
}): number {
  const { iat, exp } = readJwtTimes(input.accessToken);
  if (iat !== undefined && exp !== undefined && exp > iat) return input.receivedAt + (exp - iat) * 1000;
  const serverExpiry = Date.parse(input.accessTokenExpiresAt);
  return Number.isFinite(serverExpiry) ? serverExpiry : input.receivedAt;
}

/** How long to wait before refreshing a token that expires at `expiresAt` (both on the device clock). */
export function refreshDelayMs(expiresAt: number, now: number): number {
  const delay = expiresAt - REFRESH_LEAD_MS - now;
  return Math.min(MAX_TIMER_MS, Math.max(MIN_REFRESH_DELAY_MS, delay));
}

/** Whether a token expiring at `expiresAt` should be refreshed before it is sent. */
export function needsRefreshBeforeUse(expiresAt: number, now: number): boolean {
  return expiresAt - now <= EXPIRY_MARGIN_MS;
}
