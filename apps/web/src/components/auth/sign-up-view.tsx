'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { LIMITS, PASSWORD_MIN, signUpInput, type SignUpInput } from '@wt/schemas';
import { Button } from '@wt/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { browserFetch, callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { signUpResponseSchema } from '@/auth/responses';
import { DEFAULT_AFTER_SIGN_IN } from '@/auth/safe-next';
import { applyApiError } from '../forms/apply-api-error';
import { Field, PasswordField } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { AuthCard, textLinkClasses } from './auth-card';
import { CheckInbox } from './check-inbox';
import { OAuthButtons } from './oauth-buttons';

/** Create an account; when the email must be verified first, a "check your inbox" screen follows. */
export function SignUpView() {
  const { client } = useAuth();
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<SignUpInput, unknown, z.output<typeof signUpInput>>({
    resolver: zodResolver(signUpInput),
    defaultValues: { username: '', displayName: '', email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(
      browserFetch,
      '/api/auth/sign-up',
      { method: 'POST', body: values },
      signUpResponseSchema,
    );
    if (!result.ok) return applyApiError(form, result.error);
    if ('status' in result.data) {
      setSentTo(result.data.email);
      return;
    }
    // This server does not ask for verification: the account is signed in already.
    client.setSession(result.data);
    router.replace(DEFAULT_AFTER_SIGN_IN);
  });

  if (sentTo) return <CheckInbox email={sentTo} onChangeEmail={() => setSentTo(null)} />;

  return (
    <AuthCard
      title="Create your account"
      subtitle="One account for Watch Rooms and Shorts: your level, badges and wallet go everywhere."
      footer={
        <>
          Already have an account?{' '}
          <Link href="/sign-in" className={textLinkClasses}>
            Sign in
          </Link>
        </>
      }
    >
      <OAuthButtons returnTo={DEFAULT_AFTER_SIGN_IN} />
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={LIMITS.usernameMax}
          hint={`${LIMITS.usernameMin}–${LIMITS.usernameMax} characters: letters, numbers and underscores. People find you by it.`}
          error={errors.username?.message}
          {...form.register('username')}
        />
        <Field
          label="Display name"
          autoComplete="nickname"
          maxLength={LIMITS.displayNameMax}
          hint="The name shown in rooms and chat. You can change it later."
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <PasswordField
          label="Password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. A short sentence is easy to remember and hard to guess.`}
          error={errors.password?.message}
          {...form.register('password')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
    </AuthCard>
  );
}
