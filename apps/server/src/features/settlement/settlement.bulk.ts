import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The settlement's tables as the bulk loaders write them (platform/database/bulk-write.ts): only
 * the tariffs — the demo's example tariffs. Settled periods are made only by settling one.
 */

/** settlement_tariff rows from the demo seed. */
export const insertTariffsInBulk = bulkInserter('settlement_tariff', ['intervention_code', 'price_kr', 'provider_municipality_code', 'source', 'source_note', 'unit', 'valid_from', 'valid_to']);
