import type { Redis } from 'ioredis';

/**
 * Where presence lives: which sockets each user has connected, on which API instance, and which watch
 * rooms those sockets are in. In memory for a single instance; in Redis when instances share one, with
 * an expiry on every entry that the owning instance's heartbeat pushes forward, so the users of an
 * instance that died without a goodbye fall offline after the TTL.
 */

/** One connected socket of a user: the rooms (`room:<id>` socket.io rooms) it is in. */
export interface SocketEntry {
  socketKey: string;
  roomIds: string[];
}

/** A user's connections over all instances. */
export interface Connections {
  online: boolean;
  /** Watch rooms their sockets are in, sorted, no duplicates. */
  roomIds: string[];
}

export const OFFLINE: Connections = { online: false, roomIds: [] };

export interface PresenceStore {
  /** Replaces this instance's sockets of a user (none: the user has no socket here any more). */
  replace(userId: string, entries: SocketEntry[]): Promise<void>;
  read(userIds: string[]): Promise<Map<string, Connections>>;
  /** Remembers the last announced value of a user; true when it differs from the one before. */
  changed(userId: string, value: string): Promise<boolean>;
  /**
   * Pushes the expiry of this instance's entries forward, then cleans up after instances that stopped
   * beating for longer than the TTL. Returns the users whose entries were removed (to re-announce).
   */
  heartbeat(local: Map<string, SocketEntry[]>): Promise<string[]>;
  /** This instance leaves cleanly (its entries were already replaced by none). */
  leave(): Promise<void>;
}

function connectionsOf(entries: Iterable<SocketEntry>): Connections {
  let online = false;
  const rooms = new Set<string>();
  for (const entry of entries) {
    online = true;
    for (const id of entry.roomIds) rooms.add(id);
  }
  return { online, roomIds: [...rooms].sort() };
}

export function createMemoryPresenceStore(): PresenceStore {
  const sockets = new Map<string, SocketEntry[]>();
  const announced = new Map<string, string>();
  return {
    async replace(userId, entries) {
      if (entries.length === 0) sockets.delete(userId);
      else sockets.set(userId, entries);
    },
    async read(userIds) {
      return new Map(userIds.map((id) => [id, connectionsOf(sockets.get(id) ?? [])]));
    },
    async changed(userId, value) {
      const before = announced.get(userId);
      announced.set(userId, value);
      return before !== value;
    },
    async heartbeat() {
      return [];
    },
    async leave() {},
  };
}

export interface RedisPresenceOptions {
  redis: Redis;
  /** Key prefix of this deployment (tests use one per run). */
  prefix: string;
  instanceId: string;
  ttlMs: number;
}

/**
 * Keys (all under `prefix`):
 * - `presence:<userId>` hash: field `<instanceId>|<socketKey>`, value `<expiresAtMs>|<roomId,roomId>`;
 * - `presence-users:<instanceId>` set: the users an instance holds entries for (to clean up after it);
 * - `presence-instances` sorted set: instance id scored by its last heartbeat (ms);
 * - `presence-last:<userId>`: the last announced value (so several instances announce a change once).
 * Times are wall-clock ms (Date.now()), like Redis expiries: this guards the cluster, not a domain rule.
 */
export function createRedisPresenceStore({ redis, prefix, instanceId, ttlMs }: RedisPresenceOptions): PresenceStore {
  const userKey = (userId: string) => `${prefix}presence:${userId}`;
  const usersOfKey = (instance: string) => `${prefix}presence-users:${instance}`;
  const instancesKey = `${prefix}presence-instances`;
  const lastKey = (userId: string) => `${prefix}presence-last:${userId}`;
  const mine = `${instanceId}|`;
  // Keys outlive their entries a little, so a slow heartbeat never loses a hash that is still in use;
  // the per-entry expiry is what reading trusts.
  const keyTtlMs = ttlMs * 3;

  const fieldValue = (entry: SocketEntry) => `${Date.now() + ttlMs}|${entry.roomIds.join(',')}`;

  function parse(fields: Record<string, string>, nowMs: number): SocketEntry[] {
    const live: SocketEntry[] = [];
    for (const [field, value] of Object.entries(fields)) {
      const [expires, rooms] = value.split('|');
      if (Number(expires) <= nowMs) continue;
      live.push({ socketKey: field, roomIds: rooms ? rooms.split(',') : [] });
    }
    return live;
  }

  return {
    async replace(userId, entries) {
      const key = userKey(userId);
      const existing = await redis.hkeys(key);
      const keep = new Set(entries.map((e) => `${mine}${e.socketKey}`));
      const stale = existing.filter((f) => f.startsWith(mine) && !keep.has(f));
      const tx = redis.multi();
      if (stale.length > 0) tx.hdel(key, ...stale);
      if (entries.length > 0) {
        tx.hset(key, Object.fromEntries(entries.map((e) => [`${mine}${e.socketKey}`, fieldValue(e)])));
        tx.pexpire(key, keyTtlMs);
        tx.sadd(usersOfKey(instanceId), userId);
      } else {
        tx.srem(usersOfKey(instanceId), userId);
      }
      await tx.exec();
    },

    async read(userIds) {
      const result = new Map<string, Connections>();
      if (userIds.length === 0) return result;
      const pipeline = redis.pipeline();
      for (const id of userIds) pipeline.hgetall(userKey(id));
      const answers = (await pipeline.exec()) ?? [];
      const nowMs = Date.now();
      userIds.forEach((id, i) => {
        const [err, fields] = answers[i] ?? [null, {}];
        if (err) throw err;
        result.set(id, connectionsOf(parse((fields ?? {}) as Record<string, string>, nowMs)));
      });
      return result;
    },

    async changed(userId, value) {
      const before = (await redis.call('SET', lastKey(userId), value, 'PX', String(24 * 3600 * 1000), 'GET')) as string | null;
      return before !== value;
    },

    async heartbeat(local) {
      const nowMs = Date.now();
      const tx = redis.multi();
      for (const [userId, entries] of local) {
        if (entries.length === 0) continue;
        tx.hset(userKey(userId), Object.fromEntries(entries.map((e) => [`${mine}${e.socketKey}`, fieldValue(e)])));
        tx.pexpire(userKey(userId), keyTtlMs);
        tx.sadd(usersOfKey(instanceId), userId);
      }
      tx.zadd(instancesKey, nowMs, instanceId);
      tx.pexpire(usersOfKey(instanceId), keyTtlMs * 10);
      await tx.exec();

      const removed: string[] = [];
      const dead = await redis.zrangebyscore(instancesKey, '-inf', nowMs - ttlMs);
      for (const instance of dead) {
        if (instance === instanceId) continue;
        // ZREM answers 1 to one instance only: that one cleans up.
        if ((await redis.zrem(instancesKey, instance)) !== 1) continue;
        const users = await redis.smembers(usersOfKey(instance));
        for (const userId of users) {
          const fields = (await redis.hkeys(userKey(userId))).filter((f) => f.startsWith(`${instance}|`));
          if (fields.length > 0) await redis.hdel(userKey(userId), ...fields);
          removed.push(userId);
        }
        await redis.del(usersOfKey(instance));
      }
      return removed;
    },

    async leave() {
      await redis.multi().zrem(instancesKey, instanceId).del(usersOfKey(instanceId)).exec();
    },
  };
}
