import { router } from './trpc';
import { platformRouter } from '../modules/platform/router';
import { authRouter } from '../modules/auth/procedures';
import { roomsRouter } from '../modules/rooms/router';
import { friendsRouter } from '../modules/friends/router';
import { profileRouter } from '../modules/profile/router';
import { settingsRouter } from '../modules/settings/router';
import { notificationsRouter } from '../modules/notifications/router';
import { xpRouter } from '../modules/gamification/router';
import { leaderboardRouter } from '../modules/leaderboard/router';
import { premiumRouter } from '../modules/premium/router';
import { guildsRouter } from '../modules/guilds/router';
import { adminShortsRouter, creatorsRouter, shortsRouter, studioRouter } from '../modules/shorts/router';

export const appRouter = router({
  platform: platformRouter,
  auth: authRouter,
  rooms: roomsRouter,
  friends: friendsRouter,
  profile: profileRouter,
  settings: settingsRouter,
  notifications: notificationsRouter,
  xp: xpRouter,
  leaderboard: leaderboardRouter,
  premium: premiumRouter,
  guilds: guildsRouter,
  shorts: shortsRouter,
  creators: creatorsRouter,
  studio: studioRouter,
  adminShorts: adminShortsRouter,
});

export type AppRouter = typeof appRouter;
