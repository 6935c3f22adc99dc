import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMITS } from '@wt/schemas';
import { z } from 'zod';
import type { AppServices } from '../../services';
import { authenticate, perIpLimit } from '../auth';
import { processAvatar, readAvatarUpload } from '../profile/avatar';
import { isProfileError } from '../profile/errors';
import { guildErrors, guildHttpStatus, isGuildError } from './errors';
import { assertMayEdit, replaceGuildAvatar } from './service';

/** Uploads are people choosing a picture: a per-IP budget on top of the global one. */
const UPLOAD_LIMIT = perIpLimit(30);
const params = z.object({ guildId: z.string().uuid() });

function userOf(request: FastifyRequest): string {
  if (!request.auth) throw guildErrors.unauthenticated();
  return request.auth.userId;
}

function guildOf(request: FastifyRequest): string {
  const parsed = params.safeParse(request.params);
  if (!parsed.success) throw guildErrors.notFound();
  return parsed.data.guildId;
}

/** The storage key of a guild's avatar: per guild and content-hashed (a new picture is a new URL). */
export function guildAvatarKey(guildId: string, hash: string): string {
  return `guild-avatars/${guildId.toLowerCase()}/${hash}.webp`;
}

/**
 * /api/guilds/:guildId/avatar: the leader sets or removes the guild's picture, through the storage port
 * and the same checks as a profile avatar (type read from the bytes, 2 MB, re-encoded as a WebP square).
 * Refusals are `{ error: { code, message } }` with their status.
 */
export async function guildRoutes(app: FastifyInstance, { services }: { services: AppServices }) {
  const deps = () => services;

  app.setErrorHandler((error, _request, reply) => {
    if (isGuildError(error)) return reply.code(guildHttpStatus(error)).send({ error: { code: error.code, message: error.message } });
    if (isProfileError(error)) return reply.code(error.status).send(error.toBody());
    throw error;
  });
  await app.register(multipart, { limits: { fileSize: LIMITS.avatarMaxBytes, files: 1, fields: 4, parts: 5 } });

  app.post('/:guildId/avatar', { preHandler: authenticate, config: UPLOAD_LIMIT }, async (request, reply) => {
    const userId = userOf(request);
    const guildId = guildOf(request);
    // Refused before the upload is read or decoded.
    await assertMayEdit(deps(), userId, guildId);
    const bytes = await readAvatarUpload(request);
    const avatar = await processAvatar(bytes);
    const key = guildAvatarKey(guildId, avatar.hash);
    await app.storage.put(key, avatar.bytes, avatar.contentType);
    const avatarUrl = app.storage.urlFor(key);
    await dropOld(await replaceGuildAvatar(deps(), userId, guildId, avatarUrl), avatarUrl);
    return reply.code(201).send({ avatarUrl });
  });

  app.delete('/:guildId/avatar', { preHandler: authenticate }, async (request) => {
    const userId = userOf(request);
    const guildId = guildOf(request);
    await dropOld(await replaceGuildAvatar(deps(), userId, guildId, null), null);
    return { avatarUrl: null };
  });

  /** A file left behind costs a little space; failing the request for it would lose the new avatar. */
  async function dropOld(oldUrl: string | null, newUrl: string | null): Promise<void> {
    const oldKey = oldUrl ? app.storage.keyOf(oldUrl) : null;
    if (!oldKey || oldKey === (newUrl ? app.storage.keyOf(newUrl) : null)) return;
    try {
      await app.storage.delete(oldKey);
    } catch (err) {
      services.log.warn({ key: oldKey, reason: err instanceof Error ? err.message : 'unknown' }, 'old guild avatar not deleted');
    }
  }
}
