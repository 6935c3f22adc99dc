import { uuidArray } from '../../infra/sql-arrays';
import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { SeriesCard, featureSeriesInput } from '@wt/schemas';
import type { z } from 'zod';
import { shortsErrors } from './errors';
import { loadSeriesCards } from './viewing';

/**
 * Home-page curation (issue 9 point 7): admins choose which published series are featured and in what
 * order (`featured_slots`, one open slot per series).
 */

export interface CurationDeps {
  db: Database;
  now: () => Date;
}

export interface FeaturedSlot {
  seriesId: string;
  position: number;
  series: SeriesCard;
}

export async function featuredSlots(deps: CurationDeps): Promise<FeaturedSlot[]> {
  const now = deps.now();
  const { rows } = await deps.db.execute<{ series_id: string; position: number }>(sql`
    SELECT series_id, position FROM featured_slots
    WHERE starts_at <= ${now} AND (ends_at IS NULL OR ends_at > ${now}) ORDER BY position, created_at`);
  const cards = await loadSeriesCards(deps.db, sql`r.id = ANY(${uuidArray(rows.map((r) => r.series_id))})`, 100);
  return rows.flatMap((r) => {
    const series = cards.find((c) => c.id === r.series_id);
    return series ? [{ seriesId: r.series_id, position: r.position, series }] : [];
  });
}

/** Features a published series at a position (moving it if it already is). */
export async function featureSeries(deps: CurationDeps, adminId: string, input: z.output<typeof featureSeriesInput>): Promise<FeaturedSlot[]> {
  const now = deps.now();
  const { rows } = await deps.db.execute(sql`SELECT 1 FROM series WHERE id = ${input.seriesId} AND status = 'published'`);
  if (rows.length === 0) throw shortsErrors.validation('Only a published series can be featured.');
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`
      UPDATE featured_slots SET ends_at = ${now}, updated_at = ${now}
      WHERE series_id = ${input.seriesId} AND (ends_at IS NULL OR ends_at > ${now}) AND starts_at < ${now}`);
    await tx.execute(sql`DELETE FROM featured_slots WHERE series_id = ${input.seriesId} AND starts_at >= ${now}`);
    await tx.execute(sql`
      INSERT INTO featured_slots (position, series_id, starts_at, created_by, created_at, updated_at)
      VALUES (${input.position}, ${input.seriesId}, ${now}, ${adminId}, ${now}, ${now})`);
  });
  return featuredSlots(deps);
}

export async function unfeatureSeries(deps: CurationDeps, seriesId: string): Promise<FeaturedSlot[]> {
  const now = deps.now();
  await deps.db.execute(sql`
    UPDATE featured_slots SET ends_at = GREATEST(${now}::timestamptz, starts_at + interval '1 millisecond'), updated_at = ${now}
    WHERE series_id = ${seriesId} AND (ends_at IS NULL OR ends_at > ${now})`);
  return featuredSlots(deps);
}
