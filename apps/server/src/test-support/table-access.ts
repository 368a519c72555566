import fs from 'node:fs';
import path from 'node:path';

/*
 * Which tables the server's own code writes and reads, found in its source text (the ownership
 * test, `platform/database/table-owners.test.ts`). Writes: Kysely's insertInto / updateTable /
 * deleteFrom / mergeInto('t'), `copyInto(db, 't', …)`, the bulk writes `bulkInserter('t', …)`,
 * `bulkUpdater('t', …)`, `bulkInsert(db, 't', …)`, `bulkUpdate(db, 't', …)`,
 * `bulkDelete(db, 't', …)`, and raw SQL `insert into t`, `update t set`, `delete from t`,
 * `merge into t`. Reads: selectFrom / innerJoin / leftJoin / rightJoin /
 * fullJoin('t') and raw SQL `from t`, `join t`. A table the code creates as temporary is its own.
 * Comments are left out, and only names of tables count (prose that says "from the …" names none).
 */

export type TableAccess = { writes: Set<string>; reads: Set<string>; temporary: Set<string> };

const kyselyWrite = /\b(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*['"`]([a-z_][a-z0-9_]*)/g;
const copyWrite = /\b(?:copyInto|bulkInsert|bulkUpdate|bulkDelete)\(\s*[^,]+,\s*['"`]([a-z_][a-z0-9_]*)/g;
const bulkWriter = /\bbulk(?:Inserter|Updater)\(\s*['"`]([a-z_][a-z0-9_]*)/g;
const sqlWrite = [/\binsert\s+into\s+([a-z_][a-z0-9_]*)/gi, /\bupdate\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?[a-z_][a-z0-9_]*)?\s+set\b/gi, /\bdelete\s+from\s+([a-z_][a-z0-9_]*)/gi, /\bmerge\s+into\s+([a-z_][a-z0-9_]*)/gi];
const kyselyRead = /\b(?:selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"`]([a-z_][a-z0-9_]*)/g;
const sqlRead = [/\bfrom\s+([a-z_][a-z0-9_]*)/gi, /\bjoin\s+([a-z_][a-z0-9_]*)/gi];
const temporary = /\bcreate\s+(?:temp|temporary)\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi;

function names(text: string, patterns: readonly RegExp[]): Set<string> {
  const out = new Set<string>();
  for (const re of patterns) for (const m of text.matchAll(re)) out.add((m[1] ?? '').toLowerCase());
  return out;
}

/** The source without its comments (block comments, and line comments that start a line). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, ' ');
}

/** The tables one source text writes, reads and creates as temporary (its comments are prose, not SQL). */
export function scanTableAccess(source: string): TableAccess {
  const text = withoutComments(source);
  return {
    writes: names(text, [kyselyWrite, copyWrite, bulkWriter, ...sqlWrite]),
    reads: names(text, [kyselyRead, ...sqlRead]),
    temporary: names(text, [temporary]),
  };
}

/** The production source files under `root` (apps/server/src): no tests, test support or fixtures. */
export function productionSourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === 'test-support' || e.name === 'fixtures' || e.name === 'node_modules') continue;
        walk(p);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') && !e.name.includes('test-helpers')) {
        out.push(p);
      }
    }
  };
  walk(root);
  return out.sort();
}

/**
 * The part of the server a source file belongs to: its feature (`features/<name>/…` → `<name>`),
 * its platform module (`platform/<module>/…` → `platform/<module>`), else its own path
 * (`prepare-database.ts` → `prepare-database`).
 */
export function unitOf(relativePath: string): string {
  const parts = relativePath.split(/[\\/]/);
  if (parts[0] === 'features' && parts.length > 2) return parts[1] ?? relativePath;
  if (parts[0] === 'platform' && parts.length > 2) return `platform/${parts[1] ?? ''}`;
  return relativePath.replace(/\.ts$/, '');
}

/** The table names of the generated `DB` interface in schema.ts. */
export function schemaTables(schemaText: string): string[] {
  const body = /export interface DB \{([^}]*)\}/.exec(schemaText)?.[1] ?? '';
  return [...body.matchAll(/^\s*([a-z_][a-z0-9_]*)\s*:/gm)].map((m) => m[1] ?? '').sort();
}
