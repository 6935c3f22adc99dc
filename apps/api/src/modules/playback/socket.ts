import type { Namespace, Socket } from 'socket.io';
import {
  durationPayload,
  driftPayload,
  pausePayload,
  playPayload,
  ratePayload,
  seekPayload,
  syncSettingsPayload,
  timeSyncPayload,
  type MemberSync,
  type PlaybackTransition,
  type RoomsClientToServerEvents,
  type RoomsServerToClientEvents,
} from '@wt/schemas';
import type { PlaybackCommand } from '@wt/sync';
import type { z } from 'zod';
import type { AppServices } from '../../services';
import { contentMediaKey } from '../rooms/views';
import {
  bufferingReport,
  memberGone,
  playbackCommand,
  reportDuration,
  roomsWithDueTicks,
  setSyncSettings,
  tickPlayback,
  type LiveMembers,
  type PlaybackOutcome,
} from './service';

/**
 * Playback sync on the /rooms namespace (issue 5): clock samples, commands, buffering, duration and
 * drift telemetry. Registered per connection by the rooms socket layer, which hands over its
 * parse-and-ack `handle`, its membership check and its view of who is connected.
 */

type RoomsNamespace = Namespace<RoomsClientToServerEvents, RoomsServerToClientEvents>;
type RoomsSocket = Socket<RoomsClientToServerEvents, RoomsServerToClientEvents>;

export interface PlaybackSocketData {
  /** Per room: this socket's last smoothed drift and round-trip time (other instances read it). */
  sync: Record<string, { driftMs: number; rttMs: number }>;
  /** Times of this connection's recent playback commands (flood control). */
  commandTimesMs: number[];
}

export interface RoomSocketKit {
  nsp: RoomsNamespace;
  roomKey(roomId: string): string;
  handle<S extends z.ZodType, T>(
    socket: RoomsSocket,
    event: keyof RoomsClientToServerEvents,
    schema: S,
    run: (payload: z.output<S>, userId: string) => Promise<T>,
  ): void;
  requireJoined(socket: RoomsSocket, roomId: string): void;
  /** Connected members of a room (every instance), with what their sockets reported. */
  liveMembers(roomId: string): Promise<Map<string, { rttMs: number | null; driftMs: number | null }>>;
}

/** How often members' drift goes out to the room (the roster's sync badges). */
const SYNC_STATES_INTERVAL_MS = 2_000;
/** Drift buckets of the per-room histogram, upper bounds in ms (the last is open). */
const DRIFT_BUCKETS_MS = [50, 150, 500, Number.POSITIVE_INFINITY] as const;

export interface PlaybackSockets {
  register(socket: RoomsSocket): void;
  /** Broadcasts transitions and arms the tick timer an outcome asks for. */
  publish(roomId: string, outcome: PlaybackOutcome): void;
  /** A member's player stalled or recovered. */
  buffering(roomId: string, userId: string, buffering: boolean): Promise<void>;
  /** A member left the room (any way): the room stops waiting for them. */
  memberLeft(roomId: string, userId: string): Promise<void>;
  /** Ticks rooms whose wait deadline passed while no instance had a timer for them (sweep). */
  sweep(): Promise<void>;
  /** Drift histogram per room on this instance: counts per bucket (≤50, ≤150, ≤500, more ms). */
  driftHistogram(roomId: string): number[] | null;
  stop(): void;
}

