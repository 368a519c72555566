import type { Db } from '../database/database.ts';

/*
 * `system_setting`: one value per key, for the installation's own facts (the reference data's
 * fingerprint, the extract export's pseudonym secret, the synthetic data set's description). The
 * platform owns the table; each feature keeps its own key and calls these in its transaction.
 */

export async function readSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('system_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Inserts the key; a key that already exists is an error (a unique violation). */
export async function insertSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('system_setting').values({ key, value }).execute();
}

/** Inserts the key unless it exists; concurrent first writers agree: the first insert wins. */
export async function insertSettingIfAbsent(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('system_setting').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** Inserts the key or replaces its value. */
export async function upsertSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('system_setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
