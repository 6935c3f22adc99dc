import { sql } from 'drizzle-orm';
import type { NotificationType } from '@wt/schemas';
import type { AppServices } from '../../services';

/**
 * The one way any module tells a person something (issue 6): stores the in-app notification and delivers
 * it live on /global (`notification` to `user:<id>`, every instance through the adapter).
 *
 * First version: in-app only. The notifications module extends it with the person's per-type channel
 * preferences (in-app / push / email), Web Push and email, keeping this signature.
 */
export type NotifyServices = Pick<AppServices, 'db' | 'io' | 'now' | 'log' | 'env' | 'mailer'>;

export interface NotifyInput {
  userId: string;
  type: NotificationType;
  payload: Record<string, unknown>;
}

export async function notify(services: NotifyServices, input: NotifyInput): Promise<{ id: string } | null> {
  const now = services.now();
  const { rows } = await services.db.execute<{ id: string }>(sql`
    INSERT INTO notifications (user_id, type, payload, created_at, updated_at)
    VALUES (${input.userId}, ${input.type}, ${JSON.stringify(input.payload)}::jsonb, ${now}, ${now}) RETURNING id`);
  const id = rows[0]!.id;
  services.io.of('/global').to(`user:${input.userId}`).emit('notification', { id, userId: input.userId, type: input.type, payload: input.payload });
  return { id };
}
