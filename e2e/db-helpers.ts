import pg from 'pg';

/**
 * Direct writes to the e2e API's database, for states the UI would take too long to reach (a user
 * just below a level). playwright.config.ts starts the API with an embedded PostgreSQL on this port;
 * the credentials and database are the defaults of packages/db/src/embedded.ts.
 */
const PG_PORT = process.env.E2E_EMBEDDED_PG_PORT ?? '54339';
const DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/watchtogether`;

/** Sets a user's XP total as it stands (their level is left as it is; the next award recomputes it). */
export async function setUserXp(username: string, xp: number): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query('UPDATE users SET xp = $1 WHERE username = $2', [xp, username]);
    if (rowCount !== 1) throw new Error(`no user ${username} in the e2e database`);
  } finally {
    await client.end();
  }
}
