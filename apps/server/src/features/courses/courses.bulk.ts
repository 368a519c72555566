import { sql, type RawBuilder } from 'kysely';
import { bulkDelete, bulkInserter, bulkUpdate } from '../../platform/database/bulk-write.ts';
import type { Db } from '../../platform/database/database.ts';

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

/** Courses opened again, no longer closed (`reopened`: a query of course id, opened on), from extracts; `closeCourses` closes them anew. */
export function reopenCoursesInBulk(db: Db, reopened: RawBuilder<unknown>): Promise<number> {
  return bulkUpdate(db, 'course', 'id', ['opened_on', 'closed_on', 'close_reason'], {
    columns: ['id', 'opened_on', 'closed_on', 'close_reason'],
    select: sql`select r.id, r.opened_on, null::date, null::text from (${reopened}) as r (id, opened_on)`,
  });
}

/** The imported course_contact rows of the courses `courseIds` (a query of ids), from extracts. */
export const deleteImportedCourseContactsInBulk = (db: Db, courseIds: RawBuilder<unknown>): Promise<number> => bulkDelete(db, 'course_contact', 'course_id', courseIds, { origin: 'import' });
