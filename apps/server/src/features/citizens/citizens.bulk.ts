import { bulkInserter, bulkUpdater } from '../../platform/database/bulk-write.ts';

/*
 * The citizens feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** citizen rows from demo, extracts, scale-data. */
export const insertCitizensInBulk = bulkInserter('citizen', [
  'address_line',
  'birth_date',
  'city',
  'cpr',
  'created_at',
  'deceased_on',
  'email',
  'family_name',
  'given_name',
  'gp_organisation_id',
  'home_municipality_code',
  'id',
  'is_synthetic',
  'name_address_protected',
  'pensioner',
  'phone',
  'postal_code',
  'pseudonym',
  'sex',
  'updated_at',
  'vulnerable',
]);

/** citizen rows' sex and birth date, from extracts (which also sets updated_at). */
export const updateCitizensInBulk = bulkUpdater('citizen', 'id', ['birth_date', 'sex', 'updated_at']);
