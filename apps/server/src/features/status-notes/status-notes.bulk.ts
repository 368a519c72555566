import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The status-notes feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** status_note rows from demo, scale-data. */
export const insertStatusNotesInBulk = bulkInserter('status_note', [
  'attendance_count',
  'author_id',
  'body',
  'course_end_on',
  'cross_referral_id',
  'end_reason',
  'goals_reached',
  'id',
  'kind',
  'read_at',
  'read_by',
  'sent_at',
  'written_on',
]);
