/*
 * What other modules use from auth (the contract in /api/auth and issue 3). The tRPC procedures
 * (`protectedProcedure`, `adminProcedure`) live in src/trpc/trpc.ts; the `auth.me` procedure in
 * ./procedures.ts (imported by the root router, not from here, to keep trpc.ts free of import cycles).
 */
export { AuthError, AUTH_MESSAGES, authErrors, describeWait, isAuthError, parseInput } from './errors';
export { authenticate, optionalAuth } from './request-auth';
export {
  authenticateToken,
  bearerToken,
  canReactivate,
  endSessionSockets,
  loadAuthUser,
  revokeAllSessions,
  revokeSession,
  startSession,
  toAuthUser,
  REACTIVATION_WINDOW_MS,
  type AuthContext,
  type SessionMeta,
  type StartedSession,
} from './session';
export { clearRefreshCookie, setRefreshCookie, REFRESH_COOKIE } from './cookies';
export { consumeMfaChallenge, createMfaChallenge, peekMfaChallenge } from './verifications';
export { continueSignIn, verifyUserPassword } from './service';
export { hashPassword, isCommonPassword, verifyPasswordHash } from './passwords';
export { isReservedUsername } from './reserved-usernames';
export { getAuthSecret, hashToken, randomToken, type Role } from './tokens';
export { type FailureThrottle } from './throttle';
export { socketAuth, type SocketAuthErrorData } from './socket';
export { authPlugin } from './plugin';
export { authRoutes } from './router';
export { perIpLimit } from './rate-limit';
