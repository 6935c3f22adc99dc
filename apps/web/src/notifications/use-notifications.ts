'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppNotification, NotificationPage, NotificationServerToClientEvents } from '@wt/schemas';
import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import { useSocket } from '@/lib/socket';
import { useTRPC } from '@/trpc/react';
import { BELL_PAGE_SIZE, markedRead, withLive } from './feed';

/**
 * The bell's data: the unread count and the newest notifications from tRPC, kept current by the
 * /global `notification` event (and refetched after a reconnect, which may have missed some).
 */
export function useNotifications() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listInput = { limit: BELL_PAGE_SIZE };
  const listKey = trpc.notifications.list.queryKey(listInput);
  const countKey = trpc.notifications.unreadCount.queryKey();
  const list = useQuery(trpc.notifications.list.queryOptions(listInput, { staleTime: 60_000 }));
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { staleTime: 60_000 }));
  const { socket } = useSocket('/global');

  useEffect(() => {
    if (!socket) return;
    const live = socket as unknown as Socket<NotificationServerToClientEvents>;
    const onNotification = (notification: AppNotification) => {
      queryClient.setQueryData(listKey, (page: NotificationPage | undefined) =>
        page ? { ...page, items: withLive(page.items, notification) } : page,
      );
      queryClient.setQueryData(countKey, (c: { count: number } | undefined) => ({ count: (c?.count ?? 0) + 1 }));
    };
    const onReconnect = () => {
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
    };
    live.on('notification', onNotification);
    socket.on('connect', onReconnect);
    return () => {
      live.off('notification', onNotification);
      socket.off('connect', onReconnect);
    };
    // The keys are derived from stable inputs; re-subscribing on every render would drop events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [socket, queryClient, trpc]);

  const applyRead = (ids: string[] | 'all', updated: number) => {
    const now = new Date().toISOString();
    queryClient.setQueryData(listKey, (page: NotificationPage | undefined) =>
      page ? { ...page, items: markedRead(page.items, ids, now) } : page,
    );
    queryClient.setQueryData(countKey, (c: { count: number } | undefined) => ({
      count: Math.max(0, (c?.count ?? 0) - updated),
    }));
  };
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({ onSuccess: (r, input) => applyRead(input.ids, r.updated) }),
  );
  const markAllRead = useMutation(
    trpc.notifications.markAllRead.mutationOptions({ onSuccess: (r) => applyRead('all', r.updated) }),
  );

  return {
    items: list.data?.items ?? [],
    isLoading: list.isPending,
    error: list.isError ? 'Your notifications could not be loaded. Please try again in a moment.' : null,
    unread: unread.data?.count ?? 0,
    markRead: (id: string) => markRead.mutateAsync({ ids: [id] }),
    markAllRead: () => markAllRead.mutateAsync(),
    markingAll: markAllRead.isPending,
  };
}
