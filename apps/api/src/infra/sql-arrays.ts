import { sql } from 'drizzle-orm';

/**
 * Array parameters as one bound value (a PostgreSQL array literal), so `= ANY(...)` and `unnest(...)`
 * take any number of ids in one statement with one placeholder.
 */

/** A uuid[] parameter (ids are uuids: nothing to quote). */
export function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** A text[] parameter, each element quoted and escaped. */
export function textArray(values: readonly string[]) {
  const literal = `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}
