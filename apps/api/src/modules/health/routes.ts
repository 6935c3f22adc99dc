import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { RedisHandle, RedisHealth } from '../../infra/redis';
import type { AppServices } from '../../services';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  db: 'ok' | 'down';
  redis: RedisHealth;
  version: string;
}

async function checkDb(services: AppServices): Promise<'ok' | 'down'> {
  try {
    await services.db.execute(sql`select 1`);
    return 'ok';
  } catch {
    return 'down';
  }
}

export async function healthReport(services: AppServices, redis: RedisHandle | null): Promise<HealthReport> {
  const [db, redisState] = await Promise.all([checkDb(services), redis ? redis.health() : ('disabled' as const)]);
  const status = db === 'down' ? 'down' : redisState === 'down' ? 'degraded' : 'ok';
  return { status, db, redis: redisState, version: services.version };
}

export async function healthRoutes(app: FastifyInstance, opts: { services: AppServices; redis: RedisHandle | null }) {
  app.get('/health', { config: { rateLimit: false } }, async (_req, reply) => {
    const report = await healthReport(opts.services, opts.redis);
    // Without its database the API cannot serve; without Redis it still can (degraded).
    return reply.code(report.db === 'ok' ? 200 : 503).send(report);
  });
}
