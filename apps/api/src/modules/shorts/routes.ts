import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { LIMITS } from '@wt/schemas';
import { z } from 'zod';
import type { AppServices } from '../../services';
import { authenticate, perIpLimit } from '../auth';
import { processAvatar, readAvatarUpload } from '../profile/avatar';
import { isProfileError } from '../profile/errors';
import { isShortsError, shortsErrors, shortsHttpStatus } from './errors';
import { studioSeries } from './studio';

/** Series covers are portrait, like the episodes: 540 × 960 WebP. */
const COVER_BOX = { width: 540, height: 960 };
const UPLOAD_LIMIT = perIpLimit(30);
const params = z.object({ seriesId: z.string().uuid() });

export const coverKey = (seriesId: string, hash: string) => `covers/${seriesId.toLowerCase()}/${hash}.webp`;

/**
 * /api/studio: REST beside the studio's tRPC for what tRPC does not carry: the series cover upload
 * (multipart, the avatar's checks: type from the bytes, 2 MB, re-encoded), by the series' creator.
 */
export async function studioRoutes(app: FastifyInstance, { services }: { services: AppServices }) {
  app.setErrorHandler((error, _request, reply) => {
    if (isShortsError(error)) return reply.code(shortsHttpStatus(error)).send(error.toBody());
    if (isProfileError(error)) return reply.code(error.status).send(error.toBody());
    throw error;
  });
  await app.register(multipart, { limits: { fileSize: LIMITS.avatarMaxBytes, files: 1, fields: 4, parts: 5 } });

  const userOf = (request: FastifyRequest) => {
    if (!request.auth) throw shortsErrors.unauthenticated();
    return request.auth.userId;
  };

  app.post('/series/:seriesId/cover', { preHandler: authenticate, config: UPLOAD_LIMIT }, async (request, reply) => {
    const userId = userOf(request);
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw shortsErrors.notFound('series');
    const { seriesId } = parsed.data;
    // Ownership first: a stranger's upload is refused before it is read.
    await studioSeries(services, userId, seriesId);
    const cover = await processAvatar(await readAvatarUpload(request), LIMITS.avatarMaxBytes, COVER_BOX);
    const key = coverKey(seriesId, cover.hash);
    await services.storage.put(key, cover.bytes, cover.contentType);
    const coverUrl = services.storage.urlFor(key);
    const { rows } = await services.db.execute<{ old: string | null }>(sql`
      UPDATE series r SET cover_url = ${coverUrl}, updated_at = ${services.now()}
      FROM (SELECT cover_url AS old FROM series WHERE id = ${seriesId}) prev
      WHERE r.id = ${seriesId} RETURNING prev.old`);
    const oldKey = rows[0]?.old ? services.storage.keyOf(rows[0].old) : null;
    if (oldKey && oldKey !== key) await services.storage.delete(oldKey).catch(() => undefined);
    return reply.code(201).send({ coverUrl });
  });
}
