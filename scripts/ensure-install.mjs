// Makes sure the dependencies are installed and current before anything else runs.
// Node builtins only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIN_NODE = [20, 19];

export function checkNodeVersion() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    console.error(`Samkraft: needs Node.js ${MIN_NODE.join('.')} or newer, but this is ${process.versions.node}`);
    process.exit(1);
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why an install is needed, or undefined when node_modules is current. */
export function installReason(root = repoRoot) {
  const lock = path.join(root, 'package-lock.json');
  const modules = path.join(root, 'node_modules');
  if (mtime(modules) === undefined) return 'node_modules is missing';
  const lockTime = mtime(lock);
  if (lockTime === undefined) return undefined;
  // npm writes node_modules/.package-lock.json at the end of every install.
  const installed = mtime(path.join(modules, '.package-lock.json')) ?? mtime(modules) ?? 0;
  return lockTime > installed ? 'package-lock.json is newer than node_modules' : undefined;
}

export function ensureInstall(root = repoRoot) {
  checkNodeVersion();
  const reason = installReason(root);
  if (!reason) return;
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`Samkraft: ${reason}; running npm ${args.join(' ')}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Samkraft: npm ${args[0]} failed (${result.error?.message ?? `exit code ${result.status}`})`);
    process.exit(1);
  }
  // Mark the install as newer than the lockfile even if npm rewrote the lockfile last.
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const now = new Date();
  if (fs.existsSync(marker)) fs.utimesSync(marker, now, now);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureInstall();
}
