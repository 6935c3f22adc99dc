import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '@wt/db';

/** The database or a transaction: anything with a drizzle session. */
export type PreparedQueryable = Pick<Database, '_'>;

// Turns a `sql` template into text and parameters; it holds no state, so one serves every call.
const dialect = new PgDialect();

/**
 * Runs `query` as a named prepared statement: PostgreSQL parses and plans it once per connection rather
 * than on every call. For statements on a hot path (chat), where planning cost more PostgreSQL CPU than
 * running them. The text must be the same on every call (values go in as parameters, never spliced in)
 * and `name` must belong to that one text: pg refuses a known name with a different text.
 */
export async function executePrepared<T>(
  db: PreparedQueryable,
  name: string,
  query: SQL,
): Promise<{ rows: T[] }> {
  const prepared = db._.session.prepareQuery<{ execute: { rows: T[] }; all: unknown; values: unknown }>(
    dialect.sqlToQuery(query),
    undefined,
    name,
    false,
  );
  return prepared.execute();
}
