'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PASSWORD_MIN, resetPasswordInput } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { browserFetch, callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { applyApiError } from '../forms/apply-api-error';
import { PasswordField } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { AuthCard, textLinkClasses } from './auth-card';

type Values = z.input<typeof resetPasswordInput>;

/** Opened from the reset email: choose a new password. Every session of the account ends. */
export function ResetPasswordView({ token }: { token: string | null }) {
  const { client } = useAuth();
  const [done, setDone] = useState(false);
  const [linkBroken, setLinkBroken] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof resetPasswordInput>>({
    resolver: zodResolver(resetPasswordInput),
    defaultValues: { token: token ?? '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const tokenOk = resetPasswordInput.shape.token.safeParse(token).success;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(browserFetch, '/api/auth/reset-password', { method: 'POST', body: values });
    if (!result.ok) {
      if (result.error.code === 'TOKEN_INVALID' || result.error.code === 'TOKEN_EXPIRED') setLinkBroken(true);
      return applyApiError(form, result.error);
    }
    // The API ended every session of the account, this tab's included.
    client.clear();
    setDone(true);
  });

  if (done) {
    return (
      <AuthCard
        title="Your password is changed"
        subtitle="For your safety we signed you out on every device."
      >
        <Link href="/sign-in" className={buttonClasses({ className: 'w-full' })}>
          Sign in with your new password
        </Link>
      </AuthCard>
    );
  }

  if (!tokenOk) {
    return (
      <AuthCard
        title="This link is incomplete"
        subtitle="Open the link from the email again, or ask for a new one."
      >
        <Link href="/forgot-password" className={buttonClasses({ className: 'w-full' })}>
          Send me a new link
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Choose a new password"
      subtitle="Setting a new password signs you out on every device."
      footer={
        <Link href="/sign-in" className={textLinkClasses}>
          Back to sign in
        </Link>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <PasswordField
          label="New password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          error={errors.password?.message}
          {...form.register('password')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        {linkBroken ? (
          <Link
            href="/forgot-password"
            className={buttonClasses({ variant: 'outline', className: 'w-full' })}
          >
            Send me a new link
          </Link>
        ) : null}
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save the new password'}
        </Button>
      </form>
    </AuthCard>
  );
}
