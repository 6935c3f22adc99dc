import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { AppServices } from '../services';
import { optionalAuth } from '../modules/auth/request-auth';
import type { AuthContext } from '../modules/auth/session';
import type { AuthError } from '../modules/auth/errors';

export interface TrpcContext {
  services: AppServices;
  req: CreateFastifyContextOptions['req'] | null;
  /** The signed-in user (Authorization: Bearer <access token>), or null. */
  auth: AuthContext | null;
  /** Why a presented token was refused (expired, revoked...), for protectedProcedure's answer. */
  authError: AuthError | null;
}

export function createContextFactory(services: AppServices) {
  return async ({ req }: CreateFastifyContextOptions): Promise<TrpcContext> => ({
    services,
    req,
    ...(await optionalAuth(services, req)),
  });
}
