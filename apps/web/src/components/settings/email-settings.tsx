'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { changeEmailInput, changeEmailResponse, type AuthUser, type ChangeEmailInput } from '@wt/schemas';
import { Button, Pill } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { REAUTH_CODE_FIELDS } from '@/auth/form-errors';
import { devOutboxHref, useDevOutboxAvailable } from '@/auth/queries';
import { textLinkClasses } from '../auth/auth-card';
import { applyApiError } from '../forms/apply-api-error';
import { Field, PasswordField } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { SettingsSection } from './settings-section';

/** The account's address, and a change that only happens once the new address confirms it. */
export function EmailSettings({ user }: { user: AuthUser }) {
  const { client } = useAuth();
  const outbox = useDevOutboxAvailable();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<ChangeEmailInput, unknown, z.output<typeof changeEmailInput>>({
    resolver: zodResolver(changeEmailInput),
    defaultValues: { newEmail: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSentTo(null);
    const result = await callApi(
      client.authFetch,
      '/api/account/change-email',
      { method: 'POST', body: values },
      changeEmailResponse,
    );
    if (!result.ok) return applyApiError(form, result.error, REAUTH_CODE_FIELDS);
    form.reset();
    setSentTo(result.data.email);
  });

  return (
    <SettingsSection
      id="email"
      title="Email address"
      description="Where we send sign-in links and account notices. A new address takes effect once you open the link we send to it."
    >
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium break-all text-ink">{user.email}</span>
        {user.emailVerified ? (
          <Pill tone="success">Confirmed</Pill>
        ) : (
          <Pill tone="warning">Not confirmed</Pill>
        )}
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-5 grid max-w-md gap-4">
        <Field
          label="New email address"
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.newEmail?.message}
          {...form.register('newEmail')}
        />
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          hint="To make sure it is you."
          error={errors.password?.message}
          {...form.register('password')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        {sentTo ? (
          <FormAlert tone="success">
            We sent a link to <strong className="break-all">{sentTo}</strong>. Your address changes when you
            open it.
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
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Sending…' : 'Change email'}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
