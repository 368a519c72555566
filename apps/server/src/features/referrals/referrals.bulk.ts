import { bulkInserter, bulkUpdater } from '../../platform/database/bulk-write.ts';

/*
 * The referrals feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** referral rows from demo, extracts, scale-data. */
export const insertReferralsInBulk = bulkInserter('referral', [
  'citizen_id',
  'created_at',
  'created_by',
  'diagnosis_code',
  'discharged_on',
  'external_id',
  'home_municipality_code',
  'id',
  'legal_basis',
  'linked_referral_id',
  'origin',
  'plan_clinical_start_on',
  'received_on',
  'referring_organisation_id',
  'referring_text',
  'source',
  'target_group',
  'target_group_justification',
  'target_group_reasons',
  'treatment_ended_on',
  'treatment_started_on',
  'treatment_status',
]);

/** referral rows' own facts, from extracts (an imported referral changed by a later extract). */
export const updateReferralsInBulk = bulkUpdater('referral', 'id', ['citizen_id', 'diagnosis_code', 'legal_basis', 'received_on', 'source']);
