import type { Namespace, Socket } from 'socket.io';
import {
  bufferPayload,
  changeContentPayload,
  EMPTY_ROOM_GRACE_MS,
  kickPayload,
  micTogglePayload,
  moderatorPayload,
  mutePayload,
  roomJoinPayload,
  roomLeavePayload,
  roomUpdatePayload,
  transferPayload,
  type RoomMember,
  type RoomSnapshot,
  type RoomsClientToServerEvents,
  type RoomsServerToClientEvents,
} from '@wt/schemas';
import { watchSessionEnded } from '../gamification/sources';
import type { AppServices } from '../../services';
import { socketAuth } from '../auth/socket';
import { createChatSockets } from './chat-sockets';
import { socketEventHandler, type SocketEventHandler } from '../../infra/socket-events';
import { banEnd, isRoomError, roomErrors } from './errors';
import * as rooms from './service';
import { contentMediaKey, loadMessage, loadPerson, memberOf, nameOf } from './views';
import { playbackSnapshot } from '../playback/service';
import { createPlaybackSockets, type PlaybackSocketData, type RoomSocketKit } from '../playback/socket';

/**
 * The /rooms namespace (seed 000 "Socket.io Room Structure"): handlers parse each payload with its
 * shared schema, call the rooms service and fan the result out. Socket.io rooms used:
 * `room:<id>` (everyone in the room, on every instance through the adapter) and `rm:<id>:<userId>`
 * (one person's sockets in one room, to find out whether they are still connected anywhere).
 */

type RoomsNamespace = Namespace<RoomsClientToServerEvents, RoomsServerToClientEvents>;
type RoomsSocket = Socket<RoomsClientToServerEvents, RoomsServerToClientEvents>;

/** Any one socket may send this many room events per second; past it they are refused, not run. */
const EVENTS_PER_SECOND = 30;

interface RoomSocketData {
  budget?: { second: number; used: number };
  /** Rooms this socket joined. */
  joined: Set<string>;
  /** Rooms where this socket's player is stalled (`video:buffer`); a plain object, as other instances read it. */
  buffering: Record<string, true>;
}

const roomKey = (roomId: string) => `room:${roomId}`;
const memberKey = (roomId: string, userId: string) => `rm:${roomId}:${userId}`;

function dataOf(socket: { data: unknown }): RoomSocketData & Partial<PlaybackSocketData> & { auth?: { userId: string } } {
  return socket.data as RoomSocketData & Partial<PlaybackSocketData> & { auth?: { userId: string } };
}

export interface RoomSocketsHandle {
  /** Drift reports of a room on this instance, per bucket (≤50, ≤150, ≤500, more ms); for metrics. */
  driftHistogram(roomId: string): number[] | null;
  /** One presence sweep now (tests; the interval runs it every `sweepIntervalMs`). */
  sweep(): Promise<void>;
  /** Stops the timers and stores the chat messages still queued. */
  stop(): Promise<void>;
}

