import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { z } from 'zod';
import { createJobQueue } from './index';
import { InProcessJobQueue } from './inprocess';
import { captureLogger, describeJobQueueContract } from './queue.contract';
import { defineJob, type JobContext } from './types';

describeJobQueueContract(
  'in-process',
  ({ definitions, logger }) => new InProcessJobQueue({ definitions, logger }),
);

describe('InProcessJobQueue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires the weekly leaderboard reset at Monday 00:00 UTC (fake clock)', async () => {
    vi.useFakeTimers();
    // Sunday 2025-01-05 23:59:58 UTC.
    vi.setSystemTime(new Date('2025-01-05T23:59:58.000Z'));
    const firedAt: string[] = [];
    const reset = defineJob({
      name: 'leaderboard.weekly-reset',
      schema: z.object({ board: z.literal('weekly') }),
      retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 60_000 } },
      async process() {
        firedAt.push(new Date().toISOString());
      },
    });
    const queue = new InProcessJobQueue({ definitions: [reset], logger: captureLogger().logger });
    await queue.schedule(
      'leaderboard.weekly-reset',
      { key: 'weekly', cron: '0 0 * * 1' },
      { board: 'weekly' },
    );
    await queue.start();

    await vi.advanceTimersByTimeAsync(1500);
    expect(firedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(firedAt).toEqual(['2025-01-06T00:00:00.000Z']);
    await vi.advanceTimersByTimeAsync(7 * 24 * 3600 * 1000);
    expect(firedAt).toEqual(['2025-01-06T00:00:00.000Z', '2025-01-13T00:00:00.000Z']);
    await queue.stop();
  });

  it('waits out delays longer than the 24.8-day setTimeout limit', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-01-01T00:00:00.000Z'));
    const ran: string[] = [];
    const expire = defineJob({
      name: 'premium.expire',
      schema: z.object({ userId: z.string() }),
      retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
      async process() {
        ran.push(new Date().toISOString());
      },
    });
    const queue = new InProcessJobQueue({ definitions: [expire], logger: captureLogger().logger });
    await queue.start();
    const thirtyDaysMs = 30 * 24 * 3600 * 1000;
    await queue.enqueue('premium.expire', { userId: 'u1' }, { delayMs: thirtyDaysMs });
    await vi.advanceTimersByTimeAsync(thirtyDaysMs - 1000);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran).toEqual(['2025-01-31T00:00:00.000Z']);
    await queue.stop();
  });

  it('hands processors the JSON form, as Redis would', async () => {
    const seen: unknown[] = [];
    const job = defineJob({
      name: 'json.shape',
      schema: z.object({ at: z.string(), n: z.number().optional() }),
      retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
      async process(data) {
        seen.push(data);
      },
    });
    const queue = new InProcessJobQueue({ definitions: [job], logger: captureLogger().logger });
    await queue.start();
    const payload = { at: '2025-01-01', n: undefined };
    await queue.enqueue('json.shape', payload);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({ at: '2025-01-01' });
    expect(seen[0]).not.toBe(payload);
    expect(Object.keys(seen[0] as object)).toEqual(['at']);
    await queue.stop();
  });

  it('drops pending jobs at stop with a warning, and refuses jobs afterwards', async () => {
    const job = defineJob({
      name: 'later.job',
      schema: z.object({ id: z.string() }),
      retry: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } },
      async process() {},
    });
    const { logger, entries } = captureLogger();
    const queue = new InProcessJobQueue({ definitions: [job], logger });
    await queue.start();
    await queue.enqueue('later.job', { id: 'a' }, { delayMs: 60_000 });
    await queue.stop();
    expect(entries.find((e) => e.msg.startsWith('pending jobs dropped'))).toMatchObject({ dropped: 1 });
    await expect(queue.enqueue('later.job', { id: 'b' })).rejects.toThrow(/stopped/);
  });

  it('rejects definitions that BullMQ could not run the same way', () => {
    const base = {
      schema: z.object({}),
      retry: { attempts: 1, backoff: { type: 'fixed' as const, delayMs: 0 } },
      async process() {},
    };
    const logger = captureLogger().logger;
    expect(() => new InProcessJobQueue({ definitions: [{ ...base, name: 'has:colon' }], logger })).toThrow(
      /name/,
    );
    expect(
      () =>
        new InProcessJobQueue({
          definitions: [{ ...base, name: 'x', retry: { ...base.retry, attempts: 0 } }],
          logger,
        }),
    ).toThrow(/attempts/);
    expect(
      () =>
        new InProcessJobQueue({
          definitions: [
            { ...base, name: 'x' },
            { ...base, name: 'x' },
          ],
          logger,
        }),
    ).toThrow(/twice/);
  });
});

describe('createJobQueue', () => {
  it('returns the in-process runner without REDIS_URL, typed by the definitions', async () => {
    const transcode = defineJob({
      name: 'video.transcode',
      schema: z.object({ episodeId: z.string() }),
      retry: { attempts: 5, backoff: { type: 'exponential', delayMs: 1000 } },
      async process(data: { episodeId: string }, _ctx: JobContext) {
        void data;
      },
    });
    const queue = createJobQueue({ definitions: [transcode], logger: captureLogger().logger });
    expect(queue.kind).toBe('inprocess');
    expectTypeOf(queue.enqueue<'video.transcode'>)
      .parameter(1)
      .toEqualTypeOf<{ episodeId: string }>();
    // @ts-expect-error: unknown job name is a compile error too
    await expect(queue.enqueue('video.nope', { episodeId: 'e' })).rejects.toThrow(/video\.nope/);
    // @ts-expect-error: wrong data shape is a compile error too
    await expect(queue.enqueue('video.transcode', { episodeId: 1 })).rejects.toThrow(/episodeId/);
    await queue.stop();
  });
});
