import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { fhirTables, myDataExcluded, myDataSections } from './my-data.sections.ts';

/*
 * The aktindsigt holds everything about the citizen: every table of the database (its catalogue,
 * not a list kept by hand) with a column that ties a row to a citizen, a course, a cross-municipal
 * referral or an enrolment is covered by an entry of `my-data.sections.ts` or excluded there with
 * a reason. A new table of citizen data fails here until someone decides which.
 */

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const TIES = ['citizen_id', 'course_id', 'cross_referral_id', 'enrolment_id'];

describe('the aktindsigt’s coverage', () => {
  it('covers or excludes, with a reason, every table holding a citizen’s, course’s, cross-referral’s or enrolment’s rows', async () => {
    const r = await sql<{ table_name: string }>`
      select distinct c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema() and c.column_name = any(${TIES}::text[])
      order by c.table_name`.execute(database.db);
    const tables = r.rows.map((x) => x.table_name);
    expect(tables).toEqual(expect.arrayContaining(['referral', 'course_assignment', 'follow_up', 'audit_event', 'attendance']));
    const covered = new Set([...fhirTables, ...myDataSections.flatMap((s) => s.tables)]);
    const missing = tables.filter((t) => !covered.has(t) && !(t in myDataExcluded));
    expect(missing, 'tables of citizen data neither in the aktindsigt nor excluded with a reason (my-data.sections.ts)').toEqual([]);
  });

  it('gives every exclusion a reason, and covers no excluded table', () => {
    const covered = new Set([...fhirTables, ...myDataSections.flatMap((s) => s.tables)]);
    for (const [table, why] of Object.entries(myDataExcluded)) {
      expect(why.length, table).toBeGreaterThan(20);
      expect(covered.has(table), table).toBe(false);
    }
  });

  it('names only tables that exist', async () => {
    const r = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema()`.execute(database.db);
    const existing = new Set(r.rows.map((x) => x.table_name));
    const named = [...fhirTables, ...myDataSections.flatMap((s) => s.tables), ...Object.keys(myDataExcluded)];
    expect(named.filter((t) => !existing.has(t))).toEqual([]);
  });
});
