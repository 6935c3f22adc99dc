import type { ApiFailure } from './api';

/**
 * Which form field an error belongs to when the API names no `fields`: a taken email belongs under
 * the email field, a common password under the password field. The first name the form has wins.
 */
export type CodeFieldMap = Readonly<Record<string, readonly string[]>>;

export const DEFAULT_CODE_FIELDS: CodeFieldMap = {
  EMAIL_TAKEN: ['email', 'newEmail'],
  USERNAME_TAKEN: ['username'],
  USERNAME_RESERVED: ['username'],
  PASSWORD_TOO_COMMON: ['password', 'newPassword'],
  INVALID_MFA_CODE: ['code'],
};

/** Settings forms re-ask for the current password: a wrong one is that field's error. */
export const REAUTH_CODE_FIELDS: CodeFieldMap = {
  ...DEFAULT_CODE_FIELDS,
  INVALID_CREDENTIALS: ['currentPassword', 'password'],
};

export interface MappedApiError<F extends string> {
  /** Sentences to show under the form's own fields. */
  fields: Partial<Record<F, string>>;
  /** A sentence for the whole form (above the submit button), or null when the fields say it all. */
  form: string | null;
}

/**
 * Splits an API error between the form's fields and a form-level message. Field errors for fields the
 * form does not have (a hidden token, a renamed field) are not lost: they become the form message.
 */
export function mapApiError<F extends string>(
  error: ApiFailure,
  formFields: readonly F[],
  codeFields: CodeFieldMap = DEFAULT_CODE_FIELDS,
): MappedApiError<F> {
  const known = new Set<string>(formFields);
  const fields: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];

  for (const [name, message] of Object.entries(error.fields ?? {})) {
    if (known.has(name)) fields[name as F] = message;
    else unplaced.push(message);
  }

  if (Object.keys(fields).length === 0 && unplaced.length === 0) {
    const target = codeFields[error.code]?.find((name) => known.has(name));
    if (target) return { fields: { [target]: error.message } as Partial<Record<F, string>>, form: null };
  }

  if (Object.keys(fields).length > 0)
    return { fields, form: unplaced.length > 0 ? unplaced.join(' ') : null };
  return { fields, form: unplaced.length > 0 ? unplaced.join(' ') : error.message };
}
