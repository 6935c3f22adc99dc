import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { isLocalStorage } from './local';
import { IMMUTABLE_CACHE_CONTROL } from './s3';
import { contentTypeOf, isValidKey } from './types';

/** Demo avatars ship with the API (the seed points demo users at /api/media/demo/<username>.svg). */
const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-avatars');
const DEMO_KEY = /^demo\/([a-z0-9_]{1,20})\.svg$/;

/**
 * GET /api/media/<key>: files of the local storage and the demo avatars. Keys are checked against the
 * storage's key pattern (no `..`, no absolute paths); the content type comes from the extension.
 * SVGs are sent with a CSP that forbids scripts, should one ever be opened directly.
 */
export async function mediaRoutes(app: FastifyInstance) {
  app.get('/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const notFound = () => reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'There is no file at this address.' } });
    if (!isValidKey(key)) return notFound();

    const demo = DEMO_KEY.exec(key);
    let bytes: Buffer | null = null;
    if (demo) {
      bytes = await readFile(path.join(DEMO_DIR, `${demo[1]}.svg`)).catch(() => null);
    } else if (isLocalStorage(app.storage)) {
      bytes = await app.storage.read(key);
    }
    if (!bytes) return notFound();
    return reply
      .header('content-type', contentTypeOf(key))
      .header('cache-control', demo ? 'public, max-age=86400' : IMMUTABLE_CACHE_CONTROL)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .send(bytes);
  });
}
