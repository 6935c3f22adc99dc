'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { GuildDetail } from '@wt/schemas';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { guildErrorOf, type GuildFailure } from './guild-errors';

type Client = ReturnType<typeof useTRPCClient>;

function isGuildDetail(value: unknown): value is GuildDetail {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    'members' in (value as object) &&
    'standing' in (value as object)
  );
}

/**
 * Runs guild mutations by key ("join", "kick:<userId>"...): one is pending at a time, each key keeps
 * its refusal sentence until it is tried again. A GuildDetail answer replaces the cached guild at
 * once; every guild query (directory, mine, the guild) is refetched afterwards.
 */
export function useGuildActions() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<string | null>(null);
  const [failures, setFailures] = useState<Record<string, GuildFailure>>({});

  const run = async <T>(
    key: string,
    call: (client: Client) => Promise<T>,
  ): Promise<{ ok: true; data: T } | { ok: false; error: GuildFailure }> => {
    setPending(key);
    setFailures(({ [key]: _cleared, ...rest }) => rest);
    try {
      const data = await call(client);
      if (isGuildDetail(data)) queryClient.setQueryData(trpc.guilds.get.queryKey({ guildId: data.id }), data);
      return { ok: true, data };
    } catch (err) {
      const error = guildErrorOf(err);
      setFailures((f) => ({ ...f, [key]: error }));
      return { ok: false, error };
    } finally {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: trpc.guilds.pathKey() });
    }
  };

  return {
    run,
    pending,
    /** The refusal sentence of the last try of `key`, or null. */
    error: (key: string): string | null => failures[key]?.message ?? null,
    clear: (key: string) => setFailures(({ [key]: _cleared, ...rest }) => rest),
  };
}

export type GuildActions = ReturnType<typeof useGuildActions>;
