import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryThrottle,
  createRedisThrottle,
  DEFAULT_THROTTLE_POLICY,
  secondsLocked,
  stateAfterFailure,
  type FailureThrottle,
  type ThrottleState,
} from './throttle';

const policy = DEFAULT_THROTTLE_POLICY;
const REDIS_URL = process.env.REDIS_URL;

describe('stateAfterFailure (the rule both stores implement)', () => {
  const t0 = 1_700_000_000_000;
  it.each<[string, ThrottleState | null, number, Partial<ThrottleState>, number]>([
    ['first failure', null, t0, { failures: 1, locks: 0 }, 0],
    ['fourth failure', { failures: 3, locks: 0, lockedUntilMs: 0, lastFailureMs: t0 - 1000 }, t0, { failures: 4, locks: 0 }, 0],
    ['fifth failure locks 30 s', { failures: 4, locks: 0, lockedUntilMs: 0, lastFailureMs: t0 - 1000 }, t0, { failures: 0, locks: 1 }, 30],
    ['a failure after the first lock locks 60 s', { failures: 0, locks: 1, lockedUntilMs: t0 - 1, lastFailureMs: t0 - 31_000 }, t0, { locks: 2 }, 60],
    ['third lock: 120 s', { failures: 0, locks: 2, lockedUntilMs: t0 - 1, lastFailureMs: t0 - 61_000 }, t0, { locks: 3 }, 120],
    ['capped at 15 minutes', { failures: 0, locks: 9, lockedUntilMs: t0 - 1, lastFailureMs: t0 - 1000 }, t0, { locks: 10 }, 900],
    ['forgotten after an hour without failures', { failures: 0, locks: 4, lockedUntilMs: t0 - 3_000_000, lastFailureMs: t0 - 3_601_000 }, t0, { failures: 1, locks: 0 }, 0],
  ])('%s', (_name, before, now, expected, lockedSeconds) => {
    const after = stateAfterFailure(before, now, policy);
    expect(after).toMatchObject(expected);
    expect(secondsLocked(after, now)).toBe(lockedSeconds);
  });
});

/** The same behaviour, proven against each store with a fake clock. */
function behavesLikeAThrottle(name: string, make: (now: () => Date) => FailureThrottle) {
  describe(name, () => {
    let clock = new Date('2030-01-01T00:00:00Z').getTime();
    const now = () => new Date(clock);
    let throttle: FailureThrottle;
    beforeAll(() => {
      throttle = make(now);
    });

    it('locks a key for 30 s on the fifth failure, then for twice as long', async () => {
      const key = `user:${randomUUID()}`;
      for (let i = 0; i < 4; i += 1) expect(await throttle.recordFailure(key)).toBe(0);
      expect(await throttle.retryAfterSeconds(key)).toBe(0);
      expect(await throttle.recordFailure(key)).toBe(30);
      expect(await throttle.retryAfterSeconds(key)).toBe(30);
      clock += 10_000;
      expect(await throttle.retryAfterSeconds(key)).toBe(20);
      clock += 20_001;
      expect(await throttle.retryAfterSeconds(key)).toBe(0);
      expect(await throttle.recordFailure(key)).toBe(60);
    });

    it('keeps keys apart and forgets a key on reset', async () => {
      const a = `user:${randomUUID()}`;
      const b = `user:${randomUUID()}`;
      for (let i = 0; i < 5; i += 1) await throttle.recordFailure(a);
      expect(await throttle.retryAfterSeconds(a)).toBeGreaterThan(0);
      expect(await throttle.retryAfterSeconds(b)).toBe(0);
      await throttle.reset(a);
      expect(await throttle.retryAfterSeconds(a)).toBe(0);
      expect(await throttle.recordFailure(a)).toBe(0);
    });

    it('forgets old failures after the memory window', async () => {
      const key = `user:${randomUUID()}`;
      for (let i = 0; i < 4; i += 1) await throttle.recordFailure(key);
      clock += (policy.forgetAfterSeconds + 1) * 1000;
      expect(await throttle.recordFailure(key)).toBe(0);
    });
  });
}

behavesLikeAThrottle('memory throttle', (now) => createMemoryThrottle({ now }));

if (!REDIS_URL) console.warn('[skip] REDIS_URL not set: Redis throttle tests skipped');
describe.skipIf(!REDIS_URL)('with Redis', () => {
  let redis: Redis;
  const prefix = `wt-test-${randomUUID()}`;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  // onError rethrows: here a Redis error must fail the test, not be allowed through.
  behavesLikeAThrottle('redis throttle', (now) =>
    createRedisThrottle({ redis, prefix, now, onError: (err) => { throw err; } }),
  );

  it('stores only a hash of the key (no email in Redis)', async () => {
    const throttle = createRedisThrottle({ redis, prefix, now: () => new Date() });
    await throttle.recordFailure('sign-in:login:someone@example.com');
    const keys = await redis.keys(`${prefix}:auth-throttle:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('example.com');
  });

  it('counts concurrent failures from several instances exactly', async () => {
    const clock = () => new Date('2030-06-01T00:00:00Z');
    const instances = [createRedisThrottle({ redis, prefix, now: clock }), createRedisThrottle({ redis, prefix, now: clock })];
    const key = `user:${randomUUID()}`;
    await Promise.all([0, 1, 2, 3, 4].map((i) => instances[i % 2]!.recordFailure(key)));
    expect(await instances[0]!.retryAfterSeconds(key)).toBe(30);
  });

  it('lets attempts through when Redis fails (like the request rate limit)', async () => {
    const broken = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const errors: unknown[] = [];
    const throttle = createRedisThrottle({ redis: broken, prefix, now: () => new Date(), onError: (err) => errors.push(err) });
    expect(await throttle.recordFailure('k')).toBe(0);
    expect(await throttle.retryAfterSeconds('k')).toBe(0);
    expect(errors.length).toBe(2);
    broken.disconnect();
  });
});
