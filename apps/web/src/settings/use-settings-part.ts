'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserSettings } from '@wt/schemas';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';

type Part = keyof UserSettings;
export type SettingsNotice = { tone: 'success' | 'error'; text: string };

/**
 * One part of Settings (privacy, notifications, room defaults) as a form: the saved value from
 * `settings.get`, a local draft, and a save through `settings.update` that replaces that part only.
 */
export function useSettingsPart<P extends Part>(part: P, messages: { saved: string }, onSaved?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const [draft, setDraft] = useState<UserSettings[P] | null>(null);
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), next);
        setDraft(null);
        setNotice({ tone: 'success', text: messages.saved });
        onSaved?.();
      },
      onError: (err) => setNotice({ tone: 'error', text: err.message || 'Your choices could not be saved. Please try again.' }),
    }),
  );
  const saved = settings.data?.[part] ?? null;
  return {
    status: settings.isPending ? ('loading' as const) : settings.isError || !saved ? ('error' as const) : ('ready' as const),
    saved,
    current: draft ?? saved,
    notice,
    saving: update.isPending,
    /** Replaces the draft (clears the last notice). */
    edit(next: UserSettings[P] | null) {
      setNotice(null);
      setDraft(next);
    },
    save(value: UserSettings[P]) {
      setNotice(null);
      update.mutate({ [part]: value } as Partial<Pick<UserSettings, P>>);
    },
  };
}
