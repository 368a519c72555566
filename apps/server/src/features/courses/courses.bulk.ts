import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The courses feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** course rows from demo, extracts, scale-data. */
export const insertCoursesInBulk = bulkInserter('course', ['close_reason', 'closed_on', 'created_at', 'id', 'opened_on', 'referral_id']);

/** course_assignment rows from demo, scale-data. */
export const insertCourseAssignmentsInBulk = bulkInserter('course_assignment', [
  'assigned_at',
  'assigned_by',
  'course_id',
  'ended_at',
  'id',
  'reason',
  'staff_user_id',
]);

/** course_contact rows from demo, extracts, scale-data. */
export const insertCourseContactsInBulk = bulkInserter('course_contact', [
  'agreed_assessment_at',
  'channel',
  'contacted_on',
  'course_id',
  'id',
  'note',
  'origin',
  'preparation_form_sent_on',
  'reached',
  'recorded_at',
  'recorded_by',
]);
