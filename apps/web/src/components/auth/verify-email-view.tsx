'use client';

import { tokenInput, type AuthSession } from '@wt/schemas';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { browserFetch, callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { signInResponseSchema } from '@/auth/responses';
import { DEFAULT_AFTER_SIGN_IN } from '@/auth/safe-next';
import { FormAlert } from '../forms/form-alert';
import { AuthCard } from './auth-card';
import { MfaChallenge } from './mfa-challenge';
import { ResendVerification } from './resend-verification';

const INCOMPLETE_LINK =
  'This link is incomplete. Open the link from the email again, or ask for a new one below.';

/** Opened from the verification email: confirms the address, which also signs the account in. */
export function VerifyEmailView({ token }: { token: string | null }) {
  const { client } = useAuth();
  const router = useRouter();
  const valid = tokenInput.safeParse({ token }).success;
  const [error, setError] = useState<string | null>(valid ? null : INCOMPLETE_LINK);
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  // The token works once: React's development double-mount must not send it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!valid || sent.current) return;
    sent.current = true;
    void (async () => {
      // Let the page-load session restore finish first, so its answer cannot undo this sign-in.
      await client.whenRestored();
      const result = await callApi(
        browserFetch,
        '/api/auth/verify-email',
        { method: 'POST', body: { token } },
        signInResponseSchema,
      );
      if (!result.ok) return setError(result.error.message);
      // An account with two-step verification still needs its code, even from the email link.
      if ('mfaRequired' in result.data) return setChallengeToken(result.data.challengeToken);
      client.setSession(result.data);
      router.replace(DEFAULT_AFTER_SIGN_IN);
    })();
  }, [valid, token, client, router]);

  const finish = (session: AuthSession) => {
    client.setSession(session);
    router.replace(DEFAULT_AFTER_SIGN_IN);
  };

  if (challengeToken) {
    return (
      <MfaChallenge
        challengeToken={challengeToken}
        onSession={finish}
        onRestart={() => router.push('/sign-in')}
      />
    );
  }

  if (error) {
    return (
      <AuthCard
        title="We couldn't confirm your email"
        subtitle="Links from our emails work once and expire after a while."
      >
        <FormAlert className="mb-6">{error}</FormAlert>
        <ResendVerification />
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Confirming your email"
      subtitle="One moment: we are confirming your address and signing you in."
    >
      <p role="status" className="flex items-center gap-3 text-sm text-ink-muted">
        <span
          className="size-4 animate-spin rounded-full border-2 border-brand-500 border-t-transparent"
          aria-hidden="true"
        />
        Confirming…
      </p>
    </AuthCard>
  );
}
