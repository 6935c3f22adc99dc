import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BullMqJobQueue } from './bullmq';
import { QueueUnavailableError } from './errors';
import { createJobQueue } from './index';
import { captureLogger, describeJobQueueContract, sleep } from './queue.contract';
import { defineJob } from './types';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('[skip] REDIS_URL not set: BullMQ contract tests skipped');

describe.skipIf(!redisUrl)('BullMQ job queue on a real Redis', () => {
  const url = redisUrl ?? '';
  // Every queue in this run lives under its own prefix, so runs never collide and cleanup is exact.
  const runPrefix = `wt-test-${process.pid}-${Date.now().toString(36)}`;
  let queueCount = 0;
  const nextPrefix = () => `${runPrefix}:${(queueCount += 1)}`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(url, { maxRetriesPerRequest: null });
  });

  afterAll(async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${runPrefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  });

  describeJobQueueContract(
    'bullmq',
    ({ definitions, logger }) =>
      new BullMqJobQueue({ redisUrl: url, definitions, logger, prefix: nextPrefix() }),
  );

  describe('BullMQ specifics', () => {
    const pingSchema = z.object({ id: z.string() });
    const noRetry = { attempts: 1, backoff: { type: 'fixed' as const, delayMs: 0 } };

    it('createJobQueue returns BullMQ when a Redis URL is given', async () => {
      const queue = createJobQueue({
        redisUrl: url,
        definitions: [],
        logger: captureLogger().logger,
        prefix: nextPrefix(),
      });
      expect(queue.kind).toBe('bullmq');
      await queue.stop();
    });

    it('a producer-only process enqueues; a worker process runs the job, and stop() lets it reach Redis', async () => {
      const prefix = nextPrefix();
      const runs: string[] = [];
      const ping = defineJob({
        name: 'split.ping',
        schema: pingSchema,
        retry: noRetry,
        async process(data) {
          await sleep(200);
          runs.push(data.id);
        },
      });
      const api = new BullMqJobQueue({
        redisUrl: url,
        definitions: [ping],
        logger: captureLogger().logger,
        prefix,
      });
      await api.start({ process: false });
      await api.enqueue('split.ping', { id: 'p1' });
      await sleep(300);
      expect(runs).toEqual([]);
      expect((await api.counts())['split.ping']?.waiting).toBe(1);

      const worker = new BullMqJobQueue({
        redisUrl: url,
        definitions: [ping],
        logger: captureLogger().logger,
        prefix,
      });
      await worker.start();
      await vi.waitFor(async () => expect((await api.counts())['split.ping']?.active).toBe(1), {
        timeout: 5000,
      });
      await worker.stop({ timeoutMs: 5000 });
      expect(runs).toEqual(['p1']);
      expect((await api.counts())['split.ping']).toMatchObject({ completed: 1, active: 0, waiting: 0 });
      await api.stop();
    });

    it('stores the weekly reset with its next run at Monday 00:00 UTC', async () => {
      const prefix = nextPrefix();
      const reset = defineJob({
        name: 'leaderboard.weekly-reset',
        schema: z.object({ board: z.literal('weekly') }),
        retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 60_000 } },
        async process() {},
      });
      const queue = new BullMqJobQueue({
        redisUrl: url,
        definitions: [reset],
        logger: captureLogger().logger,
        prefix,
      });
      await queue.schedule(
        'leaderboard.weekly-reset',
        { key: 'weekly', cron: '0 0 * * 1' },
        { board: 'weekly' },
      );

      const now = new Date();
      const daysToMonday = (8 - now.getUTCDay()) % 7 || 7;
      const expected = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysToMonday);
      const raw = new Queue('leaderboard.weekly-reset', { connection: redis, prefix });
      const scheduler = await raw.getJobScheduler('weekly');
      expect(scheduler).toMatchObject({ pattern: '0 0 * * 1', tz: 'UTC', next: expected });
      const [next] = await raw.getDelayed();
      expect(next?.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 60_000 } });
      expect(next?.data).toEqual({ board: 'weekly' });
      await raw.close();
      await queue.stop();
    });

    it('fails a stored job whose data no longer matches the schema, without retrying it', async () => {
      const prefix = nextPrefix();
      const runs: unknown[] = [];
      const ping = defineJob({
        name: 'stale.ping',
        schema: pingSchema,
        retry: { attempts: 3, backoff: { type: 'fixed', delayMs: 10 } },
        async process(data) {
          runs.push(data);
        },
      });
      // As an older deploy would have written it.
      const raw = new Queue('stale.ping', { connection: redis, prefix });
      await raw.add('stale.ping', { legacyId: 7 }, { attempts: 3 });
      await raw.close();
      const { logger, entries } = captureLogger();
      const queue = new BullMqJobQueue({ redisUrl: url, definitions: [ping], logger, prefix });
      await queue.start();
      await vi.waitFor(async () => expect((await queue.counts())['stale.ping']?.failed).toBe(1), {
        timeout: 5000,
      });
      expect(runs).toEqual([]);
      const failure = entries.find((e) => e.msg === 'job failed permanently');
      expect(failure).toMatchObject({ job: 'stale.ping', tries: 1 });
      expect(failure?.err?.message).toMatch(/Invalid data for job "stale\.ping"/);
      await queue.stop();
    });

    it('survives an unreachable Redis: logs, fails enqueue and counts in bounded time, and still stops', async () => {
      const { logger, entries } = captureLogger();
      const ping = defineJob({ name: 'down.ping', schema: pingSchema, retry: noRetry, async process() {} });
      const queue = new BullMqJobQueue({
        redisUrl: 'redis://127.0.0.1:1',
        definitions: [ping],
        logger,
        prefix: nextPrefix(),
        commandTimeoutMs: 300,
      });
      await queue.start();
      await expect(queue.enqueue('down.ping', { id: 'x' })).rejects.toBeInstanceOf(QueueUnavailableError);
      await expect(queue.counts()).rejects.toThrow(/did not answer within 300 ms/);
      expect(entries.some((e) => e.msg === 'job queue Redis error; retrying')).toBe(true);
      const stopAt = Date.now();
      await queue.stop({ timeoutMs: 500 });
      expect(Date.now() - stopAt).toBeLessThan(6000);
    });
  });
});
