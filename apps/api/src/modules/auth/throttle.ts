import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Per-account backoff after repeated failures (wrong passwords, mail requests): after `maxFailures`
 * within the memory window the key is locked for `baseLockSeconds`; every further failure while the
 * account is still remembered locks it again for twice as long, capped at `maxLockSeconds`. Success
 * (or `reset`) forgets the key. The state lives in Redis when configured (shared by every instance),
 * else in this process.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  /** A key with no failure for this long starts from scratch. */
  forgetAfterSeconds: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  baseLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

export interface ThrottleState {
  failures: number;
  locks: number;
  lockedUntilMs: number;
  lastFailureMs: number;
}

/** Pure transition for one more failure at `nowMs` (the Redis script implements the same rule). */
export function stateAfterFailure(state: ThrottleState | null, nowMs: number, policy: ThrottlePolicy): ThrottleState {
  const remembered = state && nowMs - state.lastFailureMs <= policy.forgetAfterSeconds * 1000 ? state : null;
  const failures = (remembered?.failures ?? 0) + 1;
  const locks = remembered?.locks ?? 0;
  if (locks > 0 || failures >= policy.maxFailures) {
    const lockSeconds = Math.min(policy.baseLockSeconds * 2 ** locks, policy.maxLockSeconds);
    return { failures: 0, locks: locks + 1, lockedUntilMs: nowMs + lockSeconds * 1000, lastFailureMs: nowMs };
  }
  return { failures, locks, lockedUntilMs: remembered?.lockedUntilMs ?? 0, lastFailureMs: nowMs };
}

/** Whole seconds to wait, 0 when the key may try now. */
export function secondsLocked(state: ThrottleState | null, nowMs: number): number {
  if (!state || state.lockedUntilMs <= nowMs) return 0;
  return Math.ceil((state.lockedUntilMs - nowMs) / 1000);
}

export interface FailureThrottle {
  readonly kind: 'memory' | 'redis';
  /** Seconds this key must wait before another attempt (0: go ahead). */
  retryAfterSeconds(key: string): Promise<number>;
  /** Records a failure; returns the seconds the key is now locked for (0 when not locked). */
  recordFailure(key: string): Promise<number>;
  /** Forgets the key (after a success). */
  reset(key: string): Promise<void>;
}

interface ThrottleOptions {
  now: () => Date;
  policy?: ThrottlePolicy;
}

/** Keys hold emails and usernames: only their hash is kept, in memory and in Redis alike. */
function keyDigest(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

export function createMemoryThrottle({ now, policy = DEFAULT_THROTTLE_POLICY }: ThrottleOptions): FailureThrottle {
  const states = new Map<string, ThrottleState>();

  function prune(nowMs: number) {
    for (const [key, state] of states) {
      if (nowMs - state.lastFailureMs > policy.forgetAfterSeconds * 1000 && state.lockedUntilMs <= nowMs) states.delete(key);
    }
  }

  return {
    kind: 'memory',
    async retryAfterSeconds(key) {
      return secondsLocked(states.get(keyDigest(key)) ?? null, now().getTime());
    },
    async recordFailure(key) {
      const nowMs = now().getTime();
      if (states.size > 10_000) prune(nowMs);
      const digest = keyDigest(key);
      const next = stateAfterFailure(states.get(digest) ?? null, nowMs, policy);
      states.set(digest, next);
      return secondsLocked(next, nowMs);
    },
    async reset(key) {
      states.delete(keyDigest(key));
    },
  };
}

/** stateAfterFailure in Lua, so concurrent failures on several instances are counted atomically. */
const RECORD_FAILURE_SCRIPT = `
local failures, locks, locked_until, last = 0, 0, 0, 0
local raw = redis.call('GET', KEYS[1])
if raw then
  local f, l, u, t = string.match(raw, '^(%d+):(%d+):(%d+):(%d+)$')
  if f then failures, locks, locked_until, last = tonumber(f), tonumber(l), tonumber(u), tonumber(t) end
end
local now = tonumber(ARGV[1])
if now - last > tonumber(ARGV[5]) * 1000 then failures, locks, locked_until = 0, 0, 0 end
failures = failures + 1
if locks > 0 or failures >= tonumber(ARGV[2]) then
  local lock_s = math.min(tonumber(ARGV[3]) * (2 ^ locks), tonumber(ARGV[4]))
  locks = locks + 1
  locked_until = now + lock_s * 1000
  failures = 0
end
redis.call('SET', KEYS[1], string.format('%d:%d:%d:%d', failures, locks, locked_until, now), 'EX', tonumber(ARGV[6]))
return string.format('%d', locked_until)
`;

function parseState(raw: string | null): ThrottleState | null {
  const match = raw ? /^(\d+):(\d+):(\d+):(\d+)$/.exec(raw) : null;
  if (!match) return null;
  return { failures: Number(match[1]), locks: Number(match[2]), lockedUntilMs: Number(match[3]), lastFailureMs: Number(match[4]) };
}

export function createRedisThrottle({
  redis,
  prefix,
  now,
  policy = DEFAULT_THROTTLE_POLICY,
  onError,
}: ThrottleOptions & { redis: Redis; prefix: string; onError?: (err: unknown) => void }): FailureThrottle {
  const redisKey = (key: string) => `${prefix}:auth-throttle:${keyDigest(key)}`;
  const ttlSeconds = policy.forgetAfterSeconds + policy.maxLockSeconds;
  // Like the request rate limit (skipOnError), a Redis outage lets attempts through rather than taking
  // sign-in down; the per-IP limit and argon2's cost still apply.
  const failOpen = (err: unknown) => {
    onError?.(err);
    return 0;
  };

  return {
    kind: 'redis',
    async retryAfterSeconds(key) {
      try {
        return secondsLocked(parseState(await redis.get(redisKey(key))), now().getTime());
      } catch (err) {
        return failOpen(err);
      }
    },
    async recordFailure(key) {
      const nowMs = now().getTime();
      try {
        const lockedUntil = await redis.eval(
          RECORD_FAILURE_SCRIPT,
          1,
          redisKey(key),
          nowMs,
          policy.maxFailures,
          policy.baseLockSeconds,
          policy.maxLockSeconds,
          policy.forgetAfterSeconds,
          ttlSeconds,
        );
        return secondsLocked({ failures: 0, locks: 0, lockedUntilMs: Number(lockedUntil), lastFailureMs: nowMs }, nowMs);
      } catch (err) {
        return failOpen(err);
      }
    },
    async reset(key) {
      try {
        await redis.del(redisKey(key));
      } catch (err) {
        failOpen(err);
      }
    },
  };
}

/** Redis when the app has it (state shared by every instance), else this process's memory. */
export function createFailureThrottle(options: {
  redis: Redis | null;
  prefix: string;
  now: () => Date;
  policy?: ThrottlePolicy;
  onError?: (err: unknown) => void;
}): FailureThrottle {
  return options.redis ? createRedisThrottle({ ...options, redis: options.redis }) : createMemoryThrottle(options);
}
