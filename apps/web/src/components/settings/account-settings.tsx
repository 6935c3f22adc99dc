'use client';

import { useAuth } from '@/auth/auth-provider';
import { SignInPrompt } from '../sign-in-prompt';
import { ConnectedProviders } from './connected-providers';
import { EmailSettings } from './email-settings';
import { MfaSettings } from './mfa-settings';
import { PasswordSettings } from './password-settings';
import { YourData } from './your-data';

/** Settings > Account for the signed-in user; the sign-in prompt for everyone else. */
export function AccountSettings({
  providerNotice,
}: {
  /** The outcome of connecting a provider (`?connected=` / `?oauthError=` from the OAuth callback). */
  providerNotice?: { tone: 'success' | 'error'; message: string } | null;
}) {
  const { user } = useAuth();
  return (
    <SignInPrompt
      title="Sign in to manage your account"
      signedIn={
        user ? (
          <div className="grid gap-6">
            <EmailSettings user={user} />
            <PasswordSettings />
            <MfaSettings userId={user.id} />
            <ConnectedProviders userId={user.id} notice={providerNotice} />
            <YourData />
          </div>
        ) : null
      }
    >
      Your email, password, two-step verification and connected providers live here.
    </SignInPrompt>
  );
}
