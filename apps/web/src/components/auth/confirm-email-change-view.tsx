'use client';

import { confirmEmailChangeInput, confirmEmailChangeResponse } from '@wt/schemas';
import { buttonClasses } from '@wt/ui';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { browserFetch, callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { AuthCard } from './auth-card';

type State = { kind: 'working' } | { kind: 'done'; email: string } | { kind: 'failed'; message: string };

/** Opened from the link sent to a new address: the account's email changes to it. */
export function ConfirmEmailChangeView({ token }: { token: string | null }) {
  const { client, user } = useAuth();
  const valid = confirmEmailChangeInput.safeParse({ token }).success;
  const [state, setState] = useState<State>(
    valid
      ? { kind: 'working' }
      : { kind: 'failed', message: 'This link is incomplete. Open the link from the email again.' },
  );
  // The token works once: React's development double-mount must not send it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!valid || sent.current) return;
    sent.current = true;
    void (async () => {
      const result = await callApi(
        browserFetch,
        '/api/account/confirm-email-change',
        { method: 'POST', body: { token } },
        confirmEmailChangeResponse,
      );
      setState(
        result.ok
          ? { kind: 'done', email: result.data.email }
          : { kind: 'failed', message: result.error.message },
      );
    })();
  }, [valid, token]);

  // Show the new address in the header and settings of a tab signed in to this account.
  useEffect(() => {
    if (state.kind === 'done' && user && user.email !== state.email) {
      client.updateUser({ ...user, email: state.email, emailVerified: true });
    }
  }, [state, user, client]);

  if (state.kind === 'working') {
    return (
      <AuthCard title="Confirming your new email" subtitle="One moment.">
        <p role="status" className="text-sm text-ink-muted">
          Confirming…
        </p>
      </AuthCard>
    );
  }
  if (state.kind === 'failed') {
    return (
      <AuthCard
        title="We couldn't change your email"
        subtitle="You can ask for a new link in Settings > Account."
      >
        <FormAlert className="mb-6">{state.message}</FormAlert>
        <Link href="/settings/account" className={buttonClasses({ variant: 'outline', className: 'w-full' })}>
          Go to Settings
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Your email is changed"
      subtitle={
        <>
          Your account now uses <strong className="font-semibold break-all text-ink">{state.email}</strong>.
          We told your old address about the change.
        </>
      }
    >
      <Link href="/settings/account" className={buttonClasses({ className: 'w-full' })}>
        Back to Settings
      </Link>
    </AuthCard>
  );
}
