import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The follow-ups feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** follow_up rows from demo, scale-data. */
export const insertFollowUpsInBulk = bulkInserter('follow_up', [
  'channel',
  'course_id',
  'held_on',
  'id',
  'note',
  'plan_revised',
  'planned_on',
  'recorded_at',
  'recorded_by',
]);
