import { TRPCError } from '@trpc/server';
import type { Database } from '@wt/db';
import { createRoomInput, inviteInfoInput, lobbyInput, roomGetInput, roomIdInput, type RoomErrorCode } from '@wt/schemas';
import { protectedProcedure, router } from '../../trpc/trpc';
import { isRoomError } from './errors';
import { announce as announceGuildChange } from '../guilds/service';
import { createRoom, invitableFriends, inviteInfo, lobby, reopenRoom, roomPage } from './service';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

const TRPC_CODES: Partial<Record<RoomErrorCode, TrpcCode>> = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  ROOM_NOT_FOUND: 'NOT_FOUND',
  INVITE_INVALID: 'NOT_FOUND',
  ROOM_FULL: 'CONFLICT',
  ROOM_INACTIVE: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** Room refusals become tRPC errors with the sentence as message and the code in `data.roomCode`. */
const roomProcedure = protectedProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && isRoomError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code] ?? 'FORBIDDEN', message: cause.message, cause });
  }
  return result;
});

const depsOf = (ctx: { services: { db: Database; now: () => Date } }) => ({
  db: ctx.services.db,
  now: ctx.services.now,
});

export const roomsRouter = router({
  create: roomProcedure.input(createRoomInput).mutation(async ({ ctx, input }) => {
    const room = await createRoom(depsOf(ctx), ctx.auth.userId, input);
    // A new guild room shows on the guild's open pages at once.
    if (room.guild) announceGuildChange(ctx.services, room.guild.id);
    return room;
  }),
  lobby: roomProcedure.input(lobbyInput).query(({ ctx, input }) => lobby(depsOf(ctx), ctx.auth.userId, input)),
  get: roomProcedure
    .input(roomGetInput)
    .query(({ ctx, input }) => roomPage(depsOf(ctx), ctx.auth.userId, input.roomId, input.inviteCode)),
  inviteInfo: roomProcedure.input(inviteInfoInput).query(({ ctx, input }) => inviteInfo(depsOf(ctx), input.code)),
  reopen: roomProcedure.input(roomIdInput).mutation(({ ctx, input }) => reopenRoom(depsOf(ctx), ctx.auth.userId, input.roomId)),
  invitableFriends: roomProcedure
    .input(roomIdInput)
    .query(({ ctx, input }) => invitableFriends(depsOf(ctx), ctx.auth.userId, input.roomId)),
});
