// `npm start`: install if needed, build the web app if it is stale, then run the server.
// Node builtins only.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureInstall, repoRoot } from './ensure-install.mjs';
import { newestMtime } from './newest-mtime.mjs';

const webDist = path.join(repoRoot, 'apps/web/dist/index.html');
const webInputs = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'];

/** Why the web app must be (re)built, or undefined when apps/web/dist is current. */
export function webBuildReason() {
  let built;
  try {
    built = fs.statSync(webDist).mtimeMs;
  } catch {
    return 'apps/web/dist is missing';
  }
  for (const input of webInputs) {
    if (newestMtime(path.join(repoRoot, input)) > built) return `${input} changed since the last build`;
  }
  return undefined;
}

/**
 * Builds the web app when stale. `quiet` keeps the build's output unless it fails.
 * Returns { ok, built, reason, output }.
 */
export function ensureWebBuild({ quiet = false } = {}) {
  const reason = webBuildReason();
  if (!reason) return { ok: true, built: false, reason: 'apps/web/dist is up to date', output: '' };
  if (!quiet) console.log(`Samkraft: building the web app (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', 'apps/web'], {
    cwd: repoRoot,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  const output = quiet ? `${result.stdout ?? ''}${result.stderr ?? ''}` : '';
  return { ok: result.status === 0, built: true, reason, output };
}

async function start() {
  ensureInstall();
  const build = ensureWebBuild();
  if (!build.ok) {
    console.error('Samkraft: the web app did not build (see above)');
    process.exit(1);
  }
  // Imported after the install: the server build needs esbuild from node_modules.
  const { ensureServerBuild } = await import('./build-server.mjs');
  try {
    const server = await ensureServerBuild();
    if (server.built) console.log(`Samkraft: built the server (${server.reason})`);
  } catch (err) {
    console.error(`Samkraft: the server did not build: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const child = spawn(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: process.env,
  });
  // Ctrl-C reaches the whole process group anyway; forwarding covers a plain `kill`.
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.on('error', (err) => {
    console.error(`Samkraft: cannot start the server: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    // Killed by a signal: exit as a shell would report it (128 + the signal's number).
    process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void start();
}
