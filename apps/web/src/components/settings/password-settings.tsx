'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { changePasswordInput, PASSWORD_MIN, type ChangePasswordInput } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { REAUTH_CODE_FIELDS } from '@/auth/form-errors';
import { applyApiError } from '../forms/apply-api-error';
import { PasswordField } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { SettingsSection } from './settings-section';

export function PasswordSettings() {
  const { client } = useAuth();
  const [changed, setChanged] = useState(false);
  const form = useForm<ChangePasswordInput, unknown, z.output<typeof changePasswordInput>>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setChanged(false);
    const result = await callApi(client.authFetch, '/api/account/change-password', {
      method: 'POST',
      body: values,
    });
    if (!result.ok) return applyApiError(form, result.error, REAUTH_CODE_FIELDS);
    form.reset();
    setChanged(true);
  });

  return (
    <SettingsSection
      id="password"
      title="Password"
      description="Changing your password signs you out on your other devices. This one stays signed in."
    >
      <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        {changed ? (
          <FormAlert tone="success">Your password is changed. Your other devices were signed out.</FormAlert>
        ) : null}
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Change password'}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
