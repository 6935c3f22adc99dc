import { runMigrations } from '../migrate';
import { connectForCli } from './connect';

/** `pnpm db:migrate`: applies the committed migrations to the app's database. */
async function main() {
  const log = (line: string) => console.log(line);
  const handle = await connectForCli(log);
  try {
    await runMigrations(handle.db);
    log(`Migrations applied (${handle.describe}).`);
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
