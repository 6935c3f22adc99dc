'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Pill } from '@wt/ui';
import { useState } from 'react';
import { browserFetch, callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import {
  connectedAccountsSchema,
  OAUTH_PROVIDER_LABELS,
  oauthLinkResponseSchema,
  providersResponseSchema,
  type ConnectedAccounts,
  type OAuthProviderId,
} from '@/auth/responses';
import { FormAlert } from '../forms/form-alert';
import { SettingsSection } from './settings-section';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/**
 * Ways to sign in to this account: the password, and each OAuth provider the server has configured
 * (connect / disconnect). Without a provider configured there is nothing to connect, and it says so.
 */
export function ConnectedProviders({
  userId,
  notice,
}: {
  userId: string;
  notice?: { tone: 'success' | 'error'; message: string } | null;
}) {
  const { client } = useAuth();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<OAuthProviderId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = ['auth', 'oauth', 'accounts', userId];
  const accounts = useQuery({
    queryKey: key,
    queryFn: async (): Promise<ConnectedAccounts | null> => {
      const result = await callApi(client.authFetch, '/api/auth/oauth/accounts', {}, connectedAccountsSchema);
      if (result.ok) return result.data;
      if (result.error.status !== 404) throw new Error(result.error.message);
      // An API without account linking: list the configured providers, none connected.
      const fallback = await callApi(browserFetch, '/api/auth/providers', {}, providersResponseSchema);
      return fallback.ok ? { available: fallback.data.providers, hasPassword: true, providers: [] } : null;
    },
  });

  const connect = async (provider: OAuthProviderId) => {
    setBusy(provider);
    setError(null);
    const result = await callApi(
      client.authFetch,
      `/api/auth/oauth/${provider}/link`,
      { method: 'POST' },
      oauthLinkResponseSchema,
    );
    if (!result.ok) {
      setBusy(null);
      return setError(result.error.message);
    }
    // Off to the provider; it sends the browser back to this page.
    window.location.assign(result.data.url);
  };

  const disconnect = async (provider: OAuthProviderId) => {
    setBusy(provider);
    setError(null);
    const result = await callApi(client.authFetch, `/api/auth/oauth/${provider}`, { method: 'DELETE' });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    await queryClient.invalidateQueries({ queryKey: key });
  };

  const data = accounts.data;
  return (
    <SettingsSection
      id="providers"
      title="Connected sign-in methods"
      description="Ways you can sign in to this account."
    >
      {notice ? (
        <FormAlert tone={notice.tone} className="mb-4">
          {notice.message}
        </FormAlert>
      ) : null}
      {error ? <FormAlert className="mb-4">{error}</FormAlert> : null}
      {accounts.isPending ? (
        <p role="status" className="text-sm text-ink-muted">
          Loading your sign-in methods…
        </p>
      ) : accounts.isError ? (
        <FormAlert>{accounts.error.message}</FormAlert>
      ) : (
        <ul className="divide-y divide-line rounded-2xl border border-line">
          <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <span className="text-sm font-medium text-ink">Email and password</span>
            {data?.hasPassword === false ? (
              <Pill tone="neutral">No password set</Pill>
            ) : (
              <Pill tone="success">On</Pill>
            )}
          </li>
          {(data?.available ?? []).map((provider) => {
            const connected = data?.providers.find((p) => p.provider === provider);
            const label = OAUTH_PROVIDER_LABELS[provider];
            return (
              <li key={provider} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <span className="text-sm">
                  <span className="font-medium text-ink">{label}</span>
                  {connected ? (
                    <span className="block text-xs text-ink-muted">
                      Connected on {dateFormat.format(new Date(connected.connectedAt))}
                    </span>
                  ) : null}
                </span>
                {connected ? (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={busy !== null}
                    onClick={() => void disconnect(provider)}
                    aria-label={`Disconnect ${label}`}
                  >
                    {busy === provider ? 'Disconnecting…' : 'Disconnect'}
                  </Button>
                ) : (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={busy !== null}
                    onClick={() => void connect(provider)}
                    aria-label={`Connect ${label}`}
                  >
                    {busy === provider ? 'Opening…' : 'Connect'}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data && data.available.length === 0 ? (
        <p className="mt-3 text-sm leading-6 text-ink-muted">
          This server has no other sign-in providers set up. Google, Discord and Apple appear here once an
          administrator configures them.
        </p>
      ) : null}
    </SettingsSection>
  );
}
