import type { Db } from '../../platform/database/database.ts';
import { readSetting, upsertSetting } from '../../platform/settings/system-setting.repository.ts';

const FINGERPRINT_KEY = 'reference_data_fingerprint';

/** The fingerprint of the reference data last seeded into this database, if any. */
export async function findReferenceDataFingerprint(db: Db): Promise<string | null> {
  return readSetting(db, FINGERPRINT_KEY);
}

export async function recordReferenceDataFingerprint(db: Db, fingerprint: string): Promise<void> {
  await upsertSetting(db, FINGERPRINT_KEY, fingerprint);
}
