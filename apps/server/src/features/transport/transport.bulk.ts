import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The transport feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** municipality_transport rows from reference-data. */
export const insertMunicipalityTransportsInBulk = bulkInserter('municipality_transport', [
  'co_payment_dkk',
  'effective_from',
  'flextur_member',
  'municipality_code',
  'service_level_da',
]);

/** transport_rule rows from reference-data. */
export const insertTransportRulesInBulk = bulkInserter('transport_rule', [
  'distance_km',
  'effective_from',
  'id',
  'non_pensioner_min_dkk',
  'pensioner_min_dkk',
  'source',
]);
