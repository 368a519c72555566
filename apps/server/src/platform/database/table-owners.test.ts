import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { productionSourceFiles, scanTableAccess, schemaTables, unitOf } from '../../test-support/table-access.ts';
import { tableOwners, type TableOwnership } from './table-owners.ts';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = path.resolve(src, '../../..');
const owners: Record<string, TableOwnership> = tableOwners;

type Access = { file: string; unit: string; writes: Set<string>; reads: Set<string>; temporary: Set<string> };
const files: Access[] = productionSourceFiles(src).map((f) => {
  const file = path.relative(src, f).split(path.sep).join('/');
  const a = scanTableAccess(fs.readFileSync(f, 'utf8'));
  return { file, unit: unitOf(file), writes: a.writes, reads: a.reads, temporary: a.temporary };
});
/** Temporary tables by the unit that creates them. */
const temporaryOf = new Map<string, string>();
for (const a of files) for (const t of a.temporary) temporaryOf.set(t, a.unit);

/**
 * A table's owner writes it in its repositories, its seed and its bulk writes for the loaders
 * (`<feature>.bulk.ts`); a platform module in any of its files.
 */
function ownerMayWrite(owner: string, a: Access): boolean {
  if (a.unit !== owner) return false;
  return owner.startsWith('platform/') || a.file.endsWith('.repository.ts') || a.file.endsWith('.seed.ts') || a.file.endsWith('.bulk.ts');
}

describe('table ownership (platform/database/table-owners.ts)', () => {
  it('has an entry for every table of schema.ts, and no other but the migrations’ own bookkeeping', () => {
    const tables = schemaTables(fs.readFileSync(path.join(src, 'platform/database/schema.ts'), 'utf8'));
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((t) => !(t in owners))).toEqual([]);
    expect(Object.keys(owners).filter((t) => !tables.includes(t))).toEqual(['schema_migration']);
  });

  it('names parts of the server that exist, and no part twice', () => {
    const units = new Set(files.map((a) => a.unit));
    for (const [table, o] of Object.entries(owners)) {
      for (const u of [o.owner, ...o.readers]) expect(units.has(u), `${table}: ${u}`).toBe(true);
      expect(new Set([o.owner, ...o.readers]).size, `${table} names a part twice`).toBe(1 + o.readers.length);
    }
  });

  it('lets only the owner write a table: in its repositories, its seed or its bulk writes', () => {
    const wrong: string[] = [];
    for (const a of files) {
      for (const table of a.writes) {
        const temp = temporaryOf.get(table);
        if (temp !== undefined) {
          if (temp !== a.unit) wrong.push(`${a.file} writes ${table}, a temporary table of ${temp}`);
          continue;
        }
        const o = owners[table];
        if (!o) wrong.push(`${a.file} writes ${table}, which has no owner in table-owners.ts`);
        else if (!ownerMayWrite(o.owner, a)) wrong.push(`${a.file} writes ${table}, owned by ${o.owner} (call its service, or its bulk writes from a loader)`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has exactly one writer per table, its owner (a table nobody writes is named, unless a trigger writes it)', () => {
    const writers = new Map<string, Set<string>>();
    for (const a of files) for (const t of a.writes) if (!temporaryOf.has(t)) (writers.get(t) ?? writers.set(t, new Set()).get(t))?.add(a.unit);
    const wrong: string[] = [];
    for (const [table, o] of Object.entries(owners)) {
      const units = [...(writers.get(table) ?? [])];
      if (o.trigger !== undefined) {
        if (units.length > 0) wrong.push(`${table}: written by ${units.join(', ')}, but only its trigger ${o.trigger} may`);
        continue;
      }
      if (units.length !== 1 || units[0] !== o.owner) wrong.push(`${table}: written by ${units.join(', ') || 'nobody'}, owned by ${o.owner}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets only the owner and the declared readers read a table', () => {
    const wrong: string[] = [];
    const readersOf = new Map<string, Set<string>>();
    for (const a of files) {
      for (const table of a.reads) {
        const o = owners[table];
        if (!o) continue; // an alias, a CTE, a function or a temporary table
        (readersOf.get(table) ?? readersOf.set(table, new Set()).get(table))?.add(a.unit);
        if (a.unit !== o.owner && !o.readers.includes(a.unit)) wrong.push(`${a.file} reads ${table}: add ${a.unit} to its readers`);
      }
    }
    for (const [table, o] of Object.entries(owners)) {
      for (const r of o.readers) if (!readersOf.get(table)?.has(r)) wrong.push(`${table}: ${r} is listed as a reader but reads it nowhere`);
    }
    expect(wrong).toEqual([]);
  });

  it('is the table of ARCHITECTURE.md “Table ownership”', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'ARCHITECTURE.md'), 'utf8');
    const section = /\n## Table ownership\n([\s\S]*?)(?=\n## |$)/.exec(doc)?.[1];
    expect(section, 'ARCHITECTURE.md has a section "## Table ownership"').toBeDefined();
    const list = (cell: string) => (cell.trim() === '—' ? [] : [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
    const rows = (section ?? '')
      .split('\n')
      .filter((l) => /^\|\s*`/.test(l))
      .map((l) => l.split('|').slice(1, -1));
    const documented = Object.fromEntries(rows.map(([table = '', owner = '', readers = '']) => [list(table)[0], { owner: list(owner)[0], readers: list(readers) }]));
    const expected = Object.fromEntries(Object.entries(owners).map(([t, o]) => [t, { owner: o.owner, readers: [...o.readers] }]));
    expect(documented).toEqual(expected);
  });
});

describe('the source scan behind it', () => {
  it('finds each kind of write', () => {
    const a = scanTableAccess(`
      db.insertInto('t_insert'); db.updateTable('t_update as x'); db.deleteFrom('t_delete'); db.mergeInto('t_merge');
      await copyInto(db, 't_copy', cols, csv);
      const insertTs = bulkInserter('t_bulk_inserter', ['a']); const updateTs = bulkUpdater('t_bulk_updater', 'id', ['a']);
      await bulkInsert(db, 't_bulk_insert', cols, s); await bulkUpdate(db, 't_bulk_update', 'id', cols, s); await bulkDelete(db, 't_bulk_delete', 'id', q);
      sql\`insert into t_sql_insert (a) select 1\`; sql\`update t_sql_update k set a = 1\`; sql\`update t_sql_update2 set a = 1\`;
      sql\`delete from t_sql_delete where true\`; sql\`merge into t_sql_merge using s on true\`;`);
    expect([...a.writes].sort()).toEqual(['t_bulk_delete', 't_bulk_insert', 't_bulk_inserter', 't_bulk_update', 't_bulk_updater', 't_copy', 't_delete', 't_insert', 't_merge', 't_sql_delete', 't_sql_insert', 't_sql_merge', 't_sql_update', 't_sql_update2', 't_update']);
  });

  it('finds reads and temporary tables, and skips comments', () => {
    const a = scanTableAccess(`
      // a comment that reads from t_comment
      /** and a block comment: join t_block */
      db.selectFrom('t_select as s').innerJoin('t_inner as i', 'i.id', 's.id').leftJoin('t_left', 'a', 'b');
      sql\`select * from t_from f join t_join j on true\`;
      sql\`create temp table t_temp on commit drop as select 1\`;`);
    expect([...a.reads].sort()).toEqual(['t_from', 't_inner', 't_join', 't_left', 't_select']);
    expect([...a.temporary]).toEqual(['t_temp']);
  });
});
