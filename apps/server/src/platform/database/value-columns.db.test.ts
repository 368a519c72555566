import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/test-database.ts';
import type { Database } from './database.ts';
import { valueColumns } from './value-columns.ts';

// Each value list is written twice: in the contracts (the API, the types, the texts) and in the
// migrations' CHECKs. This reads every CHECK `column in (…)` of the migrated database and holds
// it to the contracts' list, so neither can gain or lose a value alone.

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** `CHECK ((column = ANY (ARRAY['a'::text, 'b'::text])))`, as pg_get_constraintdef prints it. */
const listCheck = /^CHECK \(\((\w+) = ANY \(+ARRAY\[(.*)\]\)+\)\)$/;

async function checkedLists(): Promise<Record<string, string[]>> {
  const { rows } = await sql<{ tbl: string; def: string }>`
    select c.conrelid::regclass::text as tbl, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
     where c.contype = 'c' and c.connamespace = 'public'::regnamespace`.execute(database.db);
  const lists: Record<string, string[]> = {};
  for (const { tbl, def } of rows) {
    const m = listCheck.exec(def);
    if (!m) continue;
    const values = [...m[2]!.matchAll(/'((?:[^']|'')*)'::\w+/g)].map((v) => v[1]!.replaceAll("''", "'"));
    lists[`${tbl}.${m[1]}`] = values.sort();
  }
  return lists;
}

describe("the migrations' value lists", () => {
  it('are each the contracts list of value-columns.ts, column by column', async () => {
    const lists = await checkedLists();
    const expected = Object.fromEntries(Object.entries(valueColumns).map(([column, list]) => [column, [...list.values].sort()]));
    expect(lists).toEqual(expected);
  });
});
