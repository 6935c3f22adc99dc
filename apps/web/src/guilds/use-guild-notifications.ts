'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { AppNotification, NotificationServerToClientEvents } from '@wt/schemas';
import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import { useSocket } from '@/lib/socket';
import { useTRPC } from '@/trpc/react';

/**
 * Keeps the guild pages current with the viewer's notifications on /global: an invite, a join request
 * or an answer to one refetches every guild query, so it shows without a reload.
 */
export function useGuildNotifications() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket } = useSocket('/global');

  useEffect(() => {
    if (!socket) return;
    const live = socket as unknown as Socket<NotificationServerToClientEvents>;
    const onNotification = (notification: AppNotification) => {
      if (notification.type === 'guild_invite' || notification.type === 'guild_event') {
        void queryClient.invalidateQueries({ queryKey: trpc.guilds.pathKey() });
      }
    };
    live.on('notification', onNotification);
    return () => {
      live.off('notification', onNotification);
    };
  }, [socket, queryClient, trpc]);
}
