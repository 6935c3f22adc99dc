import { router } from './trpc';
import { platformRouter } from '../modules/platform/router';

export const appRouter = router({
  platform: platformRouter,
});

export type AppRouter = typeof appRouter;
