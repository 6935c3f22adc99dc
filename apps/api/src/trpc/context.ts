import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { AppServices } from '../services';

export interface TrpcContext {
  services: AppServices;
  req: CreateFastifyContextOptions['req'] | null;
}

export function createContextFactory(services: AppServices) {
  return ({ req }: CreateFastifyContextOptions): TrpcContext => ({ services, req });
}
