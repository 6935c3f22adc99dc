import type { Logger } from 'pino';
import { seedDemoData, isDatabaseEmpty } from '@wt/db/seed';
import type { Env } from './env';
import { connectWithRetry, migrate, type OpenDatabase } from './infra/database';
import { promoteAdminEmail } from './modules/account/admin';
import { createPrivateStorage } from './infra/storage';
import { provideDemoMedia } from './modules/shorts/demo-media';

/**
 * Before serving: apply committed migrations (under an advisory lock, so many instances can start at
 * once), on the first start in embedded mode with an empty database fill in the demo platform, and
 * make ADMIN_EMAIL an admin when that account exists.
 */
export async function prepareDatabase({ env, log, database }: { env: Env; log: Logger; database: OpenDatabase }) {
  const handle = await connectWithRetry(database.url, { timeoutMs: env.DB_CONNECT_TIMEOUT_MS, log, max: 2 });
  try {
    await migrate(handle, log);
    if (database.mode === 'embedded' && env.DEMO_DATA && (await isDatabaseEmpty(handle.db))) {
      const started = Date.now();
      await seedDemoData(handle.db);
      log.info(`demo data seeded in ${Date.now() - started} ms (sign in as demo / watchtogether-demo; DEMO_DATA=false skips this)`);
    }
    // The demo's Shorts episodes play the generated clips that ship with the API.
    if (database.mode === 'embedded' && env.DEMO_DATA) {
      await provideDemoMedia({ db: handle.db, privateStorage: createPrivateStorage(env), log });
    }
    // The first admin (issue 3 item 9); the CLI `pnpm admin:grant` makes any other.
    await promoteAdminEmail(handle.db, env.ADMIN_EMAIL, log);
  } finally {
    await handle.close();
  }
}
