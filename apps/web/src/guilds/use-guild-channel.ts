'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { GuildMessage, GuildsServerToClientEvents, SocketError } from '@wt/schemas';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { useSocket } from '@/lib/socket';
import { oldestMessageId } from '@/rooms/chat-messages';
import { useTRPC } from '@/trpc/react';
import { guildChatReducer, INITIAL_GUILD_CHAT } from './chat-state';
import { guildRequest, type GuildsSocket } from './guild-socket';

export type ChatResult = { ok: true } | { ok: false; error: SocketError };
export type RemovalReason = Parameters<GuildsServerToClientEvents['guild:removed']>[0]['reason'];

const OFFLINE: ChatResult = {
  ok: false,
  error: { code: 'OFFLINE', message: 'You are offline. Wait for the connection to come back.' },
};

/**
 * A member's live line to their guild over /guilds: opens the channel (latest chat page) on every
 * (re)connect, applies messages from others, refetches the guild on `guild:updated`, and reports
 * `guild:removed` (left, kicked, disbanded) to the page.
 */
export function useGuildChannel(guildId: string, onRemoved: (reason: RemovalReason) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket: raw, status } = useSocket('/guilds');
  const socket = raw as unknown as GuildsSocket | null;
  const [state, dispatch] = useReducer(guildChatReducer, INITIAL_GUILD_CHAT);
  const stateRef = useRef(state);
  const removedRef = useRef(onRemoved);
  useLayoutEffect(() => {
    stateRef.current = state;
    removedRef.current = onRemoved;
  });
  const historyInFlight = useRef(false);

  const open = useCallback(async () => {
    if (!socket) return;
    dispatch({ type: 'opening' });
    const ack = await guildRequest(socket, 'guild:open', { guildId });
    if (ack.ok) dispatch({ type: 'opened', messages: ack.data.messages, hasMore: ack.data.hasMore });
    else dispatch({ type: 'open-failed', error: ack.error });
  }, [socket, guildId]);

  useEffect(() => {
    if (!socket) return;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: trpc.guilds.pathKey() });
    const onMessage = (p: { guildId: string; message: GuildMessage }) => {
      if (p.guildId === guildId) dispatch({ type: 'message', message: p.message });
    };
    const onUpdated = (p: { guildId: string }) => {
      if (p.guildId === guildId) refetch();
    };
    const onRemovedEvent = (p: { guildId: string; reason: RemovalReason }) => {
      if (p.guildId !== guildId) return;
      removedRef.current(p.reason);
      refetch();
    };
    // Every (re)connect: the server forgot our channel, and messages may have been missed.
    const onConnect = () => void open();
    socket.on('chat:message', onMessage);
    socket.on('guild:updated', onUpdated);
    socket.on('guild:removed', onRemovedEvent);
    socket.on('connect', onConnect);
    if (socket.connected) onConnect();
    return () => {
      socket.off('chat:message', onMessage);
      socket.off('guild:updated', onUpdated);
      socket.off('guild:removed', onRemovedEvent);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('guild:close', { guildId }, () => undefined);
    };
  }, [socket, guildId, open, queryClient, trpc]);

  const send = useCallback(
    async (content: string): Promise<ChatResult> => {
      if (!socket) return OFFLINE;
      const ack = await guildRequest(socket, 'chat:message', { guildId, content });
      if (!ack.ok) return { ok: false, error: ack.error };
      // Others hear it as `chat:message`; the author gets it in the ack.
      dispatch({ type: 'message', message: ack.data });
      return { ok: true };
    },
    [socket, guildId],
  );

  const loadOlder = useCallback(async (): Promise<ChatResult> => {
    const before = oldestMessageId(stateRef.current.messages);
    if (!socket) return OFFLINE;
    if (!before || !stateRef.current.hasMore || historyInFlight.current) return { ok: true };
    historyInFlight.current = true;
    try {
      const ack = await guildRequest(socket, 'chat:history', { guildId, before });
      if (!ack.ok) return { ok: false, error: ack.error };
      dispatch({ type: 'history', messages: ack.data.messages, hasMore: ack.data.hasMore });
      return { ok: true };
    } finally {
      historyInFlight.current = false;
    }
  }, [socket, guildId]);

  return { chat: state, connection: status, send, loadOlder, retry: open };
}
