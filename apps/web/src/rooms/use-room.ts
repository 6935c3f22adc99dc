'use client';

import type { MESSAGE_REACTIONS, roomSettingsPatch, SocketError, syncSettingsPayload } from '@wt/schemas';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import type { z } from 'zod';
import { useSocket, type SocketState } from '@/lib/socket';
import { latestSeq } from '@/sync/playback-state';
import { request, type AckOf, type ClientEvent, type PayloadOf, type RoomsSocket } from './room-socket';
import {
  initialRoomState,
  ROOM_EVENT_NAMES,
  roomReducer,
  type RoomServerEvent,
  type RoomState,
} from './room-state';

export type ActionResult = { ok: true } | { ok: false; error: SocketError };
type Emoji = (typeof MESSAGE_REACTIONS)[number];

/** A playback command, with the position the person saw when they gave it (the target, for a seek). */
export type PlaybackCommand =
  | { type: 'play' | 'pause' | 'seek'; positionSec: number }
  | { type: 'rate'; rate: number; positionSec: number };

export type SyncSettingsChange = Omit<z.input<typeof syncSettingsPayload>, 'roomId'>;

export interface RoomActions {
  send(content: string, replyToId?: string): Promise<ActionResult>;
  loadOlder(): Promise<ActionResult>;
  react(messageId: string, emoji: Emoji): Promise<ActionResult>;
  kick(userId: string, banMinutes?: number, reason?: string): Promise<ActionResult>;
  mute(userId: string, muted: boolean): Promise<ActionResult>;
  setModerator(userId: string, moderator: boolean): Promise<ActionResult>;
  transfer(userId: string): Promise<ActionResult>;
  toggleMic(enabled: boolean): Promise<ActionResult>;
  update(patch: z.input<typeof roomSettingsPatch>): Promise<ActionResult>;
  changeContent(url: string): Promise<ActionResult>;
  /** Play, pause, seek or change the rate for the whole room (refused unless this person may control). */
  playback(command: PlaybackCommand): Promise<ActionResult>;
  /** The leader's "wait for everyone" settings. */
  syncSettings(change: SyncSettingsChange): Promise<ActionResult>;
  leave(): Promise<ActionResult>;
  /** Join again after a refusal or a kick without a ban. */
  rejoin(): void;
}

function result(ack: { ok: true } | { ok: false; error: SocketError }): ActionResult {
  return ack.ok ? { ok: true } : { ok: false, error: ack.error };
}

/**
 * Joins a room over the /rooms socket and keeps its state live: applies every server event, re-joins
 * (with a fresh snapshot) whenever the socket reconnects, and exposes the room actions. An invite code
 * is used for the first join only: after that the person is a member.
 */
