import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The organisations feature's table as the bulk loaders write it: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). The list is the columns a loader
 * may set. Nothing outside this feature writes the table (platform/database/table-owners.ts); a
 * loader checks its identifiers with the value objects itself (the demo: demo.seed.db.test.ts).
 */

/** organisation rows from demo. */
export const insertOrganisationsInBulk = bulkInserter('organisation', [
  'active',
  'address',
  'cvr',
  'ean',
  'id',
  'kind',
  'municipality_code',
  'name',
  'parent_id',
  'phone',
  'sor_code',
  'ydernummer',
]);
