'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { resendVerificationInput } from '@wt/schemas';
import { Button } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { browserFetch, callApi } from '@/auth/api';
import { devOutboxHref, useDevOutboxAvailable } from '@/auth/queries';
import { applyApiError } from '../forms/apply-api-error';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { textLinkClasses } from './auth-card';

type Values = z.input<typeof resendVerificationInput>;

/** Asks for a new verification link. The API answers the same whether or not the address has an account. */
export function ResendVerification({ defaultEmail = '' }: { defaultEmail?: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const outbox = useDevOutboxAvailable();
  const form = useForm<Values, unknown, z.output<typeof resendVerificationInput>>({
    resolver: zodResolver(resendVerificationInput),
    defaultValues: { email: defaultEmail },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(browserFetch, '/api/auth/resend-verification', {
      method: 'POST',
      body: values,
    });
    if (!result.ok) return applyApiError(form, result.error);
    setSentTo(values.email);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Field
        label="Email for the new link"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register('email')}
      />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      {sentTo ? (
        <FormAlert tone="success">
          If {sentTo} has an account waiting for confirmation, a new link is on its way.
          {outbox ? (
            <>
              {' '}
              <Link href={devOutboxHref(sentTo)} className={textLinkClasses}>
                Open the dev outbox
              </Link>
            </>
          ) : null}
        </FormAlert>
      ) : null}
      <Button type="submit" variant="outline" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? 'Sending…' : 'Send a new link'}
      </Button>
    </form>
  );
}
