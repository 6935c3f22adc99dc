import { leaderboardInput, leaderboardWinnersInput } from '@wt/schemas';
import { publicProcedure, router } from '../../trpc/trpc';
import { readBoard, readWinners } from './service';

/** Reading only: standing comes from server-measured watch time (gamification/accrual.ts). */
export const leaderboardRouter = router({
  /** The top 100 of a board, and the viewer's own rank with neighbours when signed in and ranked. */
  board: publicProcedure
    .input(leaderboardInput)
    .query(({ ctx, input }) => readBoard(ctx.services, input, ctx.auth?.userId ?? null)),
  /** The top three of the last finished weeks (or months). */
  winners: publicProcedure
    .input(leaderboardWinnersInput)
    .query(({ ctx, input }) => readWinners(ctx.services, input)),
});
