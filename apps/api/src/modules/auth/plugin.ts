import fp from 'fastify-plugin';
import type { AppServices } from '../../services';
import { registerSocketAuth } from './socket';
import { createFailureThrottle, type FailureThrottle } from './throttle';
import './request-auth';

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-account failure backoff (sign-in, mail requests; MFA codes may share it). */
    authThrottle: FailureThrottle;
  }
}

export interface AuthPluginOptions {
  services: AppServices;
  /** Prefix of this app's Redis keys (throttle state). */
  redisPrefix: string;
}

/**
 * App-wide auth wiring, registered once after the Socket.io plugin: `request.auth`, the account
 * throttle, and the handshake check on every socket namespace. The REST routes are `authRoutes`.
 */
export const authPlugin = fp<AuthPluginOptions>(
  async (app, { services, redisPrefix }) => {
    app.decorateRequest('auth', null);
    app.decorate(
      'authThrottle',
      createFailureThrottle({
        redis: services.redis,
        prefix: redisPrefix,
        now: services.now,
        onError: (err) => services.log.warn({ reason: err instanceof Error ? err.message : 'unknown' }, 'auth throttle unavailable: allowing'),
      }),
    );
    registerSocketAuth(services.io, services);
  },
  { name: 'auth', dependencies: ['socket-io'] },
);
