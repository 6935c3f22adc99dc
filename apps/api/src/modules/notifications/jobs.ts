import { sql } from 'drizzle-orm';
import { NOTIFICATION_TYPES } from '@wt/schemas';
import { z } from 'zod';
import { defineJob } from '../../infra/queue';
import { MailDeliveryError } from '../../infra/mail';
import { notificationMessage } from '../../infra/mail/templates';
import { PushDeliveryError } from '../../infra/push';
import type { JobDeps } from '../../jobs';
import { describeNotification } from './describe';

/** One notification to one browser (push_subscriptions row). */
export const NOTIFICATION_PUSH_JOB = 'notifications.push';
/** One notification by email, to a verified address only. */
export const NOTIFICATION_EMAIL_JOB = 'notifications.email';

const deliverySchema = z.object({
  userId: z.string().uuid(),
  type: z.enum(NOTIFICATION_TYPES),
  payload: z.record(z.string(), z.unknown()),
  notificationId: z.string().uuid().nullable(),
});

export function notificationJobs(deps: JobDeps) {
  const webBase = (deps.env.PUBLIC_WEB_URL ?? deps.env.WEB_ORIGIN).replace(/\/+$/, '');
  return [
    defineJob({
      name: NOTIFICATION_PUSH_JOB,
      schema: deliverySchema.extend({ subscriptionId: z.string().uuid() }),
      // A push service that is down or rate limiting usually recovers within minutes; after that the
      // notification is stale and the bell still has it.
      retry: { attempts: 4, backoff: { type: 'exponential', delayMs: 15_000 } },
      concurrency: 10,
      timeoutMs: 30_000,
      async process(data, ctx) {
        const { rows } = await deps.db.execute<{ endpoint: string; p256dh: string; auth: string }>(sql`
          SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE id = ${data.subscriptionId} AND user_id = ${data.userId}`);
        const subscription = rows[0];
        if (!subscription) return; // unsubscribed (or moved to another account) since
        const text = describeNotification(data.type, data.payload);
        try {
          const outcome = await deps.push.send(
            { kind: 'web', ...subscription },
            { ...text, tag: data.notificationId ?? data.type },
          );
          if (outcome === 'gone') {
            await deps.db.execute(sql`DELETE FROM push_subscriptions WHERE id = ${data.subscriptionId}`);
            ctx.log.info({ subscriptionId: data.subscriptionId }, 'push subscription expired; removed');
          }
        } catch (err) {
          if (err instanceof PushDeliveryError && !err.retryable) {
            ctx.log.warn({ err, subscriptionId: data.subscriptionId }, 'push refused; not retried');
            return;
          }
          throw err;
        }
      },
    }),
    defineJob({
      name: NOTIFICATION_EMAIL_JOB,
      schema: deliverySchema,
      retry: { attempts: 5, backoff: { type: 'exponential', delayMs: 30_000 } },
      concurrency: 5,
      timeoutMs: 60_000,
      async process(data, ctx) {
        const { rows } = await deps.db.execute<{ email: string; display_name: string | null }>(sql`
          SELECT email, display_name FROM users
          WHERE id = ${data.userId} AND email_verified AND deleted_at IS NULL AND deactivated_at IS NULL`);
        const person = rows[0];
        if (!person) {
          ctx.log.debug({ userId: data.userId }, 'no verified email; notification email skipped');
          return;
        }
        const text = describeNotification(data.type, data.payload);
        const message = notificationMessage({
          to: person.email,
          displayName: person.display_name,
          title: text.title,
          body: text.body,
          url: text.url ? `${webBase}${text.url}` : `${webBase}/`,
          settingsUrl: `${webBase}/settings#notifications`,
        });
        try {
          await deps.mailer.send(message);
        } catch (err) {
          if (err instanceof MailDeliveryError && !err.retryable) {
            ctx.log.warn({ err, userId: data.userId }, 'notification email refused; not retried');
            return;
          }
          throw err;
        }
      },
    }),
  ] as const;
}
