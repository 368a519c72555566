import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import type { DB } from './schema.ts';

/*
 * Set-based writes for the bulk loaders (demo seed, scale data, extract import, reference-data
 * seed), offered by each table's owner in its `<feature>.bulk.ts`: the owner names the columns a
 * loader may set, the loader hands over the rows — as values (one JSON parameter, however many
 * rows) or as a query over its own staging tables — and one statement writes them all, in the
 * loader's transaction. No other code writes an owner's table (platform/database/table-owners.ts).
 */

export type Table = keyof DB;
export type ColumnOf<T extends Table> = keyof Insertable<DB[T]> & string;

/** A row as the owner lets a loader give it: a valid insert that sets no column outside `C`. */
export type BulkRow<T extends Table, C extends ColumnOf<T>> = Insertable<DB[T]> & { [K in Exclude<ColumnOf<T>, C>]?: never };

/** The rows of one bulk write: values, or a query whose result has exactly `columns`, in that order. */
export type BulkSource<T extends Table, C extends ColumnOf<T>> =
  | { rows: readonly BulkRow<T, C>[] }
  | { columns: readonly C[]; select: RawBuilder<unknown> };

/**
 * What a row that is already there (by `target`, or by any unique index when none is given) does:
 * stays as it is, or takes the new values of `update`.
 */
export type OnConflict<C extends string> = { target?: readonly C[]; update?: readonly C[] };

/** The columns of a rows source: the same in every row (a missing key would write null, not the default). */
function rowColumns(table: string, rows: readonly object[]): string[] {
  const first = Object.keys(rows[0] ?? {}).sort();
  for (const [i, row] of rows.entries()) {
    const keys = Object.keys(row).sort();
    if (keys.join() !== first.join()) throw new Error(`bulk write to ${table}: row ${i + 1} sets ${keys.join(', ')}, the first row ${first.join(', ')}`);
  }
  return first;
}

function checkAllowed(table: string, columns: readonly string[], allowed: readonly string[]): void {
  const refused = columns.filter((c) => !allowed.includes(c));
  if (refused.length > 0) throw new Error(`bulk write to ${table}: its owner lets a loader set no ${refused.join(', ')}`);
  if (columns.length === 0) throw new Error(`bulk write to ${table}: no columns`);
}

const columnList = (columns: readonly string[]) => sql.join(columns.map((c) => sql.ref(c)));

/** The rows of a source as a relation `s` with the source's columns. */
function relation(table: Table, source: { rows: readonly object[] } | { select: RawBuilder<unknown> }, columns: readonly string[]): RawBuilder<unknown> {
  if ('rows' in source) return sql`(select ${columnList(columns)} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(source.rows)}::json)) as s`;
  return sql`(${source.select}) as s (${columnList(columns)})`;
}

const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

/** Inserts a source's rows into `table` in one statement; returns how many were written. */
export async function bulkInsert<T extends Table, C extends ColumnOf<T>>(
  db: Db,
  table: T,
  allowed: readonly C[],
  source: BulkSource<T, C>,
  onConflict?: OnConflict<C>,
): Promise<number> {
  if ('rows' in source && source.rows.length === 0) return 0;
  const columns = 'rows' in source ? rowColumns(table, source.rows) : source.columns;
  checkAllowed(table, columns, allowed);
  const target = onConflict?.target ? sql` (${columnList(onConflict.target)})` : sql``;
  const conflict = !onConflict
    ? sql``
    : onConflict.update && onConflict.update.length > 0
      ? sql` on conflict${target} do update set ${sql.join(onConflict.update.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`
      : sql` on conflict${target} do nothing`;
  const result = await sql`insert into ${sql.table(table)} (${columnList(columns)}) select ${columnList(columns)} from ${relation(table, source, columns)}${conflict}`.execute(db);
  return affected(result);
}

/**
 * Sets the source's columns on the rows of `table` whose `key` matches the source's, in one
 * statement; the key is among the source's columns. Returns how many rows changed.
 */
export async function bulkUpdate<T extends Table, C extends ColumnOf<T>, K extends ColumnOf<T>>(
  db: Db,
  table: T,
  key: K,
  allowed: readonly C[],
  source: BulkSource<T, C | K>,
): Promise<number> {
  if ('rows' in source && source.rows.length === 0) return 0;
  const columns = 'rows' in source ? rowColumns(table, source.rows) : source.columns;
  if (!columns.includes(key)) throw new Error(`bulk update of ${table}: the source has no ${key}`);
  const set = columns.filter((c) => c !== key);
  checkAllowed(table, set, allowed);
  const result = await sql`update ${sql.table(table)} as t set ${sql.join(set.map((c) => sql`${sql.ref(c)} = s.${sql.ref(c)}`))} from ${relation(table, source, columns)} where t.${sql.ref(key)} = s.${sql.ref(key)}`.execute(db);
  return affected(result);
}

/**
 * Deletes the rows of `table` whose `column` is among the values `select` returns (one column),
 * and, when `origin` is given, only rows of that origin. Returns how many rows went.
 */
export async function bulkDelete<T extends Table>(db: Db, table: T, column: ColumnOf<T>, select: RawBuilder<unknown>, only?: { origin: string }): Promise<number> {
  const origin = only ? sql` and origin = ${only.origin}` : sql``;
  const result = await sql`delete from ${sql.table(table)} where ${sql.ref(column)} in (${select})${origin}`.execute(db);
  return affected(result);
}

/** An owner's bulk insert into `table`, letting a loader set the `allowed` columns and no other. */
export function bulkInserter<T extends Table, C extends ColumnOf<T>>(table: T, allowed: readonly C[]) {
  return (db: Db, source: BulkSource<T, C>, onConflict?: OnConflict<C>): Promise<number> => bulkInsert(db, table, allowed, source, onConflict);
}

/** An owner's bulk update of `table` by `key`, letting a loader set the `allowed` columns and no other. */
export function bulkUpdater<T extends Table, K extends ColumnOf<T>, C extends ColumnOf<T>>(table: T, key: K, allowed: readonly C[]) {
  return (db: Db, source: BulkSource<T, C | K>): Promise<number> => bulkUpdate(db, table, key, allowed, source);
}