export function useRoom(
  roomId: string,
  inviteCode?: string,
): { state: RoomState; connection: SocketState; actions: RoomActions; socket: RoomsSocket | null } {
  const { socket: raw, ...connection } = useSocket('/rooms');
  const socket = raw as RoomsSocket | null;
  const [state, dispatch] = useReducer(roomReducer, roomId, initialRoomState);
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);
  const inviteRef = useRef(inviteCode);
  const historyInFlight = useRef(false);

  const join = useCallback(async () => {
    if (!socket) return;
    dispatch({ type: 'join-started' });
    const code = inviteRef.current;
    const ack = await request(socket, 'room:join', code ? { roomId, inviteCode: code } : { roomId });
    if (ack.ok) {
      inviteRef.current = undefined;
      dispatch({ type: 'joined', snapshot: ack.data });
    } else {
      dispatch({ type: 'join-refused', error: ack.error });
    }
  }, [socket, roomId]);

  useEffect(() => {
    if (!socket) return;
    const listeners = ROOM_EVENT_NAMES.map((name) => {
      const listener = (payload: RoomServerEvent['payload']) =>
        dispatch({ type: 'server', event: { name, payload } as RoomServerEvent, now: new Date() });
      (socket as unknown as { on: (n: string, l: typeof listener) => void }).on(name, listener);
      return [name, listener] as const;
    });
    // Every (re)connect: join again unless the room turned us away for good.
    const onConnect = () => {
      const phase = stateRef.current.phase;
      if (phase === 'removed' || phase === 'closed' || phase === 'refused') return;
      void join();
    };
    socket.on('connect', onConnect);
    if (socket.connected) onConnect();
    return () => {
      for (const [name, listener] of listeners) {
        (socket as unknown as { off: (n: string, l: typeof listener) => void }).off(name, listener);
      }
      socket.off('connect', onConnect);
    };
  }, [socket, join]);

  const actions = useMemo<RoomActions>(() => {
    const offline: ActionResult = {
      ok: false,
      error: { code: 'OFFLINE', message: 'You are offline. Wait for the connection to come back.' },
    };
    const call = async <E extends ClientEvent>(event: E, payload: PayloadOf<E>): Promise<AckOf<E> | null> =>
      socket ? request(socket, event, payload) : null;

    return {
      async send(content, replyToId) {
        const ack = await call(
          'chat:message',
          replyToId ? { roomId, content, replyToId } : { roomId, content },
        );
        if (!ack) return offline;
        // Our own message also arrives as `chat:message`; applying the ack too shows it at once.
        if (ack.ok)
          dispatch({
            type: 'server',
            event: { name: 'chat:message', payload: { roomId, message: ack.data } },
            now: new Date(),
          });
        return result(ack);
      },
      async loadOlder() {
        const current = stateRef.current;
        if (current.phase !== 'in' || !current.snapshot.hasMoreMessages || historyInFlight.current)
          return { ok: true };
        const beforeId = current.snapshot.messages[0]?.id;
        if (!beforeId) return { ok: true };
        historyInFlight.current = true;
        try {
          const ack = await call('chat:history', { roomId, beforeId });
          if (!ack) return offline;
          if (ack.ok) dispatch({ type: 'history', messages: ack.data.messages, hasMore: ack.data.hasMore });
          return result(ack);
        } finally {
          historyInFlight.current = false;
        }
      },
      async react(messageId, emoji) {
        const current = stateRef.current;
        const message =
          current.phase === 'in' ? current.snapshot.messages.find((m) => m.id === messageId) : undefined;
        const wasMine = message?.reactions.some((r) => r.emoji === emoji && r.mine) ?? false;
        const ack = await call('chat:react', { roomId, messageId, emoji });
        if (!ack) return offline;
        if (ack.ok) dispatch({ type: 'reaction-toggled', messageId, emoji, mine: !wasMine });
        return result(ack);
      },
      async kick(userId, banMinutes, reason) {
        const ack = await call('room:kick', {
          roomId,
          userId,
          ...(banMinutes ? { banMinutes } : {}),
          ...(reason?.trim() ? { reason: reason.trim() } : {}),
        });
        return ack ? result(ack) : offline;
      },
      async mute(userId, muted) {
        const ack = await call('room:mute', { roomId, userId, muted });
        return ack ? result(ack) : offline;
      },
      async setModerator(userId, moderator) {
        const ack = await call('room:moderator', { roomId, userId, moderator });
        return ack ? result(ack) : offline;
      },
      async transfer(userId) {
        const ack = await call('room:transfer', { roomId, userId });
        return ack ? result(ack) : offline;
      },
      async toggleMic(enabled) {
        const ack = await call('room:mic_toggle', { roomId, enabled });
        return ack ? result(ack) : offline;
      },
      async update(patch) {
        const ack = await call('room:update', { roomId, patch });
        if (!ack) return offline;
        if (ack.ok)
          dispatch({
            type: 'server',
            event: { name: 'room:updated', payload: { roomId, room: ack.data } },
            now: new Date(),
          });
        return result(ack);
      },
      async changeContent(url) {
        const ack = await call('room:content', { roomId, url });
        if (!ack) return offline;
        if (ack.ok)
          dispatch({
            type: 'server',
            event: { name: 'room:updated', payload: { roomId, room: ack.data } },
            now: new Date(),
          });
        return result(ack);
      },
      async playback(command) {
        const current = stateRef.current;
        const snapshot =
          current.phase === 'in' ? current.snapshot : current.phase === 'joining' ? current.previous : null;
        // The latest state this page knows: a command built on an older one is refused as stale.
        const baseSeq = snapshot ? latestSeq(snapshot.playback.timeline) : 0;
        const positionSec = Math.max(0, Number.isFinite(command.positionSec) ? command.positionSec : 0);
        const ack =
          command.type === 'rate'
            ? await call('video:rate', { roomId, rate: command.rate, positionSec, baseSeq })
            : await call(`video:${command.type}`, { roomId, positionSec, baseSeq });
        if (!ack) return offline;
        // The transition also comes as `video:state`; applying the ack too moves the page at once.
        if (ack.ok)
          dispatch({
            type: 'server',
            event: {
              name: 'video:state',
              payload: { roomId, transition: ack.data, serverNowMs: ack.data.executeAtMs },
            },
            now: new Date(),
          });
        return result(ack);
      },
      async syncSettings(change) {
        const ack = await call('video:sync_settings', { roomId, ...change });
        if (!ack) return offline;
        if (ack.ok)
          dispatch({
            type: 'server',
            event: { name: 'video:sync_settings', payload: { roomId, settings: ack.data } },
            now: new Date(),
          });
        return result(ack);
      },
      async leave() {
        const ack = await call('room:leave', { roomId });
        return ack ? result(ack) : offline;
      },
      rejoin() {
        void join();
      },
    };
  }, [socket, roomId, join]);

  return { state, connection, actions, socket };
}
