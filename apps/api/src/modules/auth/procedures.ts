import { TRPCError } from '@trpc/server';
import { protectedProcedure, router } from '../../trpc/trpc';
import { AUTH_MESSAGES } from './errors';
import { loadAuthUser } from './session';

/** tRPC side of auth, for clients that prefer it to REST: `auth.me` is GET /api/auth/me. */
export const authRouter = router({
  me: protectedProcedure.query(async ({ ctx }) => {
    const user = await loadAuthUser(ctx.services.db, ctx.auth.userId);
    if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: AUTH_MESSAGES.sessionRevoked });
    return user;
  }),
});
