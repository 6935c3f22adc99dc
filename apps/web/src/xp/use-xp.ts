'use client';

import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { XpServerToClientEvents, XpStanding } from '@wt/schemas';
import { useCallback, useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { useSocket } from '@/lib/socket';
import { useTRPC } from '@/trpc/react';
import { newerStanding } from './labels';

/** Rows per page of the XP history. */
export const XP_HISTORY_PAGE_SIZE = 20;
/** How long the header shows the amount of a live award. */
const GAIN_FLASH_MS = 3_000;

type Gained = Parameters<XpServerToClientEvents['xp:gained']>[0];

/** The signed-in person's XP, level and progress (xp.me); `useXpLive` keeps it current. */
export function useXpStanding(enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.xp.me.queryOptions(undefined, { staleTime: 60_000, enabled }));
}

/**
 * The signed-in person's XP standing from xp.me, kept current by /global: `xp:gained` moves the bar
 * (and refetches the history), `xp:level_up` raises the toast. A reconnect refetches, since events
 * may have been missed while offline.
 */
export function useXpLive() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const standing = useXpStanding();
  const [gain, setGain] = useState<Gained | null>(null);
  const [levelUp, setLevelUp] = useState<number | null>(null);
  const { socket } = useSocket('/global');

  useEffect(() => {
    if (!socket) return;
    const live = socket as unknown as Socket<XpServerToClientEvents>;
    const meKey = trpc.xp.me.queryKey();
    let flashTimer: ReturnType<typeof setTimeout> | undefined;
    const onGained = (gained: Gained) => {
      queryClient.setQueryData(meKey, (current: XpStanding | undefined) =>
        newerStanding(current, gained.standing),
      );
      void queryClient.invalidateQueries({ queryKey: trpc.xp.history.pathKey() });
      setGain(gained);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => setGain(null), GAIN_FLASH_MS);
    };
    const onLevelUp = ({ level }: { level: number }) => setLevelUp(level);
    const onConnect = () => void queryClient.invalidateQueries({ queryKey: trpc.xp.pathKey() });
    live.on('xp:gained', onGained);
    live.on('xp:level_up', onLevelUp);
    socket.on('connect', onConnect);
    return () => {
      live.off('xp:gained', onGained);
      live.off('xp:level_up', onLevelUp);
      socket.off('connect', onConnect);
      clearTimeout(flashTimer);
    };
  }, [socket, queryClient, trpc]);

  const dismissLevelUp = useCallback(() => setLevelUp(null), []);

  return {
    standing: standing.data,
    /** An award heard live in the last few seconds (the header shows its amount), else null. */
    gain,
    /** The level just reached, until the toast is dismissed. */
    levelUp,
    dismissLevelUp,
  };
}

/** The XP history, newest first, a page at a time. */
export function useXpHistory() {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.xp.history.infiniteQueryOptions(
      { limit: XP_HISTORY_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
}
