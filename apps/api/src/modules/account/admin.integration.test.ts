import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, seedDemoData } from '@wt/db/seed';
import { freshDatabase, testEnv, type TestDatabase } from '../../../test/helpers';
import { prepareDatabase } from '../../bootstrap';
import { grantAdmin } from './admin';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);

/** Runs the real CLI (`pnpm admin:grant` forwards to this script) against the test database. */
async function adminGrant(databaseUrl: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      path.join(apiRoot, 'node_modules/.bin/tsx'),
      ['src/cli/grant-admin.ts', ...args],
      {
        cwd: apiRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('admins: ADMIN_EMAIL bootstrap and the admin:grant CLI', () => {
  let database: TestDatabase;
  const role = async (username: string) =>
    (await database.pool.query<{ role: string }>(`SELECT role FROM users WHERE username = $1`, [username]))
      .rows[0]?.role;

  beforeAll(async () => {
    database = await freshDatabase();
    await seedDemoData(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('admin:grant promotes by username or email, says so, and is idempotent', async () => {
    expect(await role('maya')).toBe('creator');
    const first = await adminGrant(database.url, 'Maya');
    expect(first).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('maya (maya@watchtogether.local) is now an admin'),
    });
    expect(await role('maya')).toBe('admin');

    const again = await adminGrant(database.url, 'MAYA@watchtogether.local');
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('is already an admin') });
  });

  it('admin:grant refuses an unknown account and a missing argument with a sentence and exit code 1', async () => {
    const unknown = await adminGrant(database.url, 'nobody@example.com');
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No account has the email or username "nobody@example.com"'),
    });
    const usage = await adminGrant(database.url);
    expect(usage).toMatchObject({ code: 1, stderr: expect.stringContaining('Usage: pnpm admin:grant') });
  });

  it('ADMIN_EMAIL becomes admin at start-up (case-insensitive); an unknown one is no error', async () => {
    const start = (adminEmail: string) =>
      prepareDatabase({
        env: testEnv({ DATABASE_URL: database.url, ADMIN_EMAIL: adminEmail }),
        log: pino({ level: 'silent' }),
        database: { url: database.url, mode: 'external', stopServer: async () => undefined },
      });
    expect(await role('kai')).toBe('creator');
    await start('Kai@WatchTogether.local');
    expect(await role('kai')).toBe('admin');
    await expect(start('not-yet@example.com')).resolves.toBeUndefined();
  });

  it('never promotes a deleted account, and ADMIN_EMAIL does not match usernames', async () => {
    await database.pool.query(`UPDATE users SET deleted_at = now() WHERE id = $1`, [demoId('user:sam')]);
    expect(await grantAdmin(database.db, 'sam@watchtogether.local')).toEqual({ status: 'not-found' });
    expect(await grantAdmin(database.db, 'jordan')).toEqual({ status: 'not-found' });
    expect(await role('sam')).toBe('viewer');
    expect(await role('jordan')).toBe('viewer');
  });
});
