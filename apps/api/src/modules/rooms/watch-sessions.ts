import { sql } from 'drizzle-orm';
import type { Queryable } from './views';

/**
 * Watch time measured by the server (issue 4, item 7): a `watch_sessions` row is open while a member is
 * present and connected in a room that is playing, and closes on pause, leave, disconnect or content
 * change with `duration_secs`. The only source of watch time for XP, stats and leaderboards: a client
 * never reports it. At most one open row per person and room (a partial unique index).
 */

export async function startWatchSession(db: Queryable, userId: string, roomId: string, now: Date): Promise<void> {
  await db.execute(sql`
    INSERT INTO watch_sessions (user_id, room_id, started_at, created_at, updated_at)
    SELECT ${userId}, ${roomId}, ${now}, ${now}, ${now}
    WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ${roomId} AND is_playing AND is_active)
    ON CONFLICT (user_id, room_id) WHERE ended_at IS NULL DO NOTHING`);
}

/** Closes the open session of one member (or of everyone in the room with `userId` null). */
export async function endWatchSessions(db: Queryable, roomId: string, userId: string | null, now: Date): Promise<number> {
  const who = userId ? sql`AND user_id = ${userId}` : sql``;
  const { rowCount } = await db.execute(sql`
    UPDATE watch_sessions
    SET ended_at = GREATEST(started_at, ${now}::timestamptz),
        duration_secs = GREATEST(0, floor(extract(epoch FROM (${now}::timestamptz - started_at))))::int,
        updated_at = ${now}
    WHERE room_id = ${roomId} ${who} AND ended_at IS NULL`);
  return rowCount ?? 0;
}

/**
 * The room starts or stops playing (the Playback sync issue calls this on play/pause): sessions open
 * for the given connected members, or close for everyone.
 */
export async function setRoomPlaying(
  db: Queryable,
  roomId: string,
  playing: boolean,
  connectedUserIds: string[],
  now: Date,
): Promise<void> {
  await db.execute(sql`UPDATE rooms SET is_playing = ${playing}, updated_at = ${now} WHERE id = ${roomId}`);
  if (!playing) {
    await endWatchSessions(db, roomId, null, now);
    return;
  }
  for (const userId of connectedUserIds) await startWatchSession(db, userId, roomId, now);
}
