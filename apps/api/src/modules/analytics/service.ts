import { ensureAnalyticsPartition, type Database } from '@wt/db';

/** First instant (UTC) of the month `offset` months from `now`. */
export function monthStart(now: Date, offset = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}

/**
 * analytics_events is partitioned by month; rows of a month without its partition fall into the
 * DEFAULT partition. Creating this month's and the next `ahead` months' partitions ahead of time keeps
 * inserts and funnel queries on small per-month tables. Idempotent.
 */
export async function ensureAnalyticsPartitions(db: Database, now: Date, ahead = 2): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; offset <= ahead; offset += 1) {
    names.push(await ensureAnalyticsPartition(db, monthStart(now, offset)));
  }
  return names;
}
