import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@wt/api';
import { cache, type ReactNode } from 'react';
import superjson from 'superjson';
import { env } from '@/env';
import { makeQueryClient } from './query-client';

/**
 * A slow or unreachable API must not hold a page render (or `next build`) hostage: server-side
 * calls give up after this long and the page renders its fallback.
 */
const SERVER_CALL_TIMEOUT_MS = 3_000;

/** One QueryClient per server request (React's cache() is request-scoped). */
export const getQueryClient = cache(makeQueryClient);

const serverClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${env.API_ORIGIN}/trpc`,
      transformer: superjson,
      fetch: (url, init) => {
        const timeout = AbortSignal.timeout(SERVER_CALL_TIMEOUT_MS);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return fetch(url, { ...(init as RequestInit), signal });
      },
    }),
  ],
});

/** Query options for server components: `await getQueryClient().prefetchQuery(trpc.x.queryOptions())`. */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  client: serverClient,
  queryClient: getQueryClient,
});

/** Hands the server-prefetched queries to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
