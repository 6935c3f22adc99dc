import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';

/** First day (UTC) of the month `offset` months from `now`. */
export function monthStart(now: Date, offset = 0): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * analytics_events is partitioned by month; rows of a month without its partition fall into the
 * DEFAULT partition. Creating this month's and the next `ahead` months' partitions ahead of time keeps
 * inserts and funnel queries on small per-month tables. Idempotent.
 */
export async function ensureAnalyticsPartitions(db: Database, now: Date, ahead = 2): Promise<string[]> {
  const created: string[] = [];
  for (let offset = 0; offset <= ahead; offset += 1) {
    const result = await db.execute<{ name: string }>(
      sql`select ensure_analytics_partition(${monthStart(now, offset)}::date) as name`,
    );
    const name = result.rows[0]?.name;
    if (name) created.push(name);
  }
  return created;
}
