import { xpHistoryInput } from '@wt/schemas';
import { protectedProcedure, router } from '../../trpc/trpc';
import { xpHistory, xpStandingOf } from './service';

/** Read-only on purpose: XP is awarded by the server's own rules (xp.ts), no procedure awards any. */
export const xpRouter = router({
  /** The signed-in person's XP, level and progress towards the next level. */
  me: protectedProcedure.query(({ ctx }) => xpStandingOf(ctx.services.db, ctx.auth.userId)),
  /** The signed-in person's XP history, newest first, a page at a time. */
  history: protectedProcedure
    .input(xpHistoryInput)
    .query(({ ctx, input }) => xpHistory(ctx.services.db, ctx.auth.userId, input)),
});
