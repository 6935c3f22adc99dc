import path from 'node:path';
import { createDb, type DbHandle } from '../client';
import { startEmbeddedPostgres } from '../embedded';
import { env, repoRoot } from './env';

/**
 * Opens the database the app uses: DATABASE_URL when set, else the embedded PostgreSQL under
 * <repo>/.data/postgres (database `watchtogether`), started for the duration of the command.
 */
export async function connectForCli(log: (line: string) => void): Promise<DbHandle & { describe: string }> {
  if (env.DATABASE_URL) {
    const handle = createDb(env.DATABASE_URL, { max: 2 });
    return { ...handle, describe: 'DATABASE_URL' };
  }
  const dataDir = path.join(repoRoot, '.data', 'postgres');
  log(`Starting the embedded PostgreSQL (${dataDir}, port ${env.EMBEDDED_PG_PORT})...`);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: env.EMBEDDED_PG_PORT,
    database: 'watchtogether',
  });
  const handle = createDb(server.url, { max: 2 });
  return {
    ...handle,
    describe: `embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT}`,
    async close() {
      try {
        await handle.close();
      } finally {
        await server.stop();
      }
    },
  };
}
