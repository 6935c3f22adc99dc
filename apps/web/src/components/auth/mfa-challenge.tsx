'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import {
  authSessionSchema,
  mfaChallengeInput,
  mfaCodeInput,
  TOTP_DIGITS,
  type AuthSession,
} from '@wt/schemas';
import { Button } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { browserFetch, callApi } from '@/auth/api';
import { applyApiError } from '../forms/apply-api-error';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { AuthCard } from './auth-card';

/** A backup code is accepted wherever an authenticator code is. */
const backupCodeInput = mfaChallengeInput.pick({ code: true });

type Mode = 'app' | 'backup';

/** The second step of signing in: a code from the authenticator app, or one of the backup codes. */
export function MfaChallenge({
  challengeToken,
  onSession,
  onRestart,
}: {
  challengeToken: string;
  onSession: (session: AuthSession) => void;
  onRestart: () => void;
}) {
  const [mode, setMode] = useState<Mode>('app');
  return (
    <AuthCard
      title="Two-step verification"
      subtitle={
        mode === 'app'
          ? 'Enter the 6-digit code your authenticator app shows for WatchTogether.'
          : 'Enter one of the backup codes you saved when you set up two-step verification. Each code works once.'
      }
      footer={
        <button
          type="button"
          onClick={onRestart}
          className="font-semibold text-brand-600 hover:underline dark:text-brand-300"
        >
          Sign in with a different account
        </button>
      }
    >
      {/* One form per mode, so each validates with its own schema and keeps its own value. */}
      <CodeForm
        key={mode}
        mode={mode}
        challengeToken={challengeToken}
        onSession={onSession}
        onRestart={onRestart}
      />
      <button
        type="button"
        onClick={() => setMode(mode === 'app' ? 'backup' : 'app')}
        className="mt-4 w-full rounded-full py-2 text-sm font-semibold text-brand-600 hover:underline dark:text-brand-300"
      >
        {mode === 'app' ? 'Use a backup code instead' : 'Use your authenticator app instead'}
      </button>
    </AuthCard>
  );
}

function CodeForm({
  mode,
  challengeToken,
  onSession,
  onRestart,
}: {
  mode: Mode;
  challengeToken: string;
  onSession: (session: AuthSession) => void;
  onRestart: () => void;
}) {
  const [expired, setExpired] = useState(false);
  const form = useForm<{ code: string }>({
    resolver: zodResolver(mode === 'app' ? mfaCodeInput : backupCodeInput),
    defaultValues: { code: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    const result = await callApi(
      browserFetch,
      '/api/auth/mfa/challenge',
      { method: 'POST', body: { challengeToken, code } },
      authSessionSchema,
    );
    if (result.ok) return onSession(result.data);
    // The challenge lives 5 minutes: past that, only a new sign-in helps.
    if (result.error.code === 'TOKEN_EXPIRED' || result.error.code === 'TOKEN_INVALID') setExpired(true);
    applyApiError(form, result.error);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {mode === 'app' ? (
        <Field
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={TOTP_DIGITS + 2}
          placeholder="123456"
          autoFocus
          className="[&_input]:font-mono [&_input]:tracking-[0.3em]"
          error={errors.code?.message}
          {...form.register('code')}
        />
      ) : (
        <Field
          label="Backup code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="xxxx-xxxx"
          autoFocus
          className="[&_input]:font-mono"
          error={errors.code?.message}
          {...form.register('code')}
        />
      )}
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      {expired ? (
        <Button className="w-full" onClick={onRestart}>
          Sign in again
        </Button>
      ) : (
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Checking…' : 'Verify and sign in'}
        </Button>
      )}
    </form>
  );
}
