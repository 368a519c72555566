import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * ARCHITECTURE.md's "Which feature calls which" table is the server's feature graph as the code has
 * it: for each folder under apps/server/src/features, the other features whose services, rules or
 * mappers its production files import. The table is compared with the imports, so the picture
 * cannot drift from the code.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const featuresDir = path.join(root, 'apps/server/src/features');
const HEADING = '### Which feature calls which';

function productionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(full);
    // import-boundaries.test.ts plants `lint-planted-*` files for a moment, maybe while this runs.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.startsWith('lint-planted-') ? [full] : [];
  });
}

/** feature → the other features its production files import from. */
function featureGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const feature of fs.readdirSync(featuresDir).sort()) {
    const used = new Set<string>();
    for (const file of productionFiles(path.join(featuresDir, feature))) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bfrom\s+'(\.[^']*)'|\bimport\s+'(\.[^']*)'|import\(\s*'(\.[^']*)'\s*\)/g)) {
        const target = path.resolve(path.dirname(file), match[1] ?? match[2] ?? match[3] ?? '');
        const relative = path.relative(featuresDir, target);
        if (relative.startsWith('..')) continue;
        const other = relative.split(path.sep)[0];
        if (other && other !== feature) used.add(other);
      }
    }
    graph.set(feature, [...used].sort());
  }
  return graph;
}

/** The table under HEADING: `| \`feature\` | \`a\`, \`b\` |` rows (— for none). */
function documentedGraph(): Map<string, string[]> {
  const text = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
  const start = text.indexOf(HEADING);
  expect(start, `ARCHITECTURE.md has "${HEADING}"`).toBeGreaterThan(-1);
  const section = text.slice(start + HEADING.length).split(/\n#{2,3} /)[0] ?? '';
  const graph = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const row = /^\|\s*`([a-z-]+)`\s*\|([^|]*)\|/.exec(line);
    if (!row) continue;
    const uses = [...(row[2] ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1] ?? '').sort();
    graph.set(row[1] ?? '', uses);
  }
  return graph;
}

describe('the feature graph in ARCHITECTURE.md', () => {
  it('lists every server feature with exactly the features its code calls', () => {
    expect(Object.fromEntries(documentedGraph())).toEqual(Object.fromEntries(featureGraph()));
  });
});
