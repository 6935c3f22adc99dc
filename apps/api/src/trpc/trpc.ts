import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { TrpcContext } from './context';
// Straight from errors.ts: the auth module's index imports this file (procedures), so no cycle.
import { AuthError, AUTH_MESSAGES } from '../modules/auth/errors';
import { RoomError } from '../modules/rooms/errors';
import { FriendError } from '../modules/friends/errors';
import { GuildError } from '../modules/guilds/errors';
import { ShortsError } from '../modules/shorts/errors';

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Never leak a stack trace to a client.
    const { stack: _stack, ...data } = shape.data;
    // The auth code (TOKEN_EXPIRED, SESSION_REVOKED...) tells a client whether refreshing can help.
    const authCode = error.cause instanceof AuthError ? error.cause.code : undefined;
    // Room refusals (ROOM_FULL, BANNED...) carry their stable code for clients.
    const roomCode = error.cause instanceof RoomError ? error.cause.code : undefined;
    // Friends refusals (ALREADY_FRIENDS, BLOCKED...) likewise.
    const friendCode = error.cause instanceof FriendError ? error.cause.code : undefined;
    // Guild refusals (GUILD_FULL, LEADER_MUST_TRANSFER...) likewise.
    const guildCode = error.cause instanceof GuildError ? error.cause.code : undefined;
    // Shorts refusals (NOT_CREATOR, LOCKED...) likewise.
    const shortsCode = error.cause instanceof ShortsError ? error.cause.code : undefined;
    return {
      ...shape,
      data: {
        ...data,
        ...(authCode ? { authCode } : {}),
        ...(roomCode ? { roomCode } : {}),
        ...(friendCode ? { friendCode } : {}),
        ...(guildCode ? { guildCode } : {}),
        ...(shortsCode ? { shortsCode } : {}),
      },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

/** A procedure for signed-in users: `ctx.auth` is set, else UNAUTHORIZED with the auth code as cause. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.auth) {
    const cause = ctx.authError ?? new AuthError('UNAUTHENTICATED', 401, AUTH_MESSAGES.unauthenticated);
    throw new TRPCError({ code: 'UNAUTHORIZED', message: cause.message, cause });
  }
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

/** A procedure for admins (role read from the database on every request). */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.auth.role !== 'admin') {
    const cause = new AuthError('FORBIDDEN', 403, AUTH_MESSAGES.forbidden);
    throw new TRPCError({ code: 'FORBIDDEN', message: cause.message, cause });
  }
  return next();
});
