import fs from 'node:fs';
import { sql } from 'kysely';
import { BackupError } from './backup-file.ts';
import { appliedMigrations, countTableRows, countUserRelations, ensureAppRole, sequenceValues, setSequenceValues, setUserTriggers, tablesInLoadOrder, truncateTables } from './backup.repository.ts';
import { copyInto, errorText, openPglite, openPostgres, type Database, type ScriptRunner } from './database.ts';
import { APP_ROLE, listMigrations, migrate } from './migrate.ts';

/*
 * An embedded backup restored into a PostgreSQL server: a laptop's data moved to a server. PGlite
 * (a newer PostgreSQL than the server, perhaps) cannot hand over its data folder, and pg_dump in
 * WebAssembly (@electric-sql/pglite-tools) is pinned to another PGlite. So the schema is built the
 * way every Samkraft database is — the migrations the backup had applied, run on the empty target
 * as its owner, grants to samkraft_app included — and the rows are copied table by table from the
 * backup opened in memory, in one transaction: the tables' own triggers off (the rows are copied
 * as they were, the audit log's included), a table after those it refers to, then every sequence
 * set where it stood.
 */

async function exportCsv(source: Database, table: string, columns: readonly string[]): Promise<Uint8Array> {
  const pglite = (source as unknown as { pglite: { query: (q: string) => Promise<{ blob?: Blob }> } }).pglite;
  const cols = columns.map((c) => `"${c}"`).join(', ');
  const result = await pglite.query(`copy "${table}" (${cols}) to '/dev/blob' with (format csv, header false, delimiter ';', quote '"', encoding 'UTF8')`);
  return new Uint8Array(result.blob ? await result.blob.arrayBuffer() : new ArrayBuffer(0));
}

/**
 * Restores an embedded backup (the bytes of `file` from `offset`) into the empty PostgreSQL
 * database at `url`, as its owner. Returns every table's rows as restored.
 */
export async function movePgliteIntoPostgres(url: string, file: string, offset: number): Promise<Record<string, number>> {
  let source: Database;
  try {
    source = await openPglite(undefined, (await fs.openAsBlob(file)).slice(offset));
  } catch (err) {
    throw new BackupError(`the embedded backup could not be opened: ${errorText(err)}`);
  }
  try {
    const applied = new Set(await source.withScriptRunner(appliedMigrations));
    const target = await openPostgres(url, { poolSize: 1 });
    try {
      await target.withScriptRunner(async (run) => {
        const relations = await countUserRelations(run);
        if (relations > 0) throw new BackupError(`the target database ${target.location} is not empty (it holds ${relations} tables, views or sequences); restore only into an empty database (createdb a new one)`);
        await ensureAppRole(run, APP_ROLE);
      });
      try {
        await migrate(target, listMigrations().filter((m) => applied.has(m.name)));
        await copyRows(source, target);
      } catch (err) {
        throw new BackupError(`the move into ${target.location} failed (${errorText(err)}); it may hold the schema now but no rows: drop it and create it again before the next try`);
      }
      return await target.withScriptRunner(countTableRows);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function copyRows(source: Database, target: Database): Promise<void> {
  const tables = await target.withScriptRunner(tablesInLoadOrder);
  const sequences = await source.withScriptRunner(sequenceValues);
  await target.db.transaction().execute(async (trx) => {
    const run: ScriptRunner = async (statement) => (await sql.raw(statement).execute(trx)).rows as Record<string, unknown>[];
    const names = tables.map((t) => t.name);
    await setUserTriggers(run, names, false);
    await truncateTables(run, names);
    for (const t of tables) await copyInto(trx, t.name, t.columns, await exportCsv(source, t.name, t.columns));
    await setSequenceValues(run, sequences);
    await setUserTriggers(run, names, true);
  });
}
