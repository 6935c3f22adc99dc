import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const baseURL = `http://localhost:${process.env.PORT ?? 3000}`;
const isCI = Boolean(process.env.CI);

/**
 * Browser tests against the built app. Runs Debian's Chromium (never a downloaded browser).
 * `webServer` starts the API and `next start` through scripts/start.mjs, or reuses servers that
 * already answer on PORT outside CI.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results'),
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: isCI ? 1 : undefined,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node scripts/start.mjs',
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 240_000,
    cwd: repoRoot,
    // Its own embedded database, so the specs never touch the data of a platform you run yourself.
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR ?? path.join(repoRoot, '.data/e2e'),
      EMBEDDED_PG_PORT: process.env.E2E_EMBEDDED_PG_PORT ?? '54339',
      // The account specs read verification mail from the dev outbox, which production mode hides.
      API_NODE_ENV: 'development',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
