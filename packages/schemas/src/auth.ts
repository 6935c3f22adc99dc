import { z } from 'zod';
import { LIMITS, USERNAME_PATTERN } from './limits';

/**
 * Auth contract shared by the API (REST under /api/auth), the web forms and mobile. Every message is
 * a sentence a person can act on; the forms show them inline per field.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string({ message: 'Enter your email address.' })
  .trim()
  .min(1, { message: 'Enter your email address.' })
  .max(254, { message: 'That email address is too long.' })
  .email({ message: 'Enter a valid email address, like name@example.com.' })
  .transform((v) => v.toLowerCase());

export const usernameSchema = z
  .string({ message: 'Choose a username.' })
  .trim()
  .min(LIMITS.usernameMin, { message: `Usernames have at least ${LIMITS.usernameMin} characters.` })
  .max(LIMITS.usernameMax, { message: `Usernames have at most ${LIMITS.usernameMax} characters.` })
  .regex(USERNAME_PATTERN, { message: 'Use only letters, digits and underscores in your username.' });

export const displayNameSchema = z
  .string({ message: 'Enter a display name.' })
  .trim()
  .min(1, { message: 'Enter a display name.' })
  .max(LIMITS.displayNameMax, { message: `Display names have at most ${LIMITS.displayNameMax} characters.` });

export const passwordSchema = z
  .string({ message: 'Choose a password.' })
  .min(PASSWORD_MIN, { message: `Use at least ${PASSWORD_MIN} characters for your password.` })
  .max(PASSWORD_MAX, { message: `Passwords have at most ${PASSWORD_MAX} characters.` });

export const signUpInput = z.object({
  email: emailSchema,
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});
export type SignUpInput = z.input<typeof signUpInput>;

export const signInInput = z.object({
  /** Email or username. */
  login: z.string({ message: 'Enter your email or username.' }).trim().min(1, { message: 'Enter your email or username.' }).max(254),
  password: z.string({ message: 'Enter your password.' }).min(1, { message: 'Enter your password.' }).max(PASSWORD_MAX),
});
export type SignInInput = z.input<typeof signInInput>;

export const tokenInput = z.object({ token: z.string().min(16).max(512) });
export const forgotPasswordInput = z.object({ email: emailSchema });
export const resendVerificationInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: z.string().min(16).max(512), password: passwordSchema });

/** What the API tells a client about the signed-in user. */
export const authUserSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string().nullable(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.enum(['viewer', 'creator', 'admin']),
  avatarUrl: z.string().nullable(),
  level: z.number().int(),
  xp: z.number().int(),
  isPremium: z.boolean(),
});
export type AuthUser = z.infer<typeof authUserSchema>;

/** A signed-in session: the access token lives in memory only; the refresh credential is an httpOnly cookie. */
export const authSessionSchema = z.object({
  user: authUserSchema,
  accessToken: z.string(),
  /** ISO time the access token expires (15 minutes after issue). */
  accessTokenExpiresAt: z.string(),
});
export type AuthSession = z.infer<typeof authSessionSchema>;

/** Stable machine-readable codes; the `message` beside them is the sentence to show. */
export const AUTH_ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'EMAIL_NOT_VERIFIED',
  'EMAIL_TAKEN',
  'USERNAME_TAKEN',
  'USERNAME_RESERVED',
  'PASSWORD_TOO_COMMON',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'REFRESH_REUSED',
  'SESSION_REVOKED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'CSRF_REJECTED',
  'INVALID_MFA_CODE',
  'MFA_ALREADY_ENABLED',
  'MFA_NOT_ENABLED',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/*
 * MFA (TOTP + backup codes) under /api/auth/mfa. The forms keep what was typed: codes are validated
 * here but normalised (spaces and dashes removed, lower case) by the API.
 */

/** Digits of a TOTP code (RFC 6238, 30 s steps) as authenticator apps show it. */
export const TOTP_DIGITS = 6;
/** How many backup codes enabling MFA hands out; each works once. */
export const BACKUP_CODE_COUNT = 10;

const stripCodeSeparators = (value: string) => value.replace(/[\s-]/g, '');

/** A current code from the authenticator app (spaces allowed, as some apps show `123 456`). */
export const totpCodeSchema = z
  .string({ message: 'Enter the 6-digit code from your authenticator app.' })
  .trim()
  .max(16, { message: 'Enter the 6-digit code from your authenticator app.' })
  .refine((value) => /^\d{6}$/.test(stripCodeSeparators(value)), {
    message: 'Enter the 6-digit code from your authenticator app.',
  });

/** A code from the authenticator app, or one of the backup codes (`xxxx-xxxx`). */
export const mfaCodeSchema = z
  .string({ message: 'Enter the 6-digit code from your authenticator app or a backup code.' })
  .trim()
  .max(32, { message: 'Enter the 6-digit code from your authenticator app or a backup code.' })
  .refine((value) => /^(\d{6}|[a-z0-9]{8})$/i.test(stripCodeSeparators(value)), {
    message: 'Enter the 6-digit code from your authenticator app or a backup code.',
  });

/** POST /api/auth/mfa/enable: proves the app was set up with the secret from /setup. */
export const mfaCodeInput = z.object({ code: totpCodeSchema });
export type MfaCodeInput = z.input<typeof mfaCodeInput>;

/** POST /api/auth/mfa/challenge: second step of a sign-in that answered `{ mfaRequired, challengeToken }`. */
export const mfaChallengeInput = z.object({
  challengeToken: z
    .string({ message: 'Your sign-in expired. Sign in again.' })
    .min(16, { message: 'Your sign-in expired. Sign in again.' })
    .max(512, { message: 'Your sign-in expired. Sign in again.' }),
  code: mfaCodeSchema,
});
export type MfaChallengeInput = z.input<typeof mfaChallengeInput>;

/** POST /api/auth/mfa/disable: re-authentication with the password and a current code (or a backup code). */
export const mfaDisableInput = z.object({
  password: z.string({ message: 'Enter your password.' }).min(1, { message: 'Enter your password.' }).max(PASSWORD_MAX),
  code: mfaCodeSchema,
});
export type MfaDisableInput = z.input<typeof mfaDisableInput>;

/** POST /api/auth/mfa/setup: the pending secret (valid 10 minutes) to type in or scan. */
export const mfaSetupResponse = z.object({
  /** Base32 secret for manual entry. */
  secret: z.string(),
  /** `otpauth://totp/...` key URI (issuer WatchTogether, label = username). */
  otpauthUrl: z.string(),
  /** The key URI as a QR code, `data:image/png;base64,...`. */
  qrDataUrl: z.string(),
});
export type MfaSetupResponse = z.infer<typeof mfaSetupResponse>;

/** POST /api/auth/mfa/enable: the backup codes, shown once (only their hashes are stored). */
export const mfaEnableResponse = z.object({
  backupCodes: z.array(z.string()).length(BACKUP_CODE_COUNT),
});
export type MfaEnableResponse = z.infer<typeof mfaEnableResponse>;

/** GET /api/auth/mfa/status */
export const mfaStatusResponse = z.object({
  enabled: z.boolean(),
  backupCodesLeft: z.number().int().min(0),
});
export type MfaStatusResponse = z.infer<typeof mfaStatusResponse>;

/** Error body of every /api/auth endpoint: `fields` holds one sentence per invalid field. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Reasons in `force_logout` and the sentence the signed-out client shows. */
export const FORCE_LOGOUT_NEW_LOGIN = 'New login';
export const FORCED_SIGN_OUT_MESSAGE =
  'You were signed out because your account signed in somewhere else.';
