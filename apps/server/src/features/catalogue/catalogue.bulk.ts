import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The catalogue feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** intervention rows from reference-data. */
export const insertInterventionsInBulk = bulkInserter('intervention', [
  'active',
  'category',
  'code',
  'cohort_follow_up_weeks',
  'cross_municipal',
  'description_da',
  'expected_per_year',
  'form',
  'legal_bases',
  'mixed_diagnoses',
  'name_da',
  'name_en',
  'professions',
  'purpose_da',
  'target_diagnoses',
  'target_max_age',
  'target_min_age',
  'target_sex',
  'target_text_da',
  'target_treatment',
  'team_mode',
]);

/** intervention_dose_part rows from reference-data. */
export const insertInterventionDosePartsInBulk = bulkInserter('intervention_dose_part', [
  'intervention_code',
  'minutes',
  'part',
  'per_week',
  'profession',
  'sessions',
  'up_to',
]);

/** offering rows from demo, scale-data. */
export const insertOfferingsInBulk = bulkInserter('offering', [
  'address',
  'capacity',
  'contact_email',
  'contact_name',
  'contact_phone',
  'host_municipality_code',
  'id',
  'intervention_code',
  'is_synthetic',
  'note',
  'place_name',
  'valid_from',
  'valid_to',
]);

/** routing rows from demo, scale-data. */
export const insertRoutingsInBulk = bulkInserter('routing', [
  'home_municipality_code',
  'id',
  'inferred',
  'intervention_code',
  'note',
  'offering_id',
  'reviewed_at',
  'reviewed_by',
  'valid_from',
  'valid_to',
]);
