'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import {
  DEACTIVATION_GRACE_DAYS,
  deactivateInput,
  DELETE_CONFIRMATION,
  deleteAccountInput,
  type DeactivateInput,
  type DeleteAccountInput,
} from '@wt/schemas';
import { Button } from '@wt/ui';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { callApi } from '@/auth/api';
import { signedOutPath, useAuth } from '@/auth/auth-provider';
import { REAUTH_CODE_FIELDS } from '@/auth/form-errors';
import { applyApiError } from '../forms/apply-api-error';
import { Field, PasswordField } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { SettingsSection } from './settings-section';

/** Deactivate (reversible for 30 days) or delete (a purge) the account; both re-ask for the password. */
export function YourData() {
  return (
    <div id="your-data" className="grid scroll-mt-24 gap-6">
      <DeactivateAccount />
      <DeleteAccount />
    </div>
  );
}

function DeactivateAccount() {
  const { client } = useAuth();
  const router = useRouter();
  const form = useForm<DeactivateInput, unknown, z.output<typeof deactivateInput>>({
    resolver: zodResolver(deactivateInput),
    defaultValues: { password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(client.authFetch, '/api/account/deactivate', {
      method: 'POST',
      body: values,
    });
    if (!result.ok) return applyApiError(form, result.error, REAUTH_CODE_FIELDS);
    // The API ended every session; forget this one before anything reacts to that.
    client.clear();
    router.replace(signedOutPath('deactivated'));
  });

  return (
    <SettingsSection
      id="deactivate"
      title="Deactivate your account"
      danger
      description={
        <>
          Your profile, rooms and messages are hidden from everyone right away and you are signed out
          everywhere. Sign in again within {DEACTIVATION_GRACE_DAYS} days and everything comes back; after
          that the account is deleted for good.
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register('password')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <div>
          <Button type="submit" variant="danger" disabled={isSubmitting}>
            {isSubmitting ? 'Deactivating…' : 'Deactivate my account'}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}

function DeleteAccount() {
  const { client } = useAuth();
  const router = useRouter();
  const form = useForm<DeleteAccountInput, unknown, z.output<typeof deleteAccountInput>>({
    resolver: zodResolver(deleteAccountInput),
    defaultValues: { password: '', confirm: '' as DeleteAccountInput['confirm'] },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(client.authFetch, '/api/account/delete', { method: 'POST', body: values });
    if (!result.ok) return applyApiError(form, result.error, REAUTH_CODE_FIELDS);
    client.clear();
    router.replace(signedOutPath('deleted'));
  });

  return (
    <SettingsSection
      id="delete"
      title="Delete your account"
      danger
      description={
        <>
          <p>
            This cannot be undone. We remove your profile, friends, XP, watch history and everything else tied
            to you. Records of payments and payouts stay, without your name.
          </p>
          <p className="mt-2">
            Messages you sent in rooms and comments on episodes are kept so other people&apos;s conversations
            still make sense, anonymised: they show as from &ldquo;Deleted user&rdquo;.
          </p>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Field
          label={`Type ${DELETE_CONFIRMATION} to confirm`}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <div>
          <Button type="submit" variant="danger" disabled={isSubmitting}>
            {isSubmitting ? 'Deleting…' : 'Delete my account'}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
