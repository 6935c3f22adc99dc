import type { ShortsErrorCode } from '@wt/schemas';

/**
 * A refused Shorts action: a stable code from SHORTS_ERROR_CODES and a sentence a person reads. Mapped
 * once to tRPC errors (`data.shortsCode`) and HTTP bodies (`{ error: { code, message } }`).
 */
export class ShortsError extends Error {
  override name = 'ShortsError';
  readonly code: ShortsErrorCode;

  constructor(code: ShortsErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  toBody() {
    return { error: { code: this.code, message: this.message } };
  }
}

export function isShortsError(value: unknown): value is ShortsError {
  return value instanceof ShortsError;
}

const HTTP_STATUS: Partial<Record<ShortsErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UPLOAD_REFUSED: 400,
  UNAUTHENTICATED: 401,
  SIGN_IN_REQUIRED: 401,
  TOKEN_INVALID: 403,
  TOKEN_EXPIRED: 403,
  LOCKED: 403,
  FORBIDDEN: 403,
  NOT_CREATOR: 403,
  NOT_FOUND: 404,
  ALREADY_APPLIED: 409,
  SLUG_TAKEN: 409,
  CONFLICT: 409,
  NOT_READY: 409,
  INTERNAL: 500,
};

export function shortsHttpStatus(err: ShortsError): number {
  return HTTP_STATUS[err.code] ?? 400;
}

export const shortsErrors = {
  validation: (message: string) => new ShortsError('VALIDATION_FAILED', message),
  unauthenticated: () => new ShortsError('UNAUTHENTICATED', 'Sign in to do that.'),
  notFound: (what: string) => new ShortsError('NOT_FOUND', `That ${what} does not exist, or is not published yet.`),
  forbidden: (what: string) => new ShortsError('FORBIDDEN', `Only ${what}.`),
  notCreator: () => new ShortsError('NOT_CREATOR', 'Only approved creators can do that. Apply to become a creator first.'),
  alreadyApplied: () => new ShortsError('ALREADY_APPLIED', 'You already applied to become a creator.'),
  slugTaken: (what: string) => new ShortsError('SLUG_TAKEN', `That ${what} address is taken. Pick another.`),
  locked: () => new ShortsError('LOCKED', 'This episode is locked: unlock the season to watch it.'),
  signInRequired: () => new ShortsError('SIGN_IN_REQUIRED', 'Sign up or sign in to keep watching: this episode is locked.'),
  notReady: (what: string) => new ShortsError('NOT_READY', what),
  uploadRefused: (why: string) => new ShortsError('UPLOAD_REFUSED', why),
  tokenInvalid: () => new ShortsError('TOKEN_INVALID', 'This playback link is not valid. Reload the page to get a new one.'),
  tokenExpired: () => new ShortsError('TOKEN_EXPIRED', 'This playback link has expired. Reload the page to get a new one.'),
  conflict: (message: string) => new ShortsError('CONFLICT', message),
  internal: () => new ShortsError('INTERNAL', 'Something went wrong on our side. Please try again in a moment.'),
};
