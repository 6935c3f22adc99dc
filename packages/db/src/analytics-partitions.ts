import { sql } from 'drizzle-orm';
import type { Database } from './client';

/**
 * Makes sure analytics_events has the monthly partition for the UTC month containing `day` (moving that
 * month's rows out of the DEFAULT partition) and returns the partition's name. Idempotent; the monthly
 * job calls it for the coming months. The SQL function lives in drizzle/0001_analytics_partitions.sql.
 */
export async function ensureAnalyticsPartition(db: Database, day: Date): Promise<string> {
  const date = day.toISOString().slice(0, 10);
  const result = await db.execute<{ name: string }>(
    sql`SELECT ensure_analytics_partition(${date}::date) AS name`,
  );
  const name = result.rows[0]?.name;
  if (!name) throw new Error(`ensure_analytics_partition returned nothing for ${date}`);
  return name;
}
