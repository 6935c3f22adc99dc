import type { Metadata } from 'next';
import { oauthErrorMessage } from '@/auth/oauth-errors';
import { OAUTH_PROVIDER_LABELS, OAUTH_PROVIDERS, type OAuthProviderId } from '@/auth/responses';
import { AreaPageHeader } from '@/components/area-shell';
import { AccountSettings } from '@/components/settings/account-settings';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Account settings' };

export default async function AccountSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const connected = firstParam(params, 'connected');
  const oauthError = oauthErrorMessage(firstParam(params, 'oauthError'));
  const providerNotice = oauthError
    ? { tone: 'error' as const, message: oauthError }
    : connected && (OAUTH_PROVIDERS as readonly string[]).includes(connected)
      ? {
          tone: 'success' as const,
          message: `${OAUTH_PROVIDER_LABELS[connected as OAuthProviderId]} is connected.`,
        }
      : null;
  return (
    <>
      <AreaPageHeader title="Account">
        <p>Your email address, password, two-step verification and the ways you sign in.</p>
      </AreaPageHeader>
      <AccountSettings providerNotice={providerNotice} />
    </>
  );
}
