'use client';

import { useQuery } from '@tanstack/react-query';
import { browserFetch, callApi } from './api';
import { providersResponseSchema, type OAuthProviderId } from './responses';

/** The OAuth providers this server has configured (none until their client ids are set). */
export function useOAuthProviders(): OAuthProviderId[] {
  const query = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: async () => {
      const result = await callApi(browserFetch, '/api/auth/providers', {}, providersResponseSchema);
      return result.ok ? result.data.providers : [];
    },
    staleTime: 5 * 60_000,
  });
  return query.data ?? [];
}

/**
 * Whether the dev outbox answers (the API runs outside production with no mail provider), so pages can
 * point a developer at it. False while unknown.
 */
export function useDevOutboxAvailable(): boolean {
  const query = useQuery({
    queryKey: ['dev', 'outbox', 'available'],
    queryFn: async () => {
      try {
        const response = await fetch('/api/dev/outbox?limit=1', { cache: 'no-store' });
        return response.ok;
      } catch {
        return false;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data ?? false;
}

export function devOutboxHref(email?: string | null): string {
  return email ? `/dev/outbox?${new URLSearchParams({ to: email })}` : '/dev/outbox';
}
