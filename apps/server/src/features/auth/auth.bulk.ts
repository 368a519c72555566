import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The auth feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** municipality rows from reference-data. */
export const insertMunicipalitiesInBulk = bulkInserter('municipality', [
  'code',
  'is_member',
  'joined_on',
  'lat',
  'lon',
  'name',
  'region',
  'site_address',
  'site_name',
  'unit_phone',
]);

/** staff_role rows from demo, scale-data. */
export const insertStaffRolesInBulk = bulkInserter('staff_role', ['role', 'staff_user_id']);

/** staff_user rows from demo, scale-data. */
export const insertStaffUsersInBulk = bulkInserter('staff_user', [
  'active',
  'created_at',
  'display_name',
  'email',
  'id',
  'is_demo',
  'is_synthetic',
  'municipality_code',
  'password_hash',
  'phone',
  'profession',
  'username',
]);
