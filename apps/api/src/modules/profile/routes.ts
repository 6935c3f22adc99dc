import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMITS, updateProfileInput } from '@wt/schemas';
import type { AppServices } from '../../services';
import { authenticate, optionalAuth, perIpLimit } from '../auth';
import { isProfileError, parseProfileInput, profileErrors } from './errors';
import { readAvatarUpload } from './avatar';
import { getEditableProfile, getPublicProfile, removeAvatar, setAvatar, updateProfile } from './service';

/** Uploads are people choosing a picture: a per-IP budget on top of the global one. */
const UPLOAD_LIMIT = perIpLimit(30);

function userOf(request: FastifyRequest): string {
  if (!request.auth) throw profileErrors.unauthenticated();
  return request.auth.userId;
}

/**
 * /api/users: the public profile (seed 000's `GET /api/users/:username/profile`, the viewer optional)
 * and the signed-in person's own profile and avatar under /me. Refusals are
 * `{ error: { code, message, fields? } }` with their status.
 */
export async function profileRoutes(app: FastifyInstance, { services }: { services: AppServices }) {
  const deps = { db: services.db, now: services.now };
  const avatarDeps = () => ({ ...deps, storage: app.storage, log: services.log });

  // Profile refusals here; everything else (auth's 401s, validation of Fastify itself) goes to the app's handler.
  app.setErrorHandler((error, _request, reply) => {
    if (isProfileError(error)) return reply.code(error.status).send(error.toBody());
    throw error;
  });
  await app.register(multipart, { limits: { fileSize: LIMITS.avatarMaxBytes, files: 1, fields: 4, parts: 5 } });

  app.get<{ Params: { username: string } }>('/:username/profile', async (request, reply) => {
    const { auth, authError } = await optionalAuth(services, request);
    // A stale token must not quietly show the owner a stranger's view: the client refreshes and retries.
    if (authError) throw authError;
    const profile = await getPublicProfile(deps, request.params.username, auth?.userId ?? null);
    // Another viewer sees another profile: shared caches must not keep it.
    return reply.header('cache-control', 'private, no-store').send(profile);
  });

  app.get('/me/profile', { preHandler: authenticate }, async (request) => getEditableProfile(deps, userOf(request)));

  app.post('/me/profile', { preHandler: authenticate }, async (request) =>
    updateProfile(deps, userOf(request), parseProfileInput(updateProfileInput, request.body)),
  );

  app.post('/me/avatar', { preHandler: authenticate, config: UPLOAD_LIMIT }, async (request, reply) => {
    const userId = userOf(request);
    const bytes = await readAvatarUpload(request);
    return reply.code(201).send(await setAvatar(avatarDeps(), userId, bytes));
  });

  app.delete('/me/avatar', { preHandler: authenticate }, async (request) => removeAvatar(avatarDeps(), userOf(request)));
}
