/**
 * The JavaScript a browser fetches for a page, gzipped, from the built web app's manifest: the
 * entry and every chunk it imports statically (the sign-in page), and for the worklist also the
 * lazily loaded shell and page with their static imports. The floor is the target itself (there
 * is no floor to measure a size against): 200 kB.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { benchRoot } from './support/datasets.ts';
import type { ResultRow } from './support/results.ts';

type Chunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

const dist = path.join(benchRoot, '..', 'apps', 'web', 'dist');

function load(): Record<string, Chunk> {
  const file = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) throw new Error('no apps/web/dist/.vite/manifest.json: run `npm run build` first');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Chunk>;
}

/** The chunks `keys` load before they run: themselves and their static imports, transitively. */
function closure(manifest: Record<string, Chunk>, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return seen;
}

function gzipKb(manifest: Record<string, Chunk>, keys: Set<string>): number {
  let bytes = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk?.file.endsWith('.js')) bytes += zlib.gzipSync(fs.readFileSync(path.join(dist, chunk.file)), { level: 9 }).length;
  }
  return bytes / 1024;
}

export function webBundleBenchmark(): ResultRow[] {
  const manifest = load();
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const lazy = (name: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(`/${name}.tsx`));
    if (!key) throw new Error(`no chunk for ${name}`);
    return key;
  };
  const signIn = closure(manifest, [entry]);
  const worklist = closure(manifest, [entry, lazy('StaffShell'), lazy('WorklistPage')]);
  const at = new Date().toISOString();
  const row = (measure: string, keys: Set<string>): ResultRow => {
    const kb = gzipKb(manifest, keys);
    return { measure, size: 'production build', ours: kb, floor: 200, unit: 'kB', floorIs: 'the target, 200 kB', target: '≤ 200 kB', met: kb <= 200, note: `${keys.size} chunks, gzip level 9`, at };
  };
  return [row('first-page JS, gzipped: the sign-in page', signIn), row('JS of the worklist (sign-in page + shell + worklist), gzipped', worklist)];
}
