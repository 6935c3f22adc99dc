import { TRPCError } from '@trpc/server';
import { premiumGrantInput, premiumRevokeInput } from '@wt/schemas';
import { adminProcedure, router } from '../../trpc/trpc';
import { grantPremiumTo, PremiumError, revokePremiumOf } from './premium';

const TRPC_CODE_OF = { USER_NOT_FOUND: 'NOT_FOUND' } as const;

/** Premium refusals as tRPC errors carrying the sentence; anything else goes on as it is. */
function asTrpcError(error: unknown): never {
  if (error instanceof PremiumError) {
    throw new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: error });
  }
  throw error;
}

/** Admin-only: Premium for members by hand (support, prizes outside the leaderboards). */
export const premiumRouter = router({
  /** Adds days of Premium to what the member has (never shortens; lifetime stays lifetime). */
  grant: adminProcedure
    .input(premiumGrantInput)
    .mutation(({ ctx, input }) => grantPremiumTo(ctx.services, input).catch(asTrpcError)),
  /** Ends the member's Premium now, lifetime included. */
  revoke: adminProcedure
    .input(premiumRevokeInput)
    .mutation(({ ctx, input }) => revokePremiumOf(ctx.services, input).catch(asTrpcError)),
});
