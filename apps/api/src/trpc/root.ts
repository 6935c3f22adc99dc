import { router } from './trpc';
import { platformRouter } from '../modules/platform/router';
import { authRouter } from '../modules/auth/procedures';
import { roomsRouter } from '../modules/rooms/router';

export const appRouter = router({
  platform: platformRouter,
  auth: authRouter,
  rooms: roomsRouter,
});

export type AppRouter = typeof appRouter;
