import { parseEnv, type Env } from '../../apps/api/src/env';
import type { ApiServerConfig } from './plan';

/**
 * The API's environment for a benchmark run, built from the IPC config rather than process.env: the
 * server child starts from it, and the orchestrator signs the members' access tokens with the same secret.
 */
export function benchApiEnv(config: ApiServerConfig): Env {
  return parseEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl ?? undefined,
    AUTH_SECRET: config.authSecret,
    // 201 rooms are created over HTTP from one loopback address; sockets are not subject to it.
    RATE_LIMIT_PER_MINUTE: '100000',
  });
}
