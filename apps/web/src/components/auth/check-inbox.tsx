'use client';

import { Button } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { browserFetch, callApi } from '@/auth/api';
import { devOutboxHref, useDevOutboxAvailable } from '@/auth/queries';
import { FormAlert } from '../forms/form-alert';
import { AuthCard, textLinkClasses } from './auth-card';

/** Seconds before "resend" works again, so an impatient double click does not send three emails. */
const RESEND_PAUSE_MS = 30_000;

/** After sign-up: where the verification link went, with resend and (locally) the dev outbox. */
export function CheckInbox({ email, onChangeEmail }: { email: string; onChangeEmail: () => void }) {
  const outbox = useDevOutboxAvailable();
  const [resend, setResend] = useState<{ state: 'idle' | 'sending' | 'sent'; error?: string }>({
    state: 'idle',
  });

  const onResend = async () => {
    setResend({ state: 'sending' });
    const result = await callApi(browserFetch, '/api/auth/resend-verification', {
      method: 'POST',
      body: { email },
    });
    if (!result.ok) return setResend({ state: 'idle', error: result.error.message });
    setResend({ state: 'sent' });
    setTimeout(
      () => setResend((current) => (current.state === 'sent' ? { state: 'idle' } : current)),
      RESEND_PAUSE_MS,
    );
  };

  return (
    <AuthCard
      title="Check your inbox"
      subtitle={
        <>
          We sent a link to <strong className="font-semibold break-all text-ink">{email}</strong>. Open it to
          confirm your address and finish signing up.
        </>
      }
      footer={
        <>
          Wrong address?{' '}
          <button type="button" onClick={onChangeEmail} className={textLinkClasses}>
            Change it
          </button>
        </>
      }
    >
      <div className="space-y-4">
        {outbox ? (
          <FormAlert tone="info" title="Running WatchTogether locally?">
            No mail provider is set up, so emails land in the{' '}
            <Link href={devOutboxHref(email)} className={textLinkClasses}>
              dev outbox
            </Link>
            .
          </FormAlert>
        ) : null}
        {resend.error ? <FormAlert>{resend.error}</FormAlert> : null}
        {resend.state === 'sent' ? (
          <FormAlert tone="success">We sent another link. It can take a minute to arrive.</FormAlert>
        ) : null}
        <p className="text-sm leading-6 text-ink-muted">
          Nothing after a few minutes? Look in your spam folder, or send the email again.
        </p>
        <Button
          variant="outline"
          className="w-full"
          onClick={() => void onResend()}
          disabled={resend.state !== 'idle'}
        >
          {resend.state === 'sending' ? 'Sending…' : resend.state === 'sent' ? 'Sent' : 'Resend the email'}
        </Button>
      </div>
    </AuthCard>
  );
}
