'use client';

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@wt/api';
import { useEffect, useState, type ReactNode } from 'react';
import superjson from 'superjson';
import { useAuthClient } from '@/auth/auth-provider';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The browser calls its own origin; next.config.ts rewrites /trpc to the API, so the session
 * cookie stays first-party. Server components use src/trpc/server.tsx instead.
 */
export const TRPC_PATH = '/trpc';

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every render gets its own client so no data leaks between requests.
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const auth = useAuthClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: TRPC_PATH,
          transformer: superjson,
          // The access token lives in memory (AuthProvider); fetched fresh for every batch.
          async headers() {
            const token = await auth.getFreshAccessToken();
            return token ? { authorization: `Bearer ${token}` } : {};
          },
        }),
      ],
    }),
  );

  // Another user (or nobody) now: drop what was fetched as the previous one.
  useEffect(() => {
    let userId = auth.getState().user?.id ?? null;
    let settled = auth.getState().status !== 'loading';
    return auth.subscribe(() => {
      const { status, user } = auth.getState();
      const next = user?.id ?? null;
      if (settled && next !== userId) void queryClient.resetQueries();
      userId = next;
      settled = status !== 'loading';
    });
  }, [auth, queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
