import { TRPCError } from '@trpc/server';
import {
  createGuildInput,
  guildDirectoryInput,
  guildDisbandInput,
  guildEventIdInput,
  guildEventInput,
  guildIdInput,
  guildJoinRequestInput,
  guildMemberInput,
  guildRoomInput,
  guildSetRoleInput,
  updateGuildInput,
  type GuildErrorCode,
} from '@wt/schemas';
import { protectedProcedure, router } from '../../trpc/trpc';
import type { TrpcContext } from '../../trpc/context';
import { isGuildError } from './errors';
import * as guilds from './service';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

const TRPC_CODES: Partial<Record<GuildErrorCode, TrpcCode>> = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  CONFIRMATION_MISMATCH: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  GUILD_NOT_FOUND: 'NOT_FOUND',
  EVENT_NOT_FOUND: 'NOT_FOUND',
  ROOM_NOT_FOUND: 'NOT_FOUND',
  NO_REQUEST: 'NOT_FOUND',
  NAME_TAKEN: 'CONFLICT',
  ALREADY_IN_GUILD: 'CONFLICT',
  GUILD_FULL: 'CONFLICT',
  REQUEST_PENDING: 'CONFLICT',
  ALREADY_INVITED: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** Guild refusals become tRPC errors with the sentence as message and the code in `data.guildCode`. */
const guildProcedure = protectedProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && isGuildError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code] ?? 'FORBIDDEN', message: cause.message, cause });
  }
  return result;
});

const servicesOf = (ctx: { services: TrpcContext['services'] }): guilds.GuildServices => ctx.services;

/** guilds.*: every permission is checked in the service, under the guild's row lock. */
export const guildsRouter = router({
  directory: guildProcedure.input(guildDirectoryInput).query(({ ctx, input }) => guilds.directory(servicesOf(ctx), input)),
  mine: guildProcedure.query(({ ctx }) => guilds.myGuild(servicesOf(ctx), ctx.auth.userId)),
  get: guildProcedure.input(guildIdInput).query(({ ctx, input }) => guilds.getGuild(servicesOf(ctx), ctx.auth.userId, input.guildId)),
  create: guildProcedure.input(createGuildInput).mutation(({ ctx, input }) => guilds.createGuild(servicesOf(ctx), ctx.auth.userId, input)),
  update: guildProcedure.input(updateGuildInput).mutation(({ ctx, input }) => guilds.updateGuild(servicesOf(ctx), ctx.auth.userId, input)),
  join: guildProcedure.input(guildIdInput).mutation(({ ctx, input }) => guilds.joinGuild(servicesOf(ctx), ctx.auth.userId, input.guildId)),
  requestJoin: guildProcedure
    .input(guildJoinRequestInput)
    .mutation(({ ctx, input }) => guilds.requestToJoin(servicesOf(ctx), ctx.auth.userId, input.guildId, input.message)),
  cancelRequest: guildProcedure
    .input(guildIdInput)
    .mutation(({ ctx, input }) => guilds.cancelRequest(servicesOf(ctx), ctx.auth.userId, input.guildId)),
  acceptInvite: guildProcedure
    .input(guildIdInput)
    .mutation(({ ctx, input }) => guilds.acceptInvite(servicesOf(ctx), ctx.auth.userId, input.guildId)),
  declineInvite: guildProcedure
    .input(guildIdInput)
    .mutation(({ ctx, input }) => guilds.declineInvite(servicesOf(ctx), ctx.auth.userId, input.guildId)),
  invite: guildProcedure
    .input(guildMemberInput)
    .mutation(({ ctx, input }) => guilds.inviteToGuild(servicesOf(ctx), ctx.auth.userId, input.guildId, input.userId)),
  revokeInvite: guildProcedure
    .input(guildMemberInput)
    .mutation(({ ctx, input }) => guilds.revokeInvite(servicesOf(ctx), ctx.auth.userId, input.guildId, input.userId)),
  approveRequest: guildProcedure
    .input(guildMemberInput)
    .mutation(({ ctx, input }) => guilds.approveRequest(servicesOf(ctx), ctx.auth.userId, input.guildId, input.userId)),
  declineRequest: guildProcedure
    .input(guildMemberInput)
    .mutation(({ ctx, input }) => guilds.declineRequest(servicesOf(ctx), ctx.auth.userId, input.guildId, input.userId)),
  kick: guildProcedure
    .input(guildMemberInput)
    .mutation(({ ctx, input }) => guilds.kickMember(servicesOf(ctx), ctx.auth.userId, input.guildId, input.userId)),
  setRole: guildProcedure
    .input(guildSetRoleInput)
    .mutation(({ ctx, input }) => guilds.setMemberRole(servicesOf(ctx), ctx.auth.userId, input.guildId, input.userId, input.role)),
  transfer: guildProcedure
    .input(guildMemberInput)
    .mutation(({ ctx, input }) => guilds.transferLeadership(servicesOf(ctx), ctx.auth.userId, input.guildId, input.userId)),
  leave: guildProcedure.input(guildIdInput).mutation(({ ctx, input }) => guilds.leaveGuild(servicesOf(ctx), ctx.auth.userId, input.guildId)),
  disband: guildProcedure
    .input(guildDisbandInput)
    .mutation(({ ctx, input }) => guilds.disbandGuild(servicesOf(ctx), ctx.auth.userId, input.guildId, input.confirmName)),
  createEvent: guildProcedure.input(guildEventInput).mutation(({ ctx, input }) => guilds.createEvent(servicesOf(ctx), ctx.auth.userId, input)),
  deleteEvent: guildProcedure
    .input(guildEventIdInput)
    .mutation(({ ctx, input }) => guilds.deleteEvent(servicesOf(ctx), ctx.auth.userId, input.eventId)),
  unlinkRoom: guildProcedure
    .input(guildRoomInput)
    .mutation(({ ctx, input }) => guilds.unlinkRoom(servicesOf(ctx), ctx.auth.userId, input.guildId, input.roomId)),
});
