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

/**
 * Watch time for guild members, as the rooms would have recorded it: each joined their guild an hour
 * ago and watched for the last 50 minutes (a closed `watch_sessions` row). The API's minutely accrual
 * job turns it into board entries, the guild's included.
 */
export async function giveGuildWatchTime(usernames: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM users WHERE username = ANY($1)', [usernames]);
    if (rows.length !== usernames.length) throw new Error(`not every one of ${usernames.join(', ')} is in the e2e database`);
    const ids = rows.map((r) => r.id);
    const joined = await client.query(
      `UPDATE guild_members SET joined_at = now() - interval '1 hour' WHERE user_id = ANY($1)`,
      [ids],
    );
    if (joined.rowCount !== ids.length) throw new Error('every one of them must be in a guild first');
    await client.query(
      `UPDATE guild_memberships SET joined_at = now() - interval '1 hour' WHERE user_id = ANY($1) AND left_at IS NULL`,
      [ids],
    );
    await client.query(
      `INSERT INTO watch_sessions (user_id, started_at, ended_at, duration_secs)
       SELECT id, now() - interval '50 minutes', now(), 3000 FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
  } finally {
    await client.end();
  }
}
