import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const drizzleKit = path.join(packageDir, 'node_modules', '.bin', 'drizzle-kit');
let workDir: string | undefined;

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

it('has committed migrations that match the schema (drizzle-kit generate finds nothing to do)', async () => {
  // Generate into a copy so a drift never writes a stray migration into the package.
  workDir = await mkdtemp(path.join(tmpdir(), 'wt-drizzle-'));
  await cp(path.join(packageDir, 'drizzle'), workDir, { recursive: true });
  const before = await readdir(workDir);
  const { stdout, stderr } = await promisify(execFile)(
    drizzleKit,
    [
      'generate',
      '--dialect=postgresql',
      '--schema=./src/schema/index.ts',
      // drizzle-kit prefixes "./" to --out, so it must be relative to the package.
      `--out=${path.relative(packageDir, workDir)}`,
    ],
    { cwd: packageDir, timeout: 60_000 },
  ).catch((err: { stdout?: string; stderr?: string }) => ({
    stdout: err.stdout ?? '',
    stderr: err.stderr ?? String(err),
  }));
  expect(`${stdout}${stderr}`).toContain('No schema changes');
  expect(await readdir(workDir)).toEqual(before);
});
