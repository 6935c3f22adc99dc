import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { AppNotification, NotificationPage, notificationListInput, pushSubscriptionInput } from '@wt/schemas';
import type { z } from 'zod';
import { describeNotification } from './describe';

/**
 * The bell's side of notifications (issue 6): the signed-in person's feed, unread count, marking read,
 * and the browsers they allowed Web Push in. Every query is scoped to `userId`, so nobody reads or
 * marks another person's notifications.
 */

export type NotificationRow = {
  id: string;
  type: string;
  payload: Record<string, unknown> | null;
  read_at: Date | string | null;
  created_at: Date | string;
};

const iso = (value: Date | string): string => new Date(value).toISOString();

export function toAppNotification(row: NotificationRow): AppNotification {
  const payload = row.payload ?? {};
  return {
    id: row.id,
    type: row.type,
    ...describeNotification(row.type, payload),
    payload,
    readAt: row.read_at ? iso(row.read_at) : null,
    createdAt: iso(row.created_at),
  };
}

/** Cursor: `<createdAt ISO>_<id>` of the last item shown, so equal timestamps never skip a row. */
function parseCursor(cursor: string | null | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null;
  const [createdAt, id] = cursor.split('_');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { createdAt, id };
}

export async function listNotifications(
  db: Database,
  userId: string,
  input: z.output<typeof notificationListInput>,
): Promise<NotificationPage> {
  const after = parseCursor(input.cursor);
  const { rows } = await db.execute<NotificationRow>(sql`
    SELECT id, type, payload, read_at, created_at FROM notifications
    WHERE user_id = ${userId}
      ${after ? sql`AND (created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}
    ORDER BY created_at DESC, id DESC
    LIMIT ${input.limit + 1}`);
  const items = rows.slice(0, input.limit).map(toAppNotification);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? `${last.createdAt}_${last.id}` : null };
}

export async function unreadCount(db: Database, userId: string): Promise<{ count: number }> {
  const { rows } = await db.execute<{ count: number }>(
    sql`SELECT count(*)::int AS count FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
  );
  return { count: rows[0]?.count ?? 0 };
}

/** Marks the given notifications read; ids of other people's notifications are ignored, not revealed. */
export async function markRead(db: Database, userId: string, ids: string[], now: Date): Promise<{ updated: number }> {
  const { rows } = await db.execute<{ id: string }>(sql`
    UPDATE notifications SET read_at = ${now}, updated_at = ${now}
    WHERE user_id = ${userId} AND read_at IS NULL
      AND id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
    RETURNING id`);
  return { updated: rows.length };
}

export async function markAllRead(db: Database, userId: string, now: Date): Promise<{ updated: number }> {
  const { rows } = await db.execute<{ id: string }>(sql`
    UPDATE notifications SET read_at = ${now}, updated_at = ${now}
    WHERE user_id = ${userId} AND read_at IS NULL RETURNING id`);
  return { updated: rows.length };
}

/**
 * Stores this browser's push subscription for the person. The endpoint is unique: a browser that was
 * subscribed under another account now belongs to the one signed in (a shared computer).
 */
export async function subscribePush(
  db: Database,
  userId: string,
  input: z.output<typeof pushSubscriptionInput>,
  userAgent: string | null,
  now: Date,
): Promise<{ ok: true }> {
  await db.execute(sql`
    INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent, created_at, updated_at)
    VALUES (${userId}, ${input.endpoint}, ${input.keys.p256dh}, ${input.keys.auth}, ${userAgent?.slice(0, 500) ?? null}, ${now}, ${now})
    ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
      user_agent = EXCLUDED.user_agent, updated_at = EXCLUDED.updated_at`);
  return { ok: true };
}

/** Forgets this browser's subscription, only if it is the caller's. */
export async function unsubscribePush(db: Database, userId: string, endpoint: string): Promise<{ removed: boolean }> {
  const { rows } = await db.execute<{ id: string }>(
    sql`DELETE FROM push_subscriptions WHERE user_id = ${userId} AND endpoint = ${endpoint} RETURNING id`,
  );
  return { removed: rows.length > 0 };
}
