import { router, publicProcedure } from '../../trpc/trpc';
import { platformStats } from './service';

export const platformRouter = router({
  /** Public numbers for the landing page: how alive the platform is. */
  stats: publicProcedure.query(({ ctx }) => platformStats(ctx.services.db)),
  /** Which runtime mode this API runs in, for the footer and the admin page. */
  info: publicProcedure.query(({ ctx }) => ({
    version: ctx.services.version,
    database: ctx.services.dbMode,
    redis: ctx.services.redis ? 'enabled' : 'disabled',
  })),
});
