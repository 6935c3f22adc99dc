import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidArray } from '../../infra/sql-arrays';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { Database } from '@wt/db';
import { readUserSettings, type Presence } from '@wt/schemas';
import { areFriends, friendIdsOf } from '../friends/service';
import { connectionsKey, presenceAsSeen } from './rules';
import {
  createMemoryPresenceStore,
  createRedisPresenceStore,
  OFFLINE,
  type Connections,
  type PresenceStore,
  type SocketEntry,
} from './store';

/**
 * Presence on /global (issue 6): offline, online (a /global or /rooms socket connected on any instance)
 * or watching (a socket of theirs is in a watch room). Friends hear every change as `presence` on their
 * `user:<id>` room, each computed for that viewer: privacy.presence 'nobody' reads as offline, blocked
 * people and strangers hear nothing, and a room is named only to a viewer who may see it.
 */

export interface PresenceOptions {
  /** How long an instance's entries live without a heartbeat (Redis only). */
  ttlMs?: number;
  /** How often an instance refreshes its entries and looks for dead instances. */
  heartbeatMs?: number;
}

export interface PresenceDeps {
  db: Database;
  io: Server;
  redis: Redis | null;
  /** Redis key prefix of this deployment. */
  prefix: string;
  log: Logger;
}

export interface PresenceTracker {
  /** Starts following /global and /rooms sockets, and the heartbeat. */
  start(): void;
  /** The viewer's friends as the viewer may see them (friends.presence, the first render). */
  friendsPresence(viewerId: string): Promise<Presence[]>;
  /** Tells the user's friends their presence if it changed (`force`: also when only a rule changed, e.g. privacy). */
  announce(userId: string, options?: { force?: boolean }): Promise<void>;
  /** A friendship began or ended (unfriend, block): each of the two hears the other's presence as it is now to them. */
  friendshipChanged(a: string, b: string): Promise<void>;
  /** One heartbeat now (the interval runs it every heartbeatMs). */
  heartbeat(): Promise<void>;
  /**
   * Stops. `clean` (the default) waits for pending writes and takes this instance out of Redis; without it
   * the entries stay behind, as after a crash, and expire after the TTL.
   */
  stop(options?: { clean?: boolean }): Promise<void>;
}

const DEFAULT_TTL_MS = 30_000;
const DEFAULT_HEARTBEAT_MS = 10_000;

type AuthedData = { auth?: { userId: string } };

/** Subjects whose privacy.presence is 'nobody'. */
async function hiddenSubjects(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.execute<{ id: string; settings: unknown }>(
    sql`SELECT id, settings FROM users WHERE id = ANY(${uuidArray(ids)})`,
  );
  return new Set(rows.filter((r) => readUserSettings(r.settings).privacy.presence === 'nobody').map((r) => r.id));
}

/**
 * For each viewer, the rooms among `roomIds` they may see, with names: public rooms, rooms they lead or
 * are in, friends rooms of a leader who is their friend, and their guild's rooms (as the lobby shows them).
 */
async function roomsVisibleTo(db: Database, roomIds: string[], viewerIds: string[]): Promise<Map<string, Map<string, string>>> {
  const visible = new Map<string, Map<string, string>>(viewerIds.map((v) => [v, new Map()]));
  if (roomIds.length === 0 || viewerIds.length === 0) return visible;
  const { rows } = await db.execute<{ viewer_id: string; room_id: string; name: string }>(sql`
    SELECT v.id AS viewer_id, r.id AS room_id, r.name
    FROM rooms r CROSS JOIN unnest(${uuidArray(viewerIds)}) AS v(id)
    WHERE r.id = ANY(${uuidArray(roomIds)})
      AND (r.visibility = 'public'
        OR r.leader_id = v.id
        OR EXISTS (SELECT 1 FROM room_members m WHERE m.room_id = r.id AND m.user_id = v.id AND m.left_at IS NULL)
        OR (r.visibility = 'friends' AND EXISTS (
              SELECT 1 FROM friend_requests f WHERE f.status = 'accepted'
                AND ((f.from_user_id = v.id AND f.to_user_id = r.leader_id) OR (f.to_user_id = v.id AND f.from_user_id = r.leader_id))))
        OR (r.visibility <> 'private' AND r.guild_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM guild_members g WHERE g.guild_id = r.guild_id AND g.user_id = v.id)))`);
  for (const r of rows) visible.get(r.viewer_id)?.set(r.room_id, r.name);
  return visible;
}

