import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The deadlines feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** deadline_policy rows from reference-data. */
export const insertDeadlinePoliciesInBulk = bulkInserter('deadline_policy', ['amount', 'effective_from', 'id', 'kind', 'source', 'unit']);
