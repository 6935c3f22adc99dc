import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Database } from './client';
import { runMigrations } from './migrate';

export interface TestDatabase {
  /** Connection string of the fresh database. */
  url: string;
  db: Database;
  pool: pg.Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function serverUrl(): string {
  // The root test runner points DATABASE_URL at a PostgreSQL server (embedded or the machine's).
  // eslint-disable-next-line no-restricted-properties
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'createTestDatabase needs DATABASE_URL pointing at a PostgreSQL server whose user may CREATE DATABASE ' +
        '(run the tests through `pnpm test` at the repo root, or set DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres).',
    );
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named database (wt_t_<random>) on the DATABASE_URL server and applies every
 * migration, so each test file works on a real, isolated, fully migrated database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  const name = `wt_t_${randomBytes(6).toString('hex')}`;
  await onServer(server, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(server, name);
  const handle = createDb(url, { max: 5 });
  try {
    await runMigrations(handle.db);
  } catch (err) {
    await handle.close();
    await onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw err;
  }
  let dropped = false;
  return {
    url,
    db: handle.db,
    pool: handle.pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await handle.close();
      await onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
