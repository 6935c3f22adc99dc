import { updateSettingsInput } from '@wt/schemas';
import { protectedProcedure, router } from '../../trpc/trpc';
import { getSettings, updateSettings } from './service';

export const settingsRouter = router({
  /** The signed-in person's settings, every part filled with its defaults. */
  get: protectedProcedure.query(({ ctx }) => getSettings(ctx.services.db, ctx.auth.userId)),
  /** Replaces the parts given (privacy, notifications, roomDefaults), keeps the others; returns the result. */
  update: protectedProcedure
    .input(updateSettingsInput)
    .mutation(async ({ ctx, input }) => {
      const settings = await updateSettings(ctx.services.db, ctx.auth.userId, input, ctx.services.now());
      // Who may see them online may have changed: friends hear the new view at once.
      if (input.privacy) await ctx.services.presence.announce(ctx.auth.userId, { force: true });
      return settings;
    }),
});
