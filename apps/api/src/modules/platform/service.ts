import { and, count, eq, sql } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import { activeUsersFilter } from '../account/active-users';

export interface PlatformStats {
  users: number;
  activeRooms: number;
  watchHours: number;
  series: number;
}

/** Live numbers for the landing page, straight from PostgreSQL. */
export async function platformStats(db: Database): Promise<PlatformStats> {
  const [users, rooms, watch, series] = await Promise.all([
    // Deactivated and deleted accounts are hidden everywhere, counts included.
    db.select({ n: count() }).from(schema.users).where(activeUsersFilter),
    db.select({ n: count() }).from(schema.rooms).where(eq(schema.rooms.isActive, true)),
    db
      .select({ secs: sql<string>`coalesce(sum(${schema.watchSessions.durationSecs}), 0)` })
      .from(schema.watchSessions),
    db
      .select({ n: count() })
      .from(schema.series)
      .where(and(eq(schema.series.status, 'published'))),
  ]);
  return {
    users: users[0]?.n ?? 0,
    activeRooms: rooms[0]?.n ?? 0,
    watchHours: Math.round(Number(watch[0]?.secs ?? 0) / 360) / 10,
    series: series[0]?.n ?? 0,
  };
}
