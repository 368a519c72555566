import type { RawBuilder } from 'kysely';
import { bulkDelete, bulkInserter } from '../../platform/database/bulk-write.ts';
import type { Db } from '../../platform/database/database.ts';

/*
 * The closings feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** closing_conversation rows from demo, extracts, scale-data. */
export const insertClosingConversationsInBulk = bulkInserter('closing_conversation', [
  'benefit',
  'citizen_experience',
  'course_id',
  'end_assessment_id',
  'evaluation',
  'held_on',
  'id',
  'origin',
  'plan_onward',
  'questionnaire_declined',
  'recorded_at',
  'recorded_by',
  'satisfaction',
]);

/** closing_note rows from demo, extracts, scale-data. */
export const insertClosingNotesInBulk = bulkInserter('closing_note', [
  'body',
  'composed_at',
  'course_id',
  'edited_at',
  'edited_by',
  'gp_organisation_id',
  'hospital_consent',
  'hospital_department_id',
  'id',
  'origin',
  'sent_by',
  'sent_on',
  'sent_to_gp',
  'sent_to_hospital',
]);

/** The imported closing_conversation rows of the courses `courseIds` (a query of ids), from extracts. */
export const deleteImportedClosingConversationsInBulk = (db: Db, courseIds: RawBuilder<unknown>): Promise<number> =>
  bulkDelete(db, 'closing_conversation', 'course_id', courseIds, { origin: 'import' });

/** The imported closing_note rows of the courses `courseIds` (a query of ids), from extracts. */
export const deleteImportedClosingNotesInBulk = (db: Db, courseIds: RawBuilder<unknown>): Promise<number> => bulkDelete(db, 'closing_note', 'course_id', courseIds, { origin: 'import' });
