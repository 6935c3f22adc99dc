'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signInInput, type AuthSession, type SignInInput } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { browserFetch, callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { safeNextPath } from '@/auth/safe-next';
import { signInResponseSchema } from '@/auth/responses';
import { applyApiError } from '../forms/apply-api-error';
import { Field, PasswordField } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { AuthCard, textLinkClasses } from './auth-card';
import { MfaChallenge } from './mfa-challenge';
import { OAuthButtons } from './oauth-buttons';
import { ResendVerification } from './resend-verification';
import { useCountdown } from './use-countdown';

export interface SignInViewProps {
  /** Where to go once signed in (`?next=`); checked by safeNextPath. */
  next?: string;
  /** A sentence from the OAuth callback (`?oauthError=`), already mapped to our own words. */
  oauthError?: string | null;
  /** Set when a provider sign-in needs the second factor (`?mfaChallenge=` from the OAuth callback). */
  mfaChallenge?: string | undefined;
}

/**
 * Sign in with email or username and password; a second step asks for a code when the account uses
 * two-step verification. The credentials form keeps its values while the code step is shown.
 */
export function SignInView({ next, oauthError, mfaChallenge }: SignInViewProps) {
  const { client, status, user } = useAuth();
  const router = useRouter();
  const destination = safeNextPath(next);
  const [challengeToken, setChallengeToken] = useState<string | null>(mfaChallenge ?? null);
  const [unverified, setUnverified] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [finishing, setFinishing] = useState(false);
  const secondsLeft = useCountdown(blockedUntil);

  const form = useForm<SignInInput, unknown, z.output<typeof signInInput>>({
    resolver: zodResolver(signInInput),
    defaultValues: { login: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const finish = (session: AuthSession) => {
    setFinishing(true);
    client.setSession(session);
    router.replace(destination);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setUnverified(false);
    const result = await callApi(
      browserFetch,
      '/api/auth/sign-in',
      { method: 'POST', body: values },
      signInResponseSchema,
    );
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'EMAIL_NOT_VERIFIED') setUnverified(true);
      if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
        setBlockedUntil(Date.now() + error.retryAfterSeconds * 1000);
      }
      applyApiError(form, error);
      return;
    }
    if ('mfaRequired' in result.data) setChallengeToken(result.data.challengeToken);
    else finish(result.data);
  });

  if (status === 'signed-in' && user && !finishing) {
    return (
      <AuthCard title="You're signed in" subtitle={<>You are signed in as @{user.username}.</>}>
        <div className="grid gap-3">
          <Link href={destination} className={buttonClasses({ className: 'w-full' })}>
            Continue
          </Link>
          <Button variant="outline" className="w-full" onClick={() => void client.signOut()}>
            Sign in as someone else
          </Button>
        </div>
      </AuthCard>
    );
  }

  if (challengeToken) {
    return (
      <MfaChallenge
        challengeToken={challengeToken}
        onSession={finish}
        onRestart={() => setChallengeToken(null)}
      />
    );
  }

  const login = form.watch('login');
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to your rooms, friends and guild."
      footer={
        <>
          New here?{' '}
          <Link href="/sign-up" className={textLinkClasses}>
            Create an account
          </Link>
        </>
      }
    >
      {oauthError ? <FormAlert className="mb-6">{oauthError}</FormAlert> : null}
      <OAuthButtons returnTo={destination} />
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field
          label="Email or username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.login?.message}
          {...form.register('login')}
        />
        <PasswordField
          label="Password"
          autoComplete="current-password"
          error={errors.password?.message}
          labelAside={
            <Link href="/forgot-password" className={textLinkClasses}>
              Forgot your password?
            </Link>
          }
          {...form.register('password')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <Button type="submit" className="w-full" disabled={isSubmitting || finishing || secondsLeft > 0}>
          {secondsLeft > 0
            ? `Try again in ${secondsLeft} s`
            : isSubmitting || finishing
              ? 'Signing in…'
              : 'Sign in'}
        </Button>
      </form>
      {unverified ? (
        <div className="mt-6 border-t border-line pt-6">
          <p className="mb-3 text-sm leading-6 text-ink-muted">
            Didn&apos;t get the email, or the link expired? We can send a new one.
          </p>
          <ResendVerification defaultEmail={login.includes('@') ? login.trim() : ''} />
        </div>
      ) : null}
    </AuthCard>
  );
}
