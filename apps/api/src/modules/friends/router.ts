import { TRPCError } from '@trpc/server';
import { userIdInput, userSearchInput, type FriendErrorCode } from '@wt/schemas';
import { protectedProcedure, router } from '../../trpc/trpc';
import type { TrpcContext } from '../../trpc/context';
import { isFriendError } from './errors';
import {
  acceptFriendRequest,
  blockedUsers,
  blockUser,
  cancelFriendRequest,
  friendRequests,
  listFriends,
  rejectFriendRequest,
  removeFriend,
  searchUsers,
  sendFriendRequest,
  unblockUser,
  type FriendServices,
} from './service';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

const TRPC_CODES: Record<FriendErrorCode, TrpcCode> = {
  SELF: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_FRIENDS: 'CONFLICT',
  REQUEST_PENDING: 'CONFLICT',
  BLOCKED: 'FORBIDDEN',
  NOT_ACCEPTING: 'FORBIDDEN',
};

/** Friends refusals become tRPC errors with the sentence as message and the code in `data.friendCode`. */
const friendsProcedure = protectedProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && isFriendError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

const servicesOf = (ctx: { services: TrpcContext['services'] }): FriendServices => ctx.services;

/** friends.*: the state machine, blocks, lists and search; every check is in the service. */
export const friendsRouter = router({
  list: friendsProcedure.query(({ ctx }) => listFriends(servicesOf(ctx), ctx.auth.userId)),
  requests: friendsProcedure.query(({ ctx }) => friendRequests(ctx.services.db, ctx.auth.userId)),
  blocked: friendsProcedure.query(({ ctx }) => blockedUsers(ctx.services.db, ctx.auth.userId)),
  presence: friendsProcedure.query(({ ctx }) => ctx.services.presence.friendsPresence(ctx.auth.userId)),
  search: friendsProcedure.input(userSearchInput).query(({ ctx, input }) => searchUsers(ctx.services.db, ctx.auth.userId, input.query)),
  send: friendsProcedure.input(userIdInput).mutation(({ ctx, input }) => sendFriendRequest(servicesOf(ctx), ctx.auth.userId, input.userId)),
  accept: friendsProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => acceptFriendRequest(servicesOf(ctx), ctx.auth.userId, input.userId)),
  reject: friendsProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => rejectFriendRequest(servicesOf(ctx), ctx.auth.userId, input.userId)),
  cancel: friendsProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => cancelFriendRequest(servicesOf(ctx), ctx.auth.userId, input.userId)),
  remove: friendsProcedure.input(userIdInput).mutation(({ ctx, input }) => removeFriend(servicesOf(ctx), ctx.auth.userId, input.userId)),
  block: friendsProcedure.input(userIdInput).mutation(({ ctx, input }) => blockUser(servicesOf(ctx), ctx.auth.userId, input.userId)),
  unblock: friendsProcedure.input(userIdInput).mutation(({ ctx, input }) => unblockUser(servicesOf(ctx), ctx.auth.userId, input.userId)),
});
