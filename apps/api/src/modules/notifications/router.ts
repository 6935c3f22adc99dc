import { TRPCError } from '@trpc/server';
import { markNotificationsReadInput, notificationListInput, pushSubscriptionInput, unsubscribePushInput } from '@wt/schemas';
import { protectedProcedure, publicProcedure, router } from '../../trpc/trpc';
import {
  listNotifications,
  markAllRead,
  markRead,
  subscribePush,
  unreadCount,
  unsubscribePush,
} from './service';

export const notificationsRouter = router({
  /** The signed-in person's notifications, newest first, a page at a time. */
  list: protectedProcedure
    .input(notificationListInput)
    .query(({ ctx, input }) => listNotifications(ctx.services.db, ctx.auth.userId, input)),
  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.services.db, ctx.auth.userId)),
  /** Only the caller's own notifications change; other ids are ignored. */
  markRead: protectedProcedure
    .input(markNotificationsReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.services.db, ctx.auth.userId, input.ids, ctx.services.now())),
  markAllRead: protectedProcedure.mutation(({ ctx }) => markAllRead(ctx.services.db, ctx.auth.userId, ctx.services.now())),
  /** The VAPID public key a browser subscribes with (also GET /api/notifications/vapid-public-key). */
  vapidPublicKey: publicProcedure.query(({ ctx }) => ({ publicKey: ctx.services.push.webPublicKey })),
  subscribePush: protectedProcedure.input(pushSubscriptionInput).mutation(({ ctx, input }) => {
    // The server POSTs to this address: in production only to real (https) push services.
    if (ctx.services.env.NODE_ENV === 'production' && !input.endpoint.startsWith('https://')) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Push subscriptions must use an https:// endpoint.' });
    }
    const userAgent = ctx.req?.headers['user-agent'] ?? null;
    return subscribePush(ctx.services.db, ctx.auth.userId, input, userAgent, ctx.services.now());
  }),
  unsubscribePush: protectedProcedure
    .input(unsubscribePushInput)
    .mutation(({ ctx, input }) => unsubscribePush(ctx.services.db, ctx.auth.userId, input.endpoint)),
});