export function createPresenceTracker(deps: PresenceDeps, options: PresenceOptions = {}): PresenceTracker {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const heartbeatMs = options.heartbeatMs ?? Math.min(DEFAULT_HEARTBEAT_MS, Math.max(50, Math.floor(ttlMs / 3)));
  const store: PresenceStore = deps.redis
    ? createRedisPresenceStore({ redis: deps.redis, prefix: `${deps.prefix}:`, instanceId: randomUUID(), ttlMs })
    : createMemoryPresenceStore();
  const global = deps.io.of('/global');

  /** This instance's sockets: per user, socket key -> watch rooms it is in. */
  const local = new Map<string, Map<string, Set<string>>>();
  /** Socket key (`<namespace>#<id>`) -> user. */
  const owners = new Map<string, string>();
  const chains = new Map<string, Promise<void>>();
  const queued = new Set<string>();
  let interval: NodeJS.Timeout | null = null;
  let stopped = false;

  function entriesOf(userId: string): SocketEntry[] {
    return [...(local.get(userId) ?? new Map<string, Set<string>>())].map(([socketKey, rooms]) => ({
      socketKey,
      roomIds: [...rooms].sort(),
    }));
  }

  const failed = (what: string) => (err: unknown) => deps.log.warn({ err }, `presence: ${what} failed`);

  /** Reads for answers and one-off announcements: a Redis outage shows friends as offline, never fails the caller. */
  async function readOrOffline(userIds: string[]): Promise<Map<string, Connections>> {
    try {
      return await store.read(userIds);
    } catch (err) {
      failed('read')(err);
      return new Map(userIds.map((id) => [id, OFFLINE]));
    }
  }

  /** Writes a user's sockets here to the store and announces them; runs one at a time per user. */
  function schedule(userId: string): void {
    if (queued.has(userId)) return;
    queued.add(userId);
    const run = (chains.get(userId) ?? Promise.resolve())
      .then(async () => {
        queued.delete(userId);
        await store.replace(userId, entriesOf(userId));
        await announce(userId);
      })
      .catch(failed('update'));
    chains.set(userId, run);
    void run.finally(() => {
      if (chains.get(userId) === run) chains.delete(userId);
    });
  }

  async function project(subjectId: string, connections: Connections, viewerIds: string[]): Promise<Presence[]> {
    const [hidden, visible] = await Promise.all([
      hiddenSubjects(deps.db, [subjectId]),
      roomsVisibleTo(deps.db, connections.roomIds, viewerIds),
    ]);
    return viewerIds.map((viewerId) =>
      presenceAsSeen(subjectId, connections, { hidden: hidden.has(subjectId), visibleRooms: visible.get(viewerId)! }),
    );
  }

  /** One emit per distinct payload, to every viewer who sees that one. */
  function emitPresences(viewerIds: string[], presences: Presence[]): void {
    const groups = new Map<string, { presence: Presence; viewers: string[] }>();
    viewerIds.forEach((viewerId, i) => {
      const presence = presences[i]!;
      const key = JSON.stringify(presence);
      const group = groups.get(key) ?? { presence, viewers: [] };
      group.viewers.push(`user:${viewerId}`);
      groups.set(key, group);
    });
    for (const { presence, viewers } of groups.values()) global.to(viewers).emit('presence', presence);
  }

  async function announce(userId: string, { force = false } = {}): Promise<void> {
    const connections = (await store.read([userId])).get(userId) ?? OFFLINE;
    const changed = await store.changed(userId, connectionsKey(connections));
    if (!changed && !force) return;
    const viewers = await friendIdsOf(deps.db, userId);
    if (viewers.length === 0) return;
    emitPresences(viewers, await project(userId, connections, viewers));
  }

  function track(namespace: string, socket: Socket): void {
    const userId = (socket.data as AuthedData).auth?.userId;
    if (!userId || stopped) return;
    const key = `${namespace}#${socket.id}`;
    owners.set(key, userId);
    const sockets = local.get(userId) ?? new Map<string, Set<string>>();
    sockets.set(key, new Set([...socket.rooms].filter((r) => r.startsWith('room:')).map((r) => r.slice(5))));
    local.set(userId, sockets);
    schedule(userId);
    socket.once('disconnect', () => {
      owners.delete(key);
      const mine = local.get(userId);
      mine?.delete(key);
      if (mine && mine.size === 0) local.delete(userId);
      if (!stopped) schedule(userId);
    });
  }

  /** A /rooms socket joined or left a watch room (after the rooms module wrote it). */
  function roomMembershipChanged(room: string, socketId: string, joined: boolean): void {
    if (!room.startsWith('room:') || stopped) return;
    const key = `/rooms#${socketId}`;
    const userId = owners.get(key);
    const rooms = userId ? local.get(userId)?.get(key) : undefined;
    if (!userId || !rooms) return;
    if (joined) rooms.add(room.slice(5));
    else rooms.delete(room.slice(5));
    schedule(userId);
  }

  async function heartbeat(): Promise<void> {
    if (stopped) return;
    const entries = new Map([...local.keys()].map((userId) => [userId, entriesOf(userId)]));
    const orphaned = await store.heartbeat(entries);
    // Users of a dead instance fall offline; local users are re-checked, which also repairs an
    // announcement two instances raced on.
    for (const userId of new Set([...orphaned, ...local.keys()])) await announce(userId).catch(failed('announce'));
  }

  return {
    start() {
      global.on('connection', (socket) => track('/global', socket));
      const rooms = deps.io.of('/rooms');
      rooms.on('connection', (socket) => track('/rooms', socket));
      rooms.adapter.on('join-room', (room: string, id: string) => roomMembershipChanged(room, id, true));
      rooms.adapter.on('leave-room', (room: string, id: string) => roomMembershipChanged(room, id, false));
      // Only a shared store needs beating: entries expire when an instance dies, and instances race on
      // announcements. In memory (one instance) every change is announced as it happens, and re-checking
      // every local user would only block the event loop every few seconds.
      if (!deps.redis) return;
      void heartbeat().catch(failed('heartbeat'));
      interval = setInterval(() => void heartbeat().catch(failed('heartbeat')), heartbeatMs);
      interval.unref();
    },

    async friendsPresence(viewerId) {
      const friends = await friendIdsOf(deps.db, viewerId);
      if (friends.length === 0) return [];
      const connections = await readOrOffline(friends);
      const roomIds = [...new Set([...connections.values()].flatMap((c) => c.roomIds))];
      const [hidden, visible] = await Promise.all([
        hiddenSubjects(deps.db, friends),
        roomsVisibleTo(deps.db, roomIds, [viewerId]),
      ]);
      return friends.map((id) =>
        presenceAsSeen(id, connections.get(id) ?? OFFLINE, { hidden: hidden.has(id), visibleRooms: visible.get(viewerId)! }),
      );
    },

    // Callers (settings after a privacy change) never fail over presence: a Redis outage is logged.
    announce: (userId, options) => announce(userId, options).catch(failed('announce')),

    async friendshipChanged(a, b) {
      const friends = await areFriends(deps.db, a, b);
      const connections = friends ? await readOrOffline([a, b]) : null;
      for (const [subject, viewer] of [
        [a, b],
        [b, a],
      ] as const) {
        const presence = connections
          ? (await project(subject, connections.get(subject) ?? OFFLINE, [viewer]))[0]!
          : { userId: subject, status: 'offline' as const, room: null };
        global.to(`user:${viewer}`).emit('presence', presence);
      }
    },

    heartbeat,

    async stop({ clean = true } = {}) {
      if (stopped) return;
      if (interval) clearInterval(interval);
      if (!clean) {
        stopped = true;
        return;
      }
      // Sockets closed by the shutdown were scheduled already: let those writes land, then leave.
      await Promise.allSettled([...chains.values()]);
      stopped = true;
      for (const userId of local.keys()) await store.replace(userId, []).catch(failed('cleanup'));
      await store.leave().catch(failed('leave'));
    },
  };
}
