'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { StudioSeries } from '@wt/schemas';
import { useCallback, useState } from 'react';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { shortsErrorOf, type ShortsFailure } from './shorts-errors';

type Client = ReturnType<typeof useTRPCClient>;
export type StudioResult<T> = { ok: true; data: T } | { ok: false; error: ShortsFailure };

function isStudioSeries(value: unknown): value is StudioSeries {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    'seasons' in (value as object) &&
    'freeEpisodes' in (value as object)
  );
}

/**
 * Runs studio mutations by key ("season:<id>:delete", "episode:<id>:publish"...): each key keeps its
 * refusal sentence until tried again. Every studio mutation answers the whole series, which replaces
 * the cached one at once; the overview (series list, counts) is refetched afterwards.
 */
export function useStudioActions() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<string | null>(null);
  const [failures, setFailures] = useState<Record<string, ShortsFailure>>({});

  const run = useCallback(
    async <T>(key: string, call: (client: Client) => Promise<T>): Promise<StudioResult<T>> => {
      setPending(key);
      setFailures(({ [key]: _cleared, ...rest }) => rest);
      try {
        const data = await call(client);
        if (isStudioSeries(data))
          queryClient.setQueryData(trpc.studio.series.queryKey({ seriesId: data.id }), data);
        return { ok: true, data };
      } catch (err) {
        const error = shortsErrorOf(err);
        setFailures((f) => ({ ...f, [key]: error }));
        return { ok: false, error };
      } finally {
        setPending(null);
        void queryClient.invalidateQueries({ queryKey: trpc.studio.overview.queryKey() });
      }
    },
    [client, queryClient, trpc],
  );

  return {
    run,
    pending,
    /** True while `key` is running. */
    isPending: (key: string) => pending === key,
    /** The refusal sentence of the last try of `key`, or null. */
    error: (key: string): string | null => failures[key]?.message ?? null,
    clear: (key: string) => setFailures(({ [key]: _cleared, ...rest }) => rest),
  };
}

export type StudioActions = ReturnType<typeof useStudioActions>;
