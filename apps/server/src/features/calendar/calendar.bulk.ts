import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The calendar feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** closing_day rows from reference-data. */
export const insertClosingDaysInBulk = bulkInserter('closing_day', ['day', 'id', 'label', 'month', 'municipality_code', 'on_date', 'recurring']);
