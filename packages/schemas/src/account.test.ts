import { describe, expect, it } from 'vitest';
import { changeEmailInput, changePasswordInput, deactivateInput, deleteAccountInput } from './account';

/** The first sentence per field, as the API's VALIDATION_FAILED `fields` and the forms show it. */
function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[String(issue.path[0])] ??= issue.message;
  return fields;
}

describe('account input schemas: a sentence per field', () => {
  it.each([
    [deactivateInput, {}, { password: 'Enter your current password.' }],
    [deactivateInput, { password: '' }, { password: 'Enter your current password.' }],
    [deactivateInput, { password: 'x'.repeat(129) }, { password: 'Passwords have at most 128 characters.' }],
    [
      deleteAccountInput,
      { password: 'p' },
      { confirm: 'Type DELETE in capital letters to confirm that you want your account deleted.' },
    ],
    [
      deleteAccountInput,
      { password: 'p', confirm: 'delete' },
      { confirm: 'Type DELETE in capital letters to confirm that you want your account deleted.' },
    ],
    [deleteAccountInput, { confirm: 'DELETE' }, { password: 'Enter your current password.' }],
    [
      changePasswordInput,
      { currentPassword: 'old-password', newPassword: 'short' },
      { newPassword: 'Use at least 10 characters for your password.' },
    ],
    [
      changePasswordInput,
      { currentPassword: 'same-password-1', newPassword: 'same-password-1' },
      { newPassword: 'Choose a new password that differs from your current one.' },
    ],
    [
      changePasswordInput,
      {},
      { currentPassword: 'Enter your current password.', newPassword: 'Choose a password.' },
    ],
    [
      changeEmailInput,
      { password: 'p', newEmail: 'nope' },
      { newEmail: 'Enter a valid email address, like name@example.com.' },
    ],
    [changeEmailInput, { newEmail: 'a@b.co' }, { password: 'Enter your current password.' }],
  ] as const)('%#: refuses %j', (schema, input, expected) => {
    expect(fieldErrors(schema.safeParse(input))).toEqual(expected);
  });

  it.each([
    [deactivateInput, { password: 'anything' }, { password: 'anything' }],
    [deleteAccountInput, { password: 'p', confirm: 'DELETE' }, { password: 'p', confirm: 'DELETE' }],
    [
      changePasswordInput,
      { currentPassword: 'old', newPassword: 'lantern-orbit-42' },
      { currentPassword: 'old', newPassword: 'lantern-orbit-42' },
    ],
    // Addresses are compared and stored in lower case.
    [
      changeEmailInput,
      { password: 'p', newEmail: '  New@Example.COM ' },
      { password: 'p', newEmail: 'new@example.com' },
    ],
  ] as const)('%#: accepts %j', (schema, input, expected) => {
    expect(schema.parse(input)).toEqual(expected);
  });
});
