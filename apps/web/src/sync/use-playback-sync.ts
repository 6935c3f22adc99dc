'use client';

import type { PlaybackTimeline } from '@wt/sync';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { request, type RoomsSocket } from '@/rooms/room-socket';
import { PlaybackSyncClient, type SyncStatus, type SyncTransport } from './sync-client';

/** A clock sample answered later than this measures nothing useful. */
const TIME_SYNC_TIMEOUT_MS = 5_000;

/**
 * Runs the room's sync client while the room page is open: wires it to the /rooms socket, feeds it the
 * room's timeline, and starts clock bursts on reconnection and when the tab shows again. The player
 * component attaches its adapter to the returned client.
 */
export function usePlaybackSync({
  socket,
  roomId,
  timeline,
  mayControl,
}: {
  socket: RoomsSocket | null;
  roomId: string;
  timeline: PlaybackTimeline;
  mayControl: boolean;
}): { client: PlaybackSyncClient; status: SyncStatus } {
  const socketRef = useRef(socket);
  useEffect(() => {
    socketRef.current = socket;
  }, [socket]);

  const [client] = useState(() => {
    const transport: SyncTransport = {
      connected: () => socketRef.current?.connected ?? false,
      async timeSync(t0) {
        const s = socketRef.current;
        if (!s) return null;
        const ack = await request(s, 'time:sync', { t0 }, TIME_SYNC_TIMEOUT_MS);
        return ack.ok ? ack.data : null;
      },
      // Telemetry: a report lost while the connection hiccups is replaced a second later.
      drift: (report) => socketRef.current?.volatile.emit('video:drift', { roomId, ...report }),
      buffering: (buffering) => socketRef.current?.emit('video:buffer', { roomId, buffering }),
      duration: (report) => socketRef.current?.emit('video:duration', { roomId, ...report }),
    };
    return new PlaybackSyncClient({
      now: () => performance.timeOrigin + performance.now(),
      random: Math.random,
      timers: {
        set: (callback, delayMs) => window.setTimeout(callback, delayMs),
        clear: (handle) => window.clearTimeout(handle as number),
      },
      transport,
    });
  });

  useEffect(() => {
    client.start();
    const onVisible = () => {
      if (document.visibilityState === 'visible') client.burst('visible');
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      client.stop();
    };
  }, [client]);

  useEffect(() => {
    if (!socket) return;
    let connectedBefore = socket.connected;
    const onConnect = () => {
      client.burst(connectedBefore ? 'reconnect' : 'connect');
      connectedBefore = true;
    };
    socket.on('connect', onConnect);
    if (socket.connected) client.burst('connect');
    return () => {
      socket.off('connect', onConnect);
    };
  }, [socket, client]);

  useEffect(() => client.setTimeline(timeline), [client, timeline]);
  useEffect(() => client.setMayReportDuration(mayControl), [client, mayControl]);

  const status = useSyncExternalStore(
    (listener) => client.subscribe(listener),
    () => client.getStatus(),
    () => client.getStatus(),
  );
  return { client, status };
}
