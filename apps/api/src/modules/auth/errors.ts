import type { AuthErrorCode } from '@wt/schemas';
import type { z } from 'zod';

/**
 * A refusal the client can act on: a stable code from AUTH_ERROR_CODES, an HTTP status and a sentence
 * for a person. Mapped once to HTTP (the app's error handler), tRPC (protectedProcedure) and Socket.io
 * (connect_error), so no handler formats its own error body.
 */
export class AuthError extends Error {
  override name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly status: number;
  /** One sentence per invalid field, keyed by the input's field name. */
  readonly fields: Record<string, string> | undefined;
  /** For RATE_LIMITED: how long to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AuthErrorCode,
    status: number,
    message: string,
    extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  /** The `{ error: { code, message, fields? } }` body of apiErrorSchema. */
  toBody(): { error: { code: AuthErrorCode; message: string; fields?: Record<string, string>; retryAfterSeconds?: number } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      },
    };
  }
}

export function isAuthError(value: unknown): value is AuthError {
  return value instanceof AuthError;
}

/** The sentences shared by several flows, so the same situation always reads the same. */
export const AUTH_MESSAGES = {
  invalidCredentials: "That email/username and password don't match.",
  emailNotVerified: 'Confirm your email address first: open the link we emailed you, or ask for a new one.',
  unauthenticated: 'Sign in to continue.',
  accessTokenExpired: 'Your sign-in has timed out. Refresh it or sign in again.',
  accessTokenInvalid: 'Your sign-in is not valid any more. Sign in again.',
  sessionRevoked: 'You were signed out. Sign in again to continue.',
  refreshReused:
    'For your safety this session was ended because an old sign-in credential was used again. Sign in again.',
  refreshInvalid: 'Your sign-in is not valid any more. Sign in again.',
  refreshExpired: 'Your sign-in has expired. Sign in again.',
  linkInvalid: 'That link is not valid. Ask for a new one.',
  linkExpired: 'That link has expired. Ask for a new one.',
  csrf: 'This request did not come from the WatchTogether site, so it was refused. Reload the page and try again.',
  forbidden: "You don't have permission to do that.",
  validation: 'Some fields need your attention.',
} as const;

export const authErrors = {
  invalidCredentials: () => new AuthError('INVALID_CREDENTIALS', 401, AUTH_MESSAGES.invalidCredentials),
  unauthenticated: () => new AuthError('UNAUTHENTICATED', 401, AUTH_MESSAGES.unauthenticated),
  sessionRevoked: () => new AuthError('SESSION_REVOKED', 401, AUTH_MESSAGES.sessionRevoked),
  forbidden: () => new AuthError('FORBIDDEN', 403, AUTH_MESSAGES.forbidden),
  rateLimited: (retryAfterSeconds: number, what = 'attempts') =>
    new AuthError('RATE_LIMITED', 429, `Too many ${what}. Wait ${describeWait(retryAfterSeconds)} and try again.`, {
      retryAfterSeconds,
    }),
};

/** "30 seconds", "1 minute", "15 minutes": the wait in words a person reads. */
export function describeWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? '1 second' : `${s} seconds`;
  const minutes = Math.ceil(s / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Parses input with a shared schema; a failure becomes VALIDATION_FAILED with the first sentence for
 * each field (the forms show them inline).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  return throwValidation(fieldMessages(result.error));
}

/** The first message of each top-level field of a failed parse (`form` for the input as a whole). */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    fields[key] ??= issue.message;
  }
  return fields;
}

function throwValidation(fields: Record<string, string>): never {
  throw new AuthError('VALIDATION_FAILED', 400, AUTH_MESSAGES.validation, { fields });
}
