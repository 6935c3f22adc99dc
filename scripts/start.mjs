#!/usr/bin/env node
// Starts the whole platform on embedded defaults: builds the web app when needed, starts the API
// (which starts its own PostgreSQL unless DATABASE_URL is set) and the web server, and stops both on
// Ctrl-C. Usage: pnpm start [--rebuild]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webPort = process.env.PORT || '3000';
const apiPort = process.env.API_PORT || '4000';
const bin = (pkg, name) => path.join(root, pkg, 'node_modules', '.bin', name);

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const apiOrigin = (process.env.API_ORIGIN || `http://127.0.0.1:${apiPort}`).replace(/\/+$/, '');

/** Next.js writes rewrites into the build: a build aimed at another API origin must be redone. */
function buildTargetsOtherApi() {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'apps/web/.next/routes-manifest.json'), 'utf8'));
    const rewrites = [...(manifest.rewrites?.beforeFiles ?? []), ...(manifest.rewrites?.afterFiles ?? [])];
    return !rewrites.some((r) => typeof r.destination === 'string' && r.destination.startsWith(`${apiOrigin}/`));
  } catch {
    return true;
  }
}

function webNeedsBuild() {
  const buildId = path.join(root, 'apps/web/.next/BUILD_ID');
  if (process.argv.includes('--rebuild') || !existsSync(buildId) || buildTargetsOtherApi()) return true;
  const built = statSync(buildId).mtimeMs;
  return ['apps/web', 'packages/ui/src', 'packages/schemas/src', 'packages/sync/src'].some((d) => newestMtime(path.join(root, d)) > built);
}

if (webNeedsBuild()) {
  console.log('[start] building the web app (first start or sources changed)…');
  const result = spawnSync(bin('apps/web', 'next'), ['build'], {
    cwd: path.join(root, 'apps/web'),
    env: { ...process.env, API_ORIGIN: apiOrigin },
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('[start] the web app failed to build; see the output above.');
    process.exit(result.status ?? 1);
  }
}

const children = [];
let stopping = false;

function run(name, command, args, cwd, env) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? `code ${code}`}); stopping everything.`);
      stop(code || 1);
    }
  });
  return child;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  let alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (alive.length === 0) process.exit(code);
  for (const c of alive) c.kill('SIGTERM');
  for (const c of alive) {
    c.on('exit', () => {
      alive = alive.filter((x) => x !== c);
      if (alive.length === 0) process.exit(code);
    });
  }
  setTimeout(() => process.exit(code), 20_000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

run('api', bin('apps/api', 'tsx'), ['src/server.ts'], path.join(root, 'apps/api'), {
  API_PORT: apiPort,
  // `pnpm start` is the embedded, run-it-on-your-machine mode: the API runs in development mode so the
  // dev outbox works (sign-up completes offline) and no AUTH_SECRET is needed. A deployment sets
  // API_NODE_ENV=production (and AUTH_SECRET). API_NODE_ENV sets the API's mode alone: NODE_ENV would
  // also reach `next build` / `next start`, which always build and serve the production web app.
  NODE_ENV: process.env.API_NODE_ENV || 'development',
  WEB_ORIGIN: process.env.WEB_ORIGIN || `http://localhost:${webPort}`,
});
if (!(await waitForHealth(`http://127.0.0.1:${apiPort}/health`, 180_000))) {
  if (!stopping) console.error('[start] the API did not become healthy within 180 s.');
  stop(1);
} else {
  run('web', bin('apps/web', 'next'), ['start', '--port', webPort], path.join(root, 'apps/web'), {
    API_ORIGIN: apiOrigin,
  });
  if (await waitForHealth(`http://127.0.0.1:${webPort}/`, 60_000)) {
    console.log(`\n[start] WatchTogether is running: http://localhost:${webPort}  (API http://localhost:${apiPort})\n`);
  }
}