export function registerRoomSockets(
  services: AppServices,
  options: { leaveGraceMs: number; sweepIntervalMs?: number },
): RoomSocketsHandle {
  const nsp = services.io.of('/rooms') as unknown as RoomsNamespace;
  const deps = { db: services.db, now: services.now };
  const leaveTimers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  interface LiveMember {
    online: true;
    buffering: boolean;
    rttMs: number | null;
    driftMs: number | null;
  }

  /** Who is connected to the room right now, on any instance, whose player is stalled, and their sync. */
  async function liveStatus(roomId: string): Promise<Map<string, LiveMember>> {
    const sockets = await nsp.in(roomKey(roomId)).fetchSockets();
    const live = new Map<string, LiveMember>();
    for (const s of sockets) {
      const data = dataOf(s);
      const userId = data.auth?.userId;
      if (!userId) continue;
      const before = live.get(userId);
      const sync = data.sync?.[roomId];
      live.set(userId, {
        online: true,
        buffering: (before?.buffering ?? false) || data.buffering?.[roomId] === true,
        rttMs: sync?.rttMs ?? before?.rttMs ?? null,
        driftMs: sync?.driftMs ?? before?.driftMs ?? null,
      });
    }
    return live;
  }

  async function memberView(roomId: string, userId: string): Promise<RoomMember | null> {
    const present = await rooms.loadPresentMembers(deps.db, roomId);
    const row = present.find((m) => m.userId === userId);
    if (!row) return null;
    const live = (await liveStatus(roomId)).get(userId);
    return memberOf(row, { online: live !== undefined, buffering: live?.buffering ?? false });
  }

  async function emitMember(roomId: string, userId: string): Promise<void> {
    const member = await memberView(roomId, userId);
    if (member) nsp.to(roomKey(roomId)).emit('room:member', { roomId, member });
  }

  async function emitSystemLines(roomId: string, ids: (string | null)[], viewerId: string): Promise<void> {
    for (const id of ids) {
      if (!id) continue;
      const message = await loadMessage(deps.db, id, viewerId);
      if (message) nsp.to(roomKey(roomId)).emit('chat:message', { roomId, message });
    }
  }

  async function emitRoomUpdated(roomId: string): Promise<void> {
    const room = await rooms.loadRoomDetail(deps.db, roomId);
    if (room) nsp.to(roomKey(roomId)).emit('room:updated', { roomId, room });
  }

  async function snapshot(roomId: string, userId: string): Promise<RoomSnapshot> {
    const [room, present, live, chat, playbackState] = await Promise.all([
      rooms.loadRoomDetail(deps.db, roomId),
      rooms.loadPresentMembers(deps.db, roomId),
      liveStatus(roomId),
      rooms.loadChatPage(deps.db, roomId, userId, null),
      playbackSnapshot(playbackDeps, roomId),
    ]);
    const me = present.find((m) => m.userId === userId);
    if (!room || !me) throw roomErrors.notMember();
    return {
      room,
      members: present.map((m) => memberOf(m, { online: live.has(m.userId), buffering: live.get(m.userId)?.buffering ?? false })),
      // Messages broadcast a moment ago may not be stored yet: this instance still holds them.
      messages: [...chat.messages, ...chatSockets.unwritten(roomId).filter((m) => !chat.messages.some((c) => c.id === m.id))],
      hasMoreMessages: chat.hasMore,
      you: { userId, role: me.role, isMuted: me.isMuted },
      playback: playbackState,
    };
  }

  /** After someone left (any way): tell the room, and who leads now. */
  async function announceLeave(roomId: string, userId: string, outcome: rooms.LeaveOutcome): Promise<void> {
    if (!outcome.left) return;
    chatSockets.roomChanged(roomId);
    await playback.memberLeft(roomId, userId);
    // Every socket of theirs stops receiving the room (other tabs too).
    nsp.in(memberKey(roomId, userId)).socketsLeave([roomKey(roomId), memberKey(roomId, userId)]);
    nsp.to(roomKey(roomId)).emit('room:leave', { roomId, userId });
    await emitSystemLines(roomId, outcome.systemMessageIds, userId);
    if (outcome.newLeaderId) {
      await emitMember(roomId, outcome.newLeaderId);
      await emitRoomUpdated(roomId);
    }
  }

  function cancelLeave(roomId: string, userId: string): void {
    const key = memberKey(roomId, userId);
    clearTimeout(leaveTimers.get(key));
    leaveTimers.delete(key);
  }

  /** A member's last socket in a room went away: their watch time stops now; their seat waits a grace. */
  async function lostConnection(roomId: string, userId: string): Promise<void> {
    if ((await nsp.in(memberKey(roomId, userId)).fetchSockets()).length > 0 || stopped) return;
    if ((await rooms.endWatchSessions(deps.db, roomId, userId, deps.now())) > 0) await watchSessionEnded(services, userId);
    await rooms.touchMembers(deps, roomId, [userId]);
    await emitMember(roomId, userId);
    // The room does not wait for a player that is gone.
    await playback.memberLeft(roomId, userId);
    cancelLeave(roomId, userId);
    const timer = setTimeout(() => {
      leaveTimers.delete(memberKey(roomId, userId));
      void (async () => {
        if ((await nsp.in(memberKey(roomId, userId)).fetchSockets()).length > 0) return;
        const outcome = await rooms.leaveRoom(deps, userId, roomId, { reason: 'disconnected' });
        await announceLeave(roomId, userId, outcome);
      })().catch((err: unknown) => services.log.error({ err, roomId, userId }, 'room leave after disconnect failed'));
    }, options.leaveGraceMs);
    timer.unref();
    leaveTimers.set(memberKey(roomId, userId), timer);
  }

  /** Registers one client event (infra/socket-events.ts: parsed payload, `{ ok, data }` acks, flood budget). */
  const handle: SocketEventHandler<RoomsSocket, keyof RoomsClientToServerEvents> = socketEventHandler({
    eventsPerSecond: EVENTS_PER_SECOND,
    refusals: { isRefusal: isRoomError, validation: roomErrors.validation, tooFast: () => roomErrors.rateLimited(1000), internal: roomErrors.internal },
    userOf: (socket) => socketAuth(socket).userId,
    log: services.log,
    failure: 'room event failed',
  });

  /** The room must be one this socket joined (present members only act in their room). */
  function requireJoined(socket: RoomsSocket, roomId: string): void {
    if (!dataOf(socket).joined.has(roomId)) throw roomErrors.notMember();
  }

  const kit: RoomSocketKit = { nsp, roomKey, handle, requireJoined, liveMembers: liveStatus };
  const playback = createPlaybackSockets(services, kit);
  const chatSockets = createChatSockets(services, kit);
  const playbackDeps = { ...deps, mediaKey: contentMediaKey };

  nsp.on('connection', (socket) => {
    const data = dataOf(socket);
    data.joined = new Set();
    data.buffering = {};
    playback.register(socket);
    chatSockets.register(socket);

    handle(socket, 'room:join', roomJoinPayload, async ({ roomId, inviteCode }, userId) => {
      const outcome = await rooms.joinRoom(deps, userId, roomId, inviteCode);
      cancelLeave(roomId, userId);
      await socket.join([roomKey(roomId), memberKey(roomId, userId)]);
      data.joined.add(roomId);
      const [snap] = await Promise.all([snapshot(roomId, userId), chatSockets.prime(roomId, userId)]);
      const me = snap.members.find((m) => m.id === userId)!;
      if (outcome.arrived) {
        socket.to(roomKey(roomId)).emit('room:join', { roomId, member: me });
        const line = snap.messages.find((m) => m.id === outcome.systemMessageId);
        if (line) socket.to(roomKey(roomId)).emit('chat:message', { roomId, message: line });
      } else {
        socket.to(roomKey(roomId)).emit('room:member', { roomId, member: me });
      }
      return snap;
    });

    handle(socket, 'room:leave', roomLeavePayload, async ({ roomId }, userId) => {
      cancelLeave(roomId, userId);
      const outcome = await rooms.leaveRoom(deps, userId, roomId, { reason: 'left' });
      await watchSessionEnded(services, userId);
      data.joined.delete(roomId);
      delete data.buffering[roomId];
      await socket.leave(roomKey(roomId));
      await announceLeave(roomId, userId, outcome);
      return null;
    });

    handle(socket, 'room:kick', kickPayload, async (payload, userId) => {
      requireJoined(socket, payload.roomId);
      const outcome = await rooms.kickMember(deps, userId, payload);
      const actor = (await loadPerson(deps.db, userId))!;
      const until = outcome.bannedUntil;
      const message = `${nameOf(actor)} removed you from the room${
        until ? ` and banned you until ${banEnd(until, deps.now())}` : ' and banned you from it'
      }.${payload.reason ? ` Reason: ${payload.reason}` : ''}`;
      nsp.to(roomKey(payload.roomId)).emit('room:kick', {
        roomId: payload.roomId,
        userId: payload.userId,
        bannedUntil: until ? until.toISOString() : null,
        reason: payload.reason ?? null,
        message,
      });
      cancelLeave(payload.roomId, payload.userId);
      await announceLeave(payload.roomId, payload.userId, outcome);
      return null;
    });

    handle(socket, 'room:mute', mutePayload, async (payload, userId) => {
      requireJoined(socket, payload.roomId);
      await rooms.muteMember(deps, userId, payload);
      chatSockets.roomChanged(payload.roomId);
      await emitMember(payload.roomId, payload.userId);
      return null;
    });

    handle(socket, 'room:moderator', moderatorPayload, async (payload, userId) => {
      requireJoined(socket, payload.roomId);
      await rooms.setModerator(deps, userId, payload);
      chatSockets.roomChanged(payload.roomId);
      await emitMember(payload.roomId, payload.userId);
      return null;
    });

    handle(socket, 'room:transfer', transferPayload, async (payload, userId) => {
      requireJoined(socket, payload.roomId);
      const line = await rooms.transferRoom(deps, userId, payload);
      chatSockets.roomChanged(payload.roomId);
      await emitMember(payload.roomId, userId);
      await emitMember(payload.roomId, payload.userId);
      await emitRoomUpdated(payload.roomId);
      await emitSystemLines(payload.roomId, [line], userId);
      return null;
    });

    handle(socket, 'room:mic_toggle', micTogglePayload, async (payload, userId) => {
      requireJoined(socket, payload.roomId);
      const room = await rooms.toggleMic(deps, userId, payload);
      nsp.to(roomKey(payload.roomId)).emit('room:mic_toggle', { roomId: payload.roomId, enabled: room.micEnabled });
      nsp.to(roomKey(payload.roomId)).emit('room:updated', { roomId: payload.roomId, room });
      return null;
    });

    handle(socket, 'room:update', roomUpdatePayload, async (payload, userId) => {
      requireJoined(socket, payload.roomId);
      const room = await rooms.updateRoom(deps, userId, payload);
      chatSockets.roomChanged(payload.roomId);
      nsp.to(roomKey(payload.roomId)).emit('room:updated', { roomId: payload.roomId, room });
      return room;
    });

    handle(socket, 'room:content', changeContentPayload, async (payload, userId) => {
      requireJoined(socket, payload.roomId);
      const { room, systemMessageId, transition } = await rooms.changeContent(deps, userId, payload);
      nsp.to(roomKey(payload.roomId)).emit('room:updated', { roomId: payload.roomId, room });
      if (transition) playback.publish(payload.roomId, { transitions: [transition], nextTickAtMs: null, waitingForMembers: false });
      await emitSystemLines(payload.roomId, [systemMessageId], userId);
      return room;
    });

    handle(socket, 'video:buffer', bufferPayload, async ({ roomId, buffering }, userId) => {
      requireJoined(socket, roomId);
      if (buffering) data.buffering[roomId] = true;
      else delete data.buffering[roomId];
      nsp.to(roomKey(roomId)).emit('video:buffer', { roomId, userId, buffering });
      // "Wait for everyone": the room machine may pause the room (or resume it) for this report.
      await playback.buffering(roomId, userId, buffering);
      return null;
    });

    socket.on('disconnect', (reason) => {
      const userId = data.auth?.userId;
      // This instance is shutting down (it disconnects its own sockets): the clients reconnect to
      // another one, and a seat nobody comes back to is cleared by the other instances' sweep.
      if (!userId || stopped || reason === 'server namespace disconnect' || reason === 'server shutting down') return;
      for (const roomId of data.joined) {
        lostConnection(roomId, userId).catch((err: unknown) =>
          services.log.error({ err, roomId, userId }, 'room disconnect handling failed'),
        );
      }
    });
  });

  /**
   * Every instance, every `sweepIntervalMs`: marks connected members as seen, removes members nobody
   * has seen for the grace (their instance died, or they never came back), stops the watch time of
   * members without a connection, and closes rooms empty for EMPTY_ROOM_GRACE_MS. Idempotent, so
   * several instances sweeping at once do no harm.
   */
  async function sweep(): Promise<void> {
    const now = deps.now();
    // Every socket of the namespace, on every instance, with the rooms it is in: one request.
    const connected = new Map<string, { roomId: string; userId: string }>();
    for (const s of await nsp.fetchSockets()) {
      const userId = dataOf(s).auth?.userId;
      if (!userId) continue;
      for (const name of s.rooms) {
        if (name.startsWith('room:')) connected.set(`${name}:${userId}`, { roomId: name.slice(5), userId });
      }
    }
    const stale = await rooms.sweepPresence(deps, [...connected.values()], now, new Date(now.getTime() - options.leaveGraceMs));
    for (const { roomId, userId } of stale) {
      if (connected.has(`room:${roomId}:${userId}`) || leaveTimers.has(memberKey(roomId, userId))) continue;
      const outcome = await rooms.leaveRoom(deps, userId, roomId, { reason: 'disconnected' });
      await announceLeave(roomId, userId, outcome);
    }
    await rooms.closeEmptyRooms(deps, EMPTY_ROOM_GRACE_MS);
    await playback.sweep();
    chatSockets.prune();
  }

  const interval = setInterval(() => {
    sweep().catch((err: unknown) => services.log.error({ err }, 'room presence sweep failed'));
  }, options.sweepIntervalMs ?? 30_000);
  interval.unref();

  return {
    sweep,
    driftHistogram: (roomId) => playback.driftHistogram(roomId),
    async stop() {
      stopped = true;
      playback.stop();
      clearInterval(interval);
      for (const timer of leaveTimers.values()) clearTimeout(timer);
      leaveTimers.clear();
      await chatSockets.close();
    },
  };
}