export function createPlaybackSockets(services: AppServices, kit: RoomSocketKit): PlaybackSockets {
  const deps = { db: services.db, now: services.now, mediaKey: contentMediaKey };
  const tickTimers = new Map<string, NodeJS.Timeout>();
  const histograms = new Map<string, number[]>();
  /** Rooms with drift reports on this instance since the last sync-states broadcast. */
  const driftRooms = new Set<string>();
  let stopped = false;

  async function live(roomId: string): Promise<LiveMembers> {
    const members = await kit.liveMembers(roomId);
    return { connected: [...members.entries()].map(([userId, m]) => ({ userId, rttMs: m.rttMs })) };
  }

  function emitTransitions(roomId: string, transitions: PlaybackTransition[], waitingForMembers: boolean): void {
    const serverNowMs = services.now().getTime();
    for (const transition of transitions) {
      kit.nsp.to(kit.roomKey(roomId)).emit('video:state', { roomId, transition, serverNowMs, waitingForMembers });
    }
  }

  function armTick(roomId: string, atMs: number | null): void {
    clearTimeout(tickTimers.get(roomId));
    tickTimers.delete(roomId);
    if (atMs === null || stopped) return;
    const timer = setTimeout(
      () => {
        tickTimers.delete(roomId);
        void (async () => publish(roomId, await tickPlayback(deps, roomId, await live(roomId))))().catch((err: unknown) =>
          services.log.error({ err, roomId }, 'playback tick failed'),
        );
      },
      Math.max(0, atMs - services.now().getTime()),
    );
    timer.unref();
    tickTimers.set(roomId, timer);
  }

  function publish(roomId: string, outcome: PlaybackOutcome): void {
    emitTransitions(roomId, outcome.transitions, outcome.waitingForMembers);
    armTick(roomId, outcome.nextTickAtMs);
  }

  function command(socket: RoomsSocket, build: (p: { positionSec: number; baseSeq: number; rate?: number }) => PlaybackCommand) {
    return async (payload: { roomId: string; positionSec: number; baseSeq: number; rate?: number }, userId: string) => {
      kit.requireJoined(socket, payload.roomId);
      const data = socket.data as PlaybackSocketData;
      const outcome = await playbackCommand(deps, userId, payload.roomId, build(payload), await live(payload.roomId), data.commandTimesMs);
      publish(payload.roomId, outcome);
      return outcome.transition;
    };
  }

  function record(roomId: string, driftMs: number): void {
    const counts = histograms.get(roomId) ?? DRIFT_BUCKETS_MS.map(() => 0);
    const bucket = DRIFT_BUCKETS_MS.findIndex((limit) => Math.abs(driftMs) <= limit);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
    histograms.set(roomId, counts);
  }

  const syncStates = setInterval(() => {
    const rooms = [...driftRooms];
    driftRooms.clear();
    for (const roomId of rooms) {
      void (async () => {
        const members = await kit.liveMembers(roomId);
        const states: MemberSync[] = [...members.entries()].map(([userId, m]) => ({ userId, driftMs: m.driftMs }));
        kit.nsp.to(kit.roomKey(roomId)).emit('video:sync_states', { roomId, states });
      })().catch((err: unknown) => services.log.error({ err, roomId }, 'sync states broadcast failed'));
    }
  }, SYNC_STATES_INTERVAL_MS);
  syncStates.unref();

  return {
    register(socket) {
      const data = socket.data as PlaybackSocketData;
      data.sync = {};
      data.commandTimesMs = [];

      // NTP-style sample: the server's receive (t1) and send (t2) times; the client adds t0 and t3.
      kit.handle(socket, 'time:sync', timeSyncPayload, async () => {
        const t1 = services.now().getTime();
        return { t1, t2: services.now().getTime() };
      });
      kit.handle(socket, 'video:play', playPayload, command(socket, (p) => ({ type: 'play', positionSec: p.positionSec, baseSeq: p.baseSeq })));
      kit.handle(socket, 'video:pause', pausePayload, command(socket, (p) => ({ type: 'pause', positionSec: p.positionSec, baseSeq: p.baseSeq })));
      kit.handle(socket, 'video:seek', seekPayload, command(socket, (p) => ({ type: 'seek', positionSec: p.positionSec, baseSeq: p.baseSeq })));
      kit.handle(
        socket,
        'video:rate',
        ratePayload,
        command(socket, (p) => ({ type: 'setRate', rate: p.rate ?? 1, positionSec: p.positionSec, baseSeq: p.baseSeq })),
      );
      kit.handle(socket, 'video:duration', durationPayload, async (payload, userId) => {
        kit.requireJoined(socket, payload.roomId);
        await reportDuration(deps, userId, payload.roomId, payload, await live(payload.roomId));
        return null;
      });
      kit.handle(socket, 'video:drift', driftPayload, async ({ roomId, driftMs, rttMs }) => {
        kit.requireJoined(socket, roomId);
        data.sync[roomId] = { driftMs, rttMs };
        record(roomId, driftMs);
        driftRooms.add(roomId);
        return null;
      });
      kit.handle(socket, 'video:sync_settings', syncSettingsPayload, async (payload, userId) => {
        kit.requireJoined(socket, payload.roomId);
        const outcome = await setSyncSettings(deps, userId, payload.roomId, payload, await live(payload.roomId));
        publish(payload.roomId, outcome);
        kit.nsp.to(kit.roomKey(payload.roomId)).emit('video:sync_settings', { roomId: payload.roomId, settings: outcome.settings });
        return outcome.settings;
      });
    },

    publish,

    async buffering(roomId, userId, buffering) {
      publish(roomId, await bufferingReport(deps, userId, roomId, buffering, await live(roomId)));
    },

    async memberLeft(roomId, userId) {
      publish(roomId, await memberGone(deps, userId, roomId, await live(roomId)));
    },

    async sweep() {
      for (const roomId of await roomsWithDueTicks(services.db, services.now().getTime())) {
        if (tickTimers.has(roomId)) continue;
        publish(roomId, await tickPlayback(deps, roomId, await live(roomId)));
      }
    },

    driftHistogram(roomId) {
      return histograms.get(roomId)?.slice() ?? null;
    },

    stop() {
      stopped = true;
      clearInterval(syncStates);
      for (const timer of tickTimers.values()) clearTimeout(timer);
      tickTimers.clear();
    },
  };
}
