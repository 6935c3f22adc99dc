import type { ProfileErrorCode } from '@wt/schemas';
import type { z } from 'zod';
import { fieldMessages } from '../auth/errors';

const HTTP_STATUS: Record<ProfileErrorCode, number> = {
  VALIDATION_FAILED: 400,
  USER_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  USERNAME_RESERVED: 400,
  USERNAME_CHANGE_TOO_SOON: 429,
  BADGE_NOT_EARNED: 400,
  AVATAR_MISSING: 400,
  AVATAR_TOO_LARGE: 413,
  AVATAR_NOT_AN_IMAGE: 415,
  AVATAR_TYPE_UNSUPPORTED: 415,
  UNAUTHENTICATED: 401,
};

/**
 * A refused profile request: a stable code, a sentence, and (for forms) the sentence per field. Sent as
 * `{ error: { code, message, fields? } }` (the shape of apiErrorSchema) by the profile routes, and as a
 * tRPC error with the sentence by the profile router.
 */
export class ProfileError extends Error {
  override name = 'ProfileError';
  readonly code: ProfileErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ProfileErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export function isProfileError(value: unknown): value is ProfileError {
  return value instanceof ProfileError;
}

const onField = (code: ProfileErrorCode, field: string, message: string) => new ProfileError(code, message, { [field]: message });

export const profileErrors = {
  notFound: () => new ProfileError('USER_NOT_FOUND', 'There is nobody with that username. Check the spelling.'),
  usernameTaken: () => onField('USERNAME_TAKEN', 'username', 'That username is taken. Choose another one.'),
  usernameReserved: () => onField('USERNAME_RESERVED', 'username', 'That username is reserved. Choose another one.'),
  usernameTooSoon: (when: Date) =>
    onField(
      'USERNAME_CHANGE_TOO_SOON',
      'username',
      `You changed your username recently. You can change it again on ${when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}.`,
    ),
  badgeNotEarned: () => onField('BADGE_NOT_EARNED', 'showcase', 'You can only show badges you have earned.'),
  avatarMissing: () => onField('AVATAR_MISSING', 'avatar', 'Choose an image to upload.'),
  avatarTooLarge: (maxBytes: number) =>
    onField('AVATAR_TOO_LARGE', 'avatar', `Avatars can be at most ${Math.round(maxBytes / (1024 * 1024))} MB. Choose a smaller image.`),
  avatarNotAnImage: () =>
    onField('AVATAR_NOT_AN_IMAGE', 'avatar', 'That file is not an image we can read. Choose a JPEG, PNG, WebP, GIF or AVIF picture.'),
  avatarUnsupported: (format: string) =>
    onField('AVATAR_TYPE_UNSUPPORTED', 'avatar', `${format.toUpperCase()} images are not supported. Choose a JPEG, PNG, WebP, GIF or AVIF picture.`),
  unauthenticated: () => new ProfileError('UNAUTHENTICATED', 'Sign in to continue.'),
};

/** Parses input with a shared schema; a failure becomes VALIDATION_FAILED with a sentence per field. */
export function parseProfileInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = fieldMessages(result.error);
  const first = Object.values(fields)[0] ?? 'Some fields need your attention.';
  throw new ProfileError('VALIDATION_FAILED', Object.keys(fields).length > 1 ? 'Some fields need your attention.' : first, fields);
}
