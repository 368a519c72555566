import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The kl-gateway feature's tables as the bulk loaders write them (platform/database/bulk-write.ts):
 * the reference-data seed adds the first FSIII mapping, rows that are missing only.
 */

/** kl_gateway_intervention_code rows from reference-data. */
export const insertKlInterventionCodesInBulk = bulkInserter('kl_gateway_intervention_code', ['intervention_code', 'legal_basis', 'fsiii_code']);

/** kl_gateway_condition_code rows from reference-data. */
export const insertKlConditionCodesInBulk = bulkInserter('kl_gateway_condition_code', ['item_code', 'legal_basis', 'fsiii_code']);
