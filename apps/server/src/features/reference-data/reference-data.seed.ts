import { createHash } from 'node:crypto';
import type { Db } from '../../platform/database/database.ts';
import { insertMunicipalitiesInBulk } from '../auth/auth.bulk.ts';
import { insertClosingDaysInBulk } from '../calendar/calendar.bulk.ts';
import { insertInterventionDosePartsInBulk, insertInterventionsInBulk } from '../catalogue/catalogue.bulk.ts';
import { insertDeadlinePoliciesInBulk } from '../deadlines/deadlines.bulk.ts';
import { insertKlConditionCodesInBulk, insertKlInterventionCodesInBulk } from '../kl-gateway/kl-gateway.bulk.ts';
import { insertMunicipalityTransportsInBulk, insertTransportRulesInBulk } from '../transport/transport.bulk.ts';
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

/**
 * The rows into their tables: reference-data's own (diagnoses, assessment items, cancer
 * potential) here, the others through their owners' bulk writes — authority data updated, a
 * local decision (membership, catalogue, deadlines, closing days, transport, the KL Gateway
 * mapping) never overwritten.
 */
async function writeReferenceRows(db: Db, rows: ReferenceRows): Promise<void> {
  await insertMunicipalitiesInBulk(db, { rows: rows.municipality }, { target: ['code'], update: ['name', 'region'] });
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
  await insertInterventionsInBulk(db, { rows: rows.intervention }, { target: ['code'] });
  await insertInterventionDosePartsInBulk(db, { rows: rows.intervention_dose_part }, { target: ['intervention_code', 'part'] });
  await insertDeadlinePoliciesInBulk(db, { rows: rows.deadline_policy }, { target: ['kind', 'effective_from'] });
  // The unique indexes on closing_day are partial expression indexes; a target-less
  // "do nothing" is the portable way to skip rows that exist.
  await insertClosingDaysInBulk(db, { rows: rows.closing_day }, {});
  await insertTransportRulesInBulk(db, { rows: rows.transport_rule }, { target: ['effective_from'] });
  await insertMunicipalityTransportsInBulk(db, { rows: rows.municipality_transport }, { target: ['municipality_code', 'effective_from'] });
  await db
    .insertInto('cancer_potential')
    .values(rows.cancer_potential)
    .onConflict((oc) => oc.columns(['municipality_code', 'year']).doNothing())
    .execute();
  // The first FSIII mapping, after the interventions and items it names; an administrator's row stays.
  await insertKlInterventionCodesInBulk(db, { rows: rows.kl_gateway_intervention_code }, { target: ['intervention_code', 'legal_basis'] });
  await insertKlConditionCodesInBulk(db, { rows: rows.kl_gateway_condition_code }, { target: ['item_code', 'legal_basis'] });
}
