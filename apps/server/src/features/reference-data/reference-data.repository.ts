import type { Db } from '../../platform/database/database.ts';

const FINGERPRINT_KEY = 'reference_data_fingerprint';

/** The fingerprint of the reference data last seeded into this database, if any. */
export async function findReferenceDataFingerprint(db: Db): Promise<string | null> {
  const row = await db.selectFrom('system_setting').select('value').where('key', '=', FINGERPRINT_KEY).executeTakeFirst();
  return row?.value ?? null;
}

export async function recordReferenceDataFingerprint(db: Db, fingerprint: string): Promise<void> {
  await db
    .insertInto('system_setting')
    .values({ key: FINGERPRINT_KEY, value: fingerprint })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: fingerprint }))
    .execute();
}
