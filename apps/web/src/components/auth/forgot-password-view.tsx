'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { forgotPasswordInput } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { browserFetch, callApi } from '@/auth/api';
import { devOutboxHref, useDevOutboxAvailable } from '@/auth/queries';
import { applyApiError } from '../forms/apply-api-error';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { AuthCard, textLinkClasses } from './auth-card';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordView() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const outbox = useDevOutboxAvailable();
  const form = useForm<z.input<typeof forgotPasswordInput>, unknown, z.output<typeof forgotPasswordInput>>({
    resolver: zodResolver(forgotPasswordInput),
    defaultValues: { email: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(browserFetch, '/api/auth/forgot-password', { method: 'POST', body: values });
    if (!result.ok) return applyApiError(form, result.error);
    setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <AuthCard
        title="Check your inbox"
        subtitle={
          <>
            If an account uses <strong className="font-semibold break-all text-ink">{sentTo}</strong>, we sent
            it a link to choose a new password. The link works once.
          </>
        }
      >
        <div className="space-y-4">
          {outbox ? (
            <FormAlert tone="info" title="Running WatchTogether locally?">
              Emails land in the{' '}
              <Link href={devOutboxHref(sentTo)} className={textLinkClasses}>
                dev outbox
              </Link>
              .
            </FormAlert>
          ) : null}
          <Link href="/sign-in" className={buttonClasses({ variant: 'outline', className: 'w-full' })}>
            Back to sign in
          </Link>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter the email address of your account and we will send you a link to choose a new password."
      footer={
        <>
          Remembered it?{' '}
          <Link href="/sign-in" className={textLinkClasses}>
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.email?.message}
          {...form.register('email')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Sending…' : 'Send the link'}
        </Button>
      </form>
    </AuthCard>
  );
}
