'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppNotification,
  Friend,
  FriendActionResult,
  NotificationServerToClientEvents,
  Person,
  Presence,
  PresenceServerToClientEvents,
} from '@wt/schemas';
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { useSocket } from '@/lib/socket';
import { useTRPC } from '@/trpc/react';
import { friendErrorOf } from './friend-errors';
import { applyPresence } from './presence';

/**
 * The friends page's data: friends (with presence), requests and blocked people from tRPC, kept live by
 * /global: `presence` updates one friend's dot, and a friend request or acceptance refetches the lists.
 * Having this page open also keeps the viewer's own /global socket connected, so friends see them online.
 */
export function useFriendsLive() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.friends.list.queryKey();
  const friends = useQuery(trpc.friends.list.queryOptions(undefined, { staleTime: 30_000 }));
  const requests = useQuery(trpc.friends.requests.queryOptions(undefined, { staleTime: 30_000 }));
  const blocked = useQuery(trpc.friends.blocked.queryOptions(undefined, { staleTime: 60_000 }));
  const { socket, status } = useSocket('/global');

  useEffect(() => {
    if (!socket) return;
    const live = socket as unknown as Socket<PresenceServerToClientEvents & NotificationServerToClientEvents>;
    const onPresence = (presence: Presence) => {
      queryClient.setQueryData(listKey, (list: Friend[] | undefined) => (list ? (applyPresence(list, presence) as Friend[]) : list));
    };
    const onNotification = (notification: AppNotification) => {
      if (notification.type === 'friend_request' || notification.type === 'friend_accepted') {
        void queryClient.invalidateQueries({ queryKey: trpc.friends.pathKey() });
      }
    };
    // After a reconnect, events may have been missed: start again from the server's view.
    const onConnect = () => void queryClient.invalidateQueries({ queryKey: trpc.friends.pathKey() });
    live.on('presence', onPresence);
    live.on('notification', onNotification);
    socket.on('connect', onConnect);
    return () => {
      live.off('presence', onPresence);
      live.off('notification', onNotification);
      socket.off('connect', onConnect);
    };
    // The key is derived from stable inputs; re-subscribing on every render would drop events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [socket, queryClient, trpc]);

  return { friends, requests, blocked, live: status === 'connected' };
}

export type FriendAction = 'send' | 'accept' | 'reject' | 'cancel' | 'remove' | 'block' | 'unblock';

type RowState = { pending: FriendAction | null; error: string | null };

/**
 * Runs a friends action on one person and refreshes every friends list afterwards. Each person's row
 * keeps its own "working" state and refusal sentence.
 */
export function useFriendActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const mutations = {
    send: useMutation(trpc.friends.send.mutationOptions()),
    accept: useMutation(trpc.friends.accept.mutationOptions()),
    reject: useMutation(trpc.friends.reject.mutationOptions()),
    cancel: useMutation(trpc.friends.cancel.mutationOptions()),
    remove: useMutation(trpc.friends.remove.mutationOptions()),
    block: useMutation(trpc.friends.block.mutationOptions()),
    unblock: useMutation(trpc.friends.unblock.mutationOptions()),
  };

  const run = async (action: FriendAction, person: Pick<Person, 'id'>): Promise<FriendActionResult | null> => {
    setRows((r) => ({ ...r, [person.id]: { pending: action, error: null } }));
    try {
      const result = await mutations[action].mutateAsync({ userId: person.id });
      setRows((r) => ({ ...r, [person.id]: { pending: null, error: null } }));
      return result;
    } catch (error) {
      setRows((r) => ({ ...r, [person.id]: { pending: null, error: friendErrorOf(error).message } }));
      return null;
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.friends.pathKey() });
    }
  };

  return { run, row: (id: string): RowState => rows[id] ?? { pending: null, error: null } };
}
