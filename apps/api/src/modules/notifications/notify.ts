import { sql } from 'drizzle-orm';
import type { AppNotification, NotificationType } from '@wt/schemas';
import type { AppServices } from '../../services';
import { channelsFor } from './channels';
import { NOTIFICATION_EMAIL_JOB, NOTIFICATION_PUSH_JOB } from './jobs';
import { toAppNotification, type NotificationRow } from './service';

/**
 * The one way any module tells a person something (issue 6). Reads the person's channel preferences
 * for the type (Settings > Notifications) and:
 * - in-app: stores the notification and emits the full `AppNotification` as `notification` on /global
 *   to `user:<id>` (every instance, through the adapter);
 * - push: one `notifications.push` job per browser the person subscribed;
 * - email: one `notifications.email` job (sent only to a verified address).
 * Push and email run as jobs with their own retries: they never slow or fail the caller, and a queue
 * outage is logged, not thrown.
 */
export type NotifyServices = Pick<AppServices, 'db' | 'io' | 'now' | 'log' | 'env' | 'mailer' | 'queue'>;

export interface NotifyInput {
  userId: string;
  type: NotificationType;
  payload: Record<string, unknown>;
}

/** Returns the in-app notification's id, or null when none was stored (in-app off, or no such account). */
export async function notify(services: NotifyServices, input: NotifyInput): Promise<{ id: string } | null> {
  const { rows: people } = await services.db.execute<{ settings: unknown }>(sql`
    SELECT settings FROM users WHERE id = ${input.userId} AND deleted_at IS NULL AND deactivated_at IS NULL`);
  if (people.length === 0) return null;
  const channels = channelsFor(people[0]!.settings, input.type);

  let stored: AppNotification | null = null;
  if (channels.inApp) {
    const now = services.now();
    const { rows } = await services.db.execute<NotificationRow>(sql`
      INSERT INTO notifications (user_id, type, payload, created_at, updated_at)
      VALUES (${input.userId}, ${input.type}, ${JSON.stringify(input.payload)}::jsonb, ${now}, ${now})
      RETURNING id, type, payload, read_at, created_at`);
    stored = toAppNotification(rows[0]!);
    services.io.of('/global').to(`user:${input.userId}`).emit('notification', stored);
  }

  const job = { userId: input.userId, type: input.type, payload: input.payload, notificationId: stored?.id ?? null };
  if (channels.push) {
    const { rows: subscriptions } = await services.db.execute<{ id: string }>(
      sql`SELECT id FROM push_subscriptions WHERE user_id = ${input.userId}`,
    );
    for (const subscription of subscriptions) {
      await enqueueLogged(services, NOTIFICATION_PUSH_JOB, { ...job, subscriptionId: subscription.id });
    }
  }
  if (channels.email) await enqueueLogged(services, NOTIFICATION_EMAIL_JOB, job);
  return stored ? { id: stored.id } : null;
}

async function enqueueLogged(services: NotifyServices, name: string, data: Record<string, unknown>): Promise<void> {
  try {
    await services.queue.enqueue(name, data);
  } catch (err) {
    services.log.error({ err, job: name, userId: data.userId, type: data.type }, 'notification delivery could not be queued');
  }
}
