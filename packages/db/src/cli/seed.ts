import { runMigrations } from '../migrate';
import { DEMO_ACCOUNT, seedDemoData } from '../seed/index';
import { connectForCli } from './connect';

/** `pnpm db:seed`: migrates, then loads the demo platform once (a second run changes nothing). */
async function main() {
  const log = (line: string) => console.log(line);
  const handle = await connectForCli(log);
  try {
    await runMigrations(handle.db);
    const result = await seedDemoData(handle.db);
    if (!result.seeded) {
      log(`Demo data already present (${handle.describe}); nothing written.`);
      return;
    }
    const total = Object.values(result.counts).reduce((sum, n) => sum + (n ?? 0), 0);
    log(`Demo data written (${handle.describe}): ${total} rows.`);
    log(
      `Sign in as "${DEMO_ACCOUNT.username}" / "${DEMO_ACCOUNT.password}" (every demo user has that password).`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
