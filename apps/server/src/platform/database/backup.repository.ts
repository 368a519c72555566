import type { ScriptRunner } from './database.ts';

/*
 * What a backup and a restore read from the catalogue and do to a whole database. On raw script
 * runners, not Kysely: a PostgreSQL backup counts its rows in the transaction whose snapshot
 * pg_dump then shares, and a move into PostgreSQL runs in one transaction with its COPYs.
 */

const userRelations = `
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the database ("schema.table"), with its rows counted. */
export async function countTableRows(run: ScriptRunner): Promise<Record<string, number>> {
  const tables = (await run(`select n.nspname as schema, c.relname as name ${userRelations} and c.relkind in ('r', 'p') order by 1, 2`)) as { schema: string; name: string }[];
  if (tables.length === 0) return {};
  const counts = (await run(
    tables.map((t) => `select '${`${t.schema}.${t.name}`.replace(/'/g, "''")}' as name, count(*)::text as n from ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`).join('\nunion all '),
  )) as { name: string; n: string }[];
  const byName: Record<string, number> = {};
  for (const c of counts.sort((a, b) => a.name.localeCompare(b.name))) byName[c.name] = Number(c.n);
  return byName;
}

/** The relations (tables, views, sequences…) in schemas of its own: none in an empty database. */
export async function countUserRelations(run: ScriptRunner): Promise<number> {
  const rows = await run(`select count(*)::int as n ${userRelations} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`);
  return Number(rows[0]?.n ?? 0);
}

/** The migrations applied, in order (none when the bookkeeping table is missing). */
export async function appliedMigrations(run: ScriptRunner): Promise<string[]> {
  const exists = await run(`select to_regclass('schema_migration') is not null as exists`);
  if (exists[0]?.exists !== true) return [];
  return (await run('select name from schema_migration order by name')).map((r) => String(r.name));
}

export async function serverVersion(run: ScriptRunner): Promise<{ version: string; major: number }> {
  const rows = (await run(`select current_setting('server_version') as version, current_setting('server_version_num')::int as num`)) as { version: string; num: number }[];
  return { version: rows[0]?.version ?? '', major: Math.floor(Number(rows[0]?.num ?? 0) / 10000) };
}

/** Creates the server's role when missing (as migration 0014 does), so the archive's grants to it apply. */
export async function ensureAppRole(run: ScriptRunner, role: string): Promise<void> {
  await run(`do $$ begin
    if not exists (select 1 from pg_roles where rolname = '${role.replace(/'/g, "''")}') then
      create role ${quoteIdent(role)} nologin;
    end if;
  end $$`);
}

/** The server role's rights on tables the restoring role creates later (migration 0014's default privileges). */
export async function grantDefaultPrivileges(run: ScriptRunner, role: string): Promise<void> {
  const r = quoteIdent(role);
  await run(`alter default privileges in schema public grant select, insert, update, delete on tables to ${r};
    alter default privileges in schema public grant usage, select on sequences to ${r};
    alter default privileges in schema public grant execute on functions to ${r}`);
}

/**
 * Opens a repeatable-read transaction on the runner's connection and exports its snapshot, for
 * pg_dump to dump exactly what this transaction sees. The caller ends it with `rollback`.
 */
export async function beginExportedSnapshot(run: ScriptRunner): Promise<string> {
  const rows = (await run('begin isolation level repeatable read read only; select pg_export_snapshot() as snapshot')) as { snapshot: string }[];
  return rows[0]?.snapshot ?? '';
}

export type LoadTable = { name: string; columns: string[] };

/**
 * The public tables in an order they can be filled in without breaking a foreign key (a table
 * after those it refers to), each with its columns as stored (none generated).
 */
export async function tablesInLoadOrder(run: ScriptRunner): Promise<LoadTable[]> {
  const columns = (await run(`select c.relname as name, a.attname as column from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where c.relkind in ('r', 'p') order by c.relname, a.attnum`)) as { name: string; column: string }[];
  const refs = (await run(`select distinct c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public' where c.contype = 'f' and c.conrelid <> c.confrelid`)) as { child: string; parent: string }[];
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.name, [...(byTable.get(c.name) ?? []), c.column]);
  const ordered: LoadTable[] = [];
  const placed = new Set<string>();
  while (placed.size < byTable.size) {
    const ready = [...byTable.keys()].filter((t) => !placed.has(t) && refs.every((r) => r.child !== t || placed.has(r.parent) || !byTable.has(r.parent)));
    if (ready.length === 0) throw new Error(`the foreign keys between ${[...byTable.keys()].filter((t) => !placed.has(t)).join(', ')} form a cycle`);
    for (const t of ready.sort()) {
      placed.add(t);
      ordered.push({ name: t, columns: byTable.get(t) ?? [] });
    }
  }
  return ordered;
}

/** Switches the tables' own triggers off or on (the owner may; the foreign keys' stay on). */
export async function setUserTriggers(run: ScriptRunner, tables: readonly string[], on: boolean): Promise<void> {
  for (const t of tables) await run(`alter table ${quoteIdent(t)} ${on ? 'enable' : 'disable'} trigger user`);
}

export async function truncateTables(run: ScriptRunner, tables: readonly string[]): Promise<void> {
  if (tables.length > 0) await run(`truncate ${tables.map(quoteIdent).join(', ')}`);
}

export type SequenceValue = { name: string; lastValue: string | null };

export async function sequenceValues(run: ScriptRunner): Promise<SequenceValue[]> {
  const rows = (await run(`select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public' order by 1`)) as { name: string; last: string | null }[];
  return rows.map((r) => ({ name: r.name, lastValue: r.last }));
}

/** Puts each sequence where another database's stood: the next value it hands out is the same. */
export async function setSequenceValues(run: ScriptRunner, values: readonly SequenceValue[]): Promise<void> {
  for (const s of values) {
    await run(s.lastValue === null ? `alter sequence ${quoteIdent(s.name)} restart` : `select setval('${quoteIdent(s.name).replace(/'/g, "''")}', ${BigInt(s.lastValue).toString()}, true)`);
  }
}
