import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

/**
 * Writes the one row of `health_probe` and commits: a database that reads but cannot write (full
 * disk, read-only) refuses it, where `select 1` would still answer.
 */
export async function writeHealthProbe(db: Db): Promise<void> {
  await db
    .insertInto('health_probe')
    .values({ only_row: true, checked_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('only_row').doUpdateSet({ checked_at: sql<Date>`now()` }))
    .execute();
}
