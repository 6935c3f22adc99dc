// Makes an existing account an admin: `pnpm admin:grant <email|username>` (or
// `pnpm --filter @wt/api admin:grant ...`). Uses DATABASE_URL when set, else the embedded PostgreSQL
// the API uses: the running API's server when it is up, otherwise one started for this command.
import type { DbHandle } from '@wt/db';
import { EnvError, loadEnv, type Env } from '../env';
import { createLogger } from '../logger';
import { connectWithRetry, migrate, openDatabase, type OpenDatabase } from '../infra/database';
import { grantAdmin, type GrantAdminOutcome } from '../modules/account/admin';

const USAGE = 'Usage: pnpm admin:grant <email or username>';

function exit(message: string, code: number): never {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exit(code);
}

/** The embedded server of a running API (the credentials and database embedded.ts gives it). */
async function connectToRunningEmbedded(
  env: Env,
  log: ReturnType<typeof createLogger>,
): Promise<DbHandle | null> {
  const url = `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/watchtogether`;
  return connectWithRetry(url, { timeoutMs: 200, log, max: 2 }).catch(() => null);
}

async function main(): Promise<void> {
  const login = process.argv.slice(2).find((arg) => arg !== '--');
  if (!login) exit(USAGE, 1);
  let env: Env;
  try {
    env = loadEnv();
  } catch (err) {
    exit(err instanceof EnvError ? err.message : String(err), 1);
  }
  const log = createLogger({ ...env, LOG_LEVEL: 'warn' });

  let database: OpenDatabase | null = null;
  let handle = env.DATABASE_URL ? null : await connectToRunningEmbedded(env, log);
  let result: { message: string; code: number };
  try {
    if (!handle) {
      database = await openDatabase(env, log);
      handle = await connectWithRetry(database.url, { timeoutMs: env.DB_CONNECT_TIMEOUT_MS, log, max: 2 });
    }
    // A database the API never started has no tables yet.
    await migrate(handle, log);
    result = describe(await grantAdmin(handle.db, login, { byUsername: true }), login);
  } finally {
    await handle?.close();
    await database?.stopServer();
  }
  exit(result.message, result.code);
}

function describe(outcome: GrantAdminOutcome, login: string): { message: string; code: number } {
  if (outcome.status === 'not-found') {
    return {
      message: `No account has the email or username "${login}". Sign up first, then run this again.`,
      code: 1,
    };
  }
  const who = `${outcome.username} (${outcome.email})`;
  if (outcome.status === 'already-admin') return { message: `${who} is already an admin.`, code: 0 };
  return {
    message: `${who} is now an admin (the role applies at once).`,
    code: 0,
  };
}

main().catch((err: unknown) =>
  exit(`admin:grant failed: ${err instanceof Error ? err.message : String(err)}`, 1),
);
