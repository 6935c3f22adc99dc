import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../services';
import { AuthError, AUTH_MESSAGES } from './errors';

/** The refresh credential on web: httpOnly (no script reads it), SameSite=Strict, only sent to /api/auth. */
export const REFRESH_COOKIE = 'wt_refresh';
const COOKIE_PATH = '/api/auth';

function cookieOptions(services: Pick<AppServices, 'env'>) {
  return { httpOnly: true, secure: services.env.COOKIE_SECURE, sameSite: 'strict', path: COOKIE_PATH } as const;
}

export function setRefreshCookie(reply: FastifyReply, services: Pick<AppServices, 'env' | 'now'>, token: string, expiresAt: Date): void {
  // Max-Age rather than Expires: a browser with a wrong clock still keeps it for 30 days.
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - services.now().getTime()) / 1000));
  void reply.setCookie(REFRESH_COOKIE, token, { ...cookieOptions(services), maxAge });
}

export function clearRefreshCookie(reply: FastifyReply, services: Pick<AppServices, 'env'>): void {
  void reply.clearCookie(REFRESH_COOKIE, cookieOptions(services));
}

export function refreshCookieOf(request: FastifyRequest): string | null {
  const value = request.cookies[REFRESH_COOKIE];
  return value ? value : null;
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF defence for mutations a cookie authenticates (refresh, sign-out), on top of SameSite=Strict:
 * the request must say where it comes from (Origin, else Referer) and that must be the web app or the
 * API itself.
 */
export function assertSameOrigin(request: FastifyRequest, services: Pick<AppServices, 'env'>): void {
  const from = originOf(request.headers.origin) ?? originOf(request.headers.referer);
  const allowed = [originOf(services.env.WEB_ORIGIN), originOf(`${request.protocol}://${request.host}`)];
  if (!from || !allowed.includes(from)) throw new AuthError('CSRF_REJECTED', 403, AUTH_MESSAGES.csrf);
}
