// Builds the server for `npm start`: main.ts and cli.ts bundled to plain JavaScript in
// apps/server/dist (the shared contracts inlined, packages left to node_modules), with the SQL
// migrations beside them. Running JavaScript instead of TypeScript through a loader at every
// start saves seconds. Node builtins and esbuild only.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './ensure-install.mjs';
import { newestMtime } from './newest-mtime.mjs';

const serverDir = path.join(repoRoot, 'apps/server');
export const serverDist = path.join(serverDir, 'dist');
const inputs = ['apps/server/src', 'apps/server/package.json', 'packages/contracts/src', 'scripts/build-server.mjs'];

const SKIP = new Set(['dist', 'node_modules']);

/** Why the server must be (re)built, or undefined when apps/server/dist is current. */
export function serverBuildReason() {
  let built;
  try {
    built = fs.statSync(path.join(serverDist, 'main.js')).mtimeMs;
  } catch {
    return 'apps/server/dist is missing';
  }
  for (const input of inputs) if (newestMtime(path.join(repoRoot, input), SKIP) > built) return `${input} changed since the last build`;
  return undefined;
}

export async function buildServer() {
  const { build } = await import('esbuild');
  const pkg = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {}).filter((name) => name !== '@samkraft/contracts');
  fs.rmSync(serverDist, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(serverDir, 'src/main.ts'), path.join(serverDir, 'src/cli.ts')],
    outdir: serverDist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    sourcemap: true,
    external: [...external, ...external.map((name) => `${name}/*`)],
    logLevel: 'warning',
  });
  fs.cpSync(path.join(serverDir, 'src/platform/database/migrations'), path.join(serverDist, 'migrations'), { recursive: true });
}

/** Builds the server when stale; returns { built, reason }. */
export async function ensureServerBuild() {
  const reason = serverBuildReason();
  if (!reason) return { built: false, reason: 'apps/server/dist is up to date' };
  await buildServer();
  return { built: true, reason };
}
