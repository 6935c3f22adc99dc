import { describe, expect, it } from 'vitest';
import type { ApiFailure } from './api';
import { mapApiError, REAUTH_CODE_FIELDS } from './form-errors';

const failure = (code: string, message: string, fields?: Record<string, string>): ApiFailure => ({
  code,
  message,
  status: 400,
  ...(fields ? { fields } : {}),
});

const SIGN_UP = ['email', 'username', 'displayName', 'password'] as const;

describe('mapApiError', () => {
  it.each([
    {
      name: 'field sentences go under their fields',
      error: failure('VALIDATION_FAILED', 'Check the fields.', {
        email: 'Enter a valid email address.',
        username: 'Usernames have at least 3 characters.',
      }),
      form: SIGN_UP,
      expected: {
        fields: { email: 'Enter a valid email address.', username: 'Usernames have at least 3 characters.' },
        form: null,
      },
    },
    {
      name: 'a taken email lands under the email field',
      error: failure('EMAIL_TAKEN', 'An account already uses that email.'),
      form: SIGN_UP,
      expected: { fields: { email: 'An account already uses that email.' }, form: null },
    },
    {
      name: 'a reserved username lands under the username field',
      error: failure('USERNAME_RESERVED', 'That username is reserved.'),
      form: SIGN_UP,
      expected: { fields: { username: 'That username is reserved.' }, form: null },
    },
    {
      name: 'a common password lands under newPassword in the change-password form',
      error: failure('PASSWORD_TOO_COMMON', 'That password is too common.'),
      form: ['currentPassword', 'newPassword'] as const,
      expected: { fields: { newPassword: 'That password is too common.' }, form: null },
    },
    {
      name: 'a field the form does not have becomes the form message',
      error: failure('VALIDATION_FAILED', 'Check the fields.', { token: 'This link is not valid.' }),
      form: ['password'] as const,
      expected: { fields: {}, form: 'This link is not valid.' },
    },
    {
      name: 'known and unknown fields are both kept',
      error: failure('VALIDATION_FAILED', 'Check the fields.', {
        password: 'Too short.',
        token: 'This link is not valid.',
      }),
      form: ['password'] as const,
      expected: { fields: { password: 'Too short.' }, form: 'This link is not valid.' },
    },
    {
      name: 'wrong credentials at sign-in are about the pair, so they are a form message',
      error: failure('INVALID_CREDENTIALS', "That email/username and password don't match."),
      form: ['login', 'password'] as const,
      expected: { fields: {}, form: "That email/username and password don't match." },
    },
    {
      name: 'a rate limit is a form message',
      error: failure('RATE_LIMITED', 'Too many attempts. Try again in 30 seconds.'),
      form: ['login', 'password'] as const,
      expected: { fields: {}, form: 'Too many attempts. Try again in 30 seconds.' },
    },
  ])('$name', ({ error, form, expected }) => {
    expect(mapApiError(error, form)).toEqual(expected);
  });

  it('puts a wrong current password under that field when re-authenticating', () => {
    const error = failure('INVALID_CREDENTIALS', 'That password is not right.');
    expect(mapApiError(error, ['currentPassword', 'newPassword'], REAUTH_CODE_FIELDS)).toEqual({
      fields: { currentPassword: 'That password is not right.' },
      form: null,
    });
    expect(mapApiError(error, ['password', 'confirm'], REAUTH_CODE_FIELDS)).toEqual({
      fields: { password: 'That password is not right.' },
      form: null,
    });
  });
});
