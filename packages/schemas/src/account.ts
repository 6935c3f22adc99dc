import { z } from 'zod';
import { emailSchema, PASSWORD_MAX, passwordSchema } from './auth';

/**
 * Account lifecycle under /api/account (Settings > Account): deactivate, delete, change password,
 * change email. Each destructive step re-asks for the current password; every message is a sentence
 * the form shows beside its field.
 */

/** How long a deactivated account keeps its data; signing in within it reactivates the account. */
export const DEACTIVATION_GRACE_DAYS = 30;
/** What the delete form asks the person to type, so nobody deletes an account by a slip of the mouse. */
export const DELETE_CONFIRMATION = 'DELETE';
/** How clients name the author of a kept message or comment whose account was deleted (users.deleted_at set). */
export const DELETED_USER_NAME = 'Deleted user';
/** How long the link in the email-change message works. */
export const EMAIL_CHANGE_TTL_HOURS = 24;

const currentPasswordSchema = z
  .string({ message: 'Enter your current password.' })
  .min(1, { message: 'Enter your current password.' })
  .max(PASSWORD_MAX, { message: `Passwords have at most ${PASSWORD_MAX} characters.` });

/** POST /api/account/deactivate */
export const deactivateInput = z.object({ password: currentPasswordSchema });
export type DeactivateInput = z.input<typeof deactivateInput>;

/** POST /api/account/delete */
export const deleteAccountInput = z.object({
  password: currentPasswordSchema,
  confirm: z.literal(DELETE_CONFIRMATION, {
    message: `Type ${DELETE_CONFIRMATION} in capital letters to confirm that you want your account deleted.`,
  }),
});
export type DeleteAccountInput = z.input<typeof deleteAccountInput>;

/** POST /api/account/change-password */
export const changePasswordInput = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'Choose a new password that differs from your current one.',
  });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** POST /api/account/change-email: the address changes only once the link sent to it is opened. */
export const changeEmailInput = z.object({
  password: currentPasswordSchema,
  newEmail: emailSchema,
});
export type ChangeEmailInput = z.input<typeof changeEmailInput>;

/** POST /api/account/confirm-email-change: the token from the link in the email. */
export const confirmEmailChangeInput = z.object({
  token: z
    .string({ message: 'This link is incomplete. Open the link from the email again.' })
    .min(16, { message: 'This link is incomplete. Open the link from the email again.' })
    .max(512, { message: 'This link is not valid. Open the link from the email again.' }),
});
export type ConfirmEmailChangeInput = z.input<typeof confirmEmailChangeInput>;

/** 202 of POST /api/account/change-email. */
export const changeEmailResponse = z.object({ status: z.literal('verification_sent'), email: z.string() });
export type ChangeEmailResponse = z.infer<typeof changeEmailResponse>;

/** 200 of POST /api/account/confirm-email-change. */
export const confirmEmailChangeResponse = z.object({ ok: z.literal(true), email: z.string() });
export type ConfirmEmailChangeResponse = z.infer<typeof confirmEmailChangeResponse>;
