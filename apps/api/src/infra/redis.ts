import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type RedisHealth = 'ok' | 'down' | 'disabled';

export interface RedisHandle {
  client: Redis;
  url: string;
  /** 'ok' when a PING answers within the timeout, else 'down'. */
  health(timeoutMs?: number): Promise<Exclude<RedisHealth, 'disabled'>>;
  close(): Promise<void>;
}

/**
 * One shared Redis connection that never gives up: it reconnects with backoff forever, fails commands
 * fast while Redis is away (so requests that do not need Redis keep being served) and recovers by itself.
 */
export async function connectRedis(url: string, log: Logger, { readyTimeoutMs = 5000 } = {}): Promise<RedisHandle> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  let lastState = '';
  const report = (state: string, message: string) => {
    if (state === lastState) return;
    lastState = state;
    if (state === 'ready') log.info(message);
    else log.warn(message);
  };
  client.on('ready', () => report('ready', 'redis: connected'));
  client.on('error', (err) => report('error', `redis: ${err.message}; the API keeps serving what does not need Redis`));
  client.on('end', () => report('end', 'redis: connection closed'));

  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), readyTimeoutMs).unref()),
    ]);
  } catch (err) {
    // Not fatal: Redis holds only what can be rebuilt; the client keeps reconnecting in the background.
    log.warn(`redis: not reachable at start (${err instanceof Error ? err.message : String(err)}); will keep retrying`);
  }

  return {
    client,
    url,
    async health(timeoutMs = 500) {
      if (client.status !== 'ready') return 'down';
      try {
        await Promise.race([
          client.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
        ]);
        return 'ok';
      } catch {
        return 'down';
      }
    },
    async close() {
      if (client.status === 'end') return;
      await client.quit().catch(() => client.disconnect());
    },
  };
}
