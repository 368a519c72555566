import { createHash } from 'node:crypto';
import type { Db } from '../../platform/database/database.ts';
import { findReferenceDataFingerprint, recordReferenceDataFingerprint } from './reference-data.repository.ts';
import { referenceRows, type ReferenceRows } from './reference-data.rows.ts';

/**
 * Seeds what every installation needs, idempotently. The rule: authority data (municipality names
 * and regions, diagnosis titles) is refreshed on every run; everything an installation may
 * configure (membership, catalogue, deadlines, closing days, transport) is only inserted when
 * missing, so a re-seed never overwrites a local decision.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.transaction().execute((trx) => writeReferenceRows(trx, referenceRows()));
}

/**
 * What a seed writes, and into which schema: the rows themselves and the newest migration. A
 * changed data file or a new migration (which may have reshaped a reference table) changes it.
 */
export function referenceDataFingerprint(schemaVersion: string, rows: ReferenceRows = referenceRows()): string {
  return createHash('sha256').update(JSON.stringify({ schemaVersion, rows })).digest('hex');
}

/**
 * The seed at start-up: skipped when the database already holds this very reference data (one
 * lookup of its fingerprint), otherwise run and its fingerprint recorded in the same
 * transaction. Returns whether it seeded. `npm run cli -- seed` still seeds unconditionally.
 */
export async function refreshReferenceData(db: Db, schemaVersion: string, rows: ReferenceRows = referenceRows()): Promise<boolean> {
  const fingerprint = referenceDataFingerprint(schemaVersion, rows);
  if ((await findReferenceDataFingerprint(db)) === fingerprint) return false;
  await db.transaction().execute(async (trx) => {
    await writeReferenceRows(trx, rows);
    await recordReferenceDataFingerprint(trx, fingerprint);
  });
  return true;
}

async function writeReferenceRows(db: Db, rows: ReferenceRows): Promise<void> {
  await db
    .insertInto('municipality')
    .values(rows.municipality)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), region: eb.ref('excluded.region') })))
    .execute();
  await db
    .insertInto('diagnosis')
    .values(rows.diagnosis)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        title_da: eb.ref('excluded.title_da'),
        title_en: eb.ref('excluded.title_en'),
        uncertain: eb.ref('excluded.uncertain'),
      })),
    )
    .execute();
  await db.insertInto('assessment_item').values(rows.assessment_item).onConflict((oc) => oc.column('code').doNothing()).execute();
  await db.insertInto('intervention').values(rows.intervention).onConflict((oc) => oc.column('code').doNothing()).execute();
  await db
    .insertInto('intervention_dose_part')
    .values(rows.intervention_dose_part)
    .onConflict((oc) => oc.columns(['intervention_code', 'part']).doNothing())
    .execute();
  await db
    .insertInto('deadline_policy')
    .values(rows.deadline_policy)
    .onConflict((oc) => oc.columns(['kind', 'effective_from']).doNothing())
    .execute();
  // The unique indexes on closing_day are partial expression indexes; a target-less
  // "do nothing" is the portable way to skip rows that exist.
  await db.insertInto('closing_day').values(rows.closing_day).onConflict((oc) => oc.doNothing()).execute();
  await db.insertInto('transport_rule').values(rows.transport_rule).onConflict((oc) => oc.column('effective_from').doNothing()).execute();
  await db
    .insertInto('municipality_transport')
    .values(rows.municipality_transport)
    .onConflict((oc) => oc.columns(['municipality_code', 'effective_from']).doNothing())
    .execute();
  await db
    .insertInto('cancer_potential')
    .values(rows.cancer_potential)
    .onConflict((oc) => oc.columns(['municipality_code', 'year']).doNothing())
    .execute();
}
