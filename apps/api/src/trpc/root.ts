import { router } from './trpc';
import { platformRouter } from '../modules/platform/router';
import { authRouter } from '../modules/auth/procedures';

export const appRouter = router({
  platform: platformRouter,
  auth: authRouter,
});

export type AppRouter = typeof appRouter;
