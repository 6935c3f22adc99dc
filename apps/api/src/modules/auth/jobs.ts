import { lt, or, and, isNotNull } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import { z } from 'zod';
import { defineJob } from '../../infra/queue';
import type { JobDeps } from '../../jobs';

export const CLEANUP_AUTH_JOB = 'auth.cleanup-expired';

/** Kept a while after expiry so support can still see why a link failed. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what can no longer be used: expired verification tokens (email, reset, MFA challenges,
 * OAuth states) and sessions that ended (expired or revoked) long enough ago, with their refresh
 * tokens. Idempotent; returns what it removed.
 */
export async function cleanupExpiredAuth(db: Database, now: Date): Promise<{ verifications: number; sessions: number }> {
  const cutoff = new Date(now.getTime() - KEEP_EXPIRED_MS);
  const verifications = await db
    .delete(schema.verifications)
    .where(lt(schema.verifications.expiresAt, cutoff))
    .returning({ id: schema.verifications.id });
  const sessions = await db
    .delete(schema.sessions)
    .where(
      or(
        lt(schema.sessions.expiresAt, cutoff),
        and(isNotNull(schema.sessions.revokedAt), lt(schema.sessions.revokedAt, cutoff)),
      ),
    )
    .returning({ id: schema.sessions.id });
  return { verifications: verifications.length, sessions: sessions.length };
}

export function authJobs(deps: JobDeps) {
  return [
    defineJob({
      name: CLEANUP_AUTH_JOB,
      schema: z.object({}),
      retry: { attempts: 3, backoff: { type: 'exponential', delayMs: 30_000 } },
      async process(_data, ctx) {
        const removed = await cleanupExpiredAuth(deps.db, deps.now());
        ctx.log.info(removed, 'expired auth rows removed');
      },
    }),
  ] as const;
}
