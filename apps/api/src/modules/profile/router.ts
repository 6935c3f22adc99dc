import { TRPCError } from '@trpc/server';
import type { Database } from '@wt/db';
import { profileFriendsInput, updateProfileInput, type ProfileErrorCode } from '@wt/schemas';
import { z } from 'zod';
import { protectedProcedure, publicProcedure, router } from '../../trpc/trpc';
import { isProfileError } from './errors';
import { getEditableProfile, getProfileFriends, getProfileRelation, getPublicProfile, updateProfile } from './service';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

const TRPC_CODES: Partial<Record<ProfileErrorCode, TrpcCode>> = {
  USER_NOT_FOUND: 'NOT_FOUND',
  USERNAME_TAKEN: 'CONFLICT',
  USERNAME_CHANGE_TOO_SOON: 'TOO_MANY_REQUESTS',
  UNAUTHENTICATED: 'UNAUTHORIZED',
};

/** Profile refusals become tRPC errors with the sentence as message (BAD_REQUEST unless listed). */
function rethrowProfileError<R extends { ok: true } | { ok: false; error: TRPCError }>(result: R): R {
  if (!result.ok && isProfileError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code] ?? 'BAD_REQUEST', message: cause.message, cause });
  }
  return result;
}

const publicProfileProcedure = publicProcedure.use(async ({ next }) => rethrowProfileError(await next()));
const ownProfileProcedure = protectedProcedure.use(async ({ next }) => rethrowProfileError(await next()));

const depsOf = (ctx: { services: { db: Database; now: () => Date } }) => ({
  db: ctx.services.db,
  now: ctx.services.now,
});

const usernameInput = z.object({ username: profileFriendsInput.shape.username });

export const profileRouter = router({
  /** The public profile as this viewer (signed in or not) may see it; GET /api/users/:username/profile. */
  get: publicProfileProcedure
    .input(usernameInput)
    .query(({ ctx, input }) => getPublicProfile(depsOf(ctx), input.username, ctx.auth?.userId ?? null)),
  /** Someone's friends, or null when their friend list is hidden from this viewer. */
  friends: publicProfileProcedure
    .input(profileFriendsInput)
    .query(({ ctx, input }) => getProfileFriends(depsOf(ctx), input.username, ctx.auth?.userId ?? null)),
  /** For the page's actions: the profile's user id and the viewer's friend state with them. */
  relation: ownProfileProcedure
    .input(usernameInput)
    .query(({ ctx, input }) => getProfileRelation(depsOf(ctx), input.username, ctx.auth.userId)),
  /** What Settings > Profile edits. */
  me: ownProfileProcedure.query(({ ctx }) => getEditableProfile(depsOf(ctx), ctx.auth.userId)),
  /** Same as POST /api/users/me/profile (which also answers a sentence per field). */
  update: ownProfileProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(depsOf(ctx), ctx.auth.userId, input)),
});
