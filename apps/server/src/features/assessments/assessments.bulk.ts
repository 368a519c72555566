import type { RawBuilder } from 'kysely';
import { bulkDelete, bulkInserter } from '../../platform/database/bulk-write.ts';
import type { Db } from '../../platform/database/database.ts';

/*
 * The assessments feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** needs_assessment rows from demo, extracts, scale-data. */
export const insertNeedsAssessmentsInBulk = bulkInserter('needs_assessment', [
  'assessed_on',
  'course_id',
  'id',
  'occasion',
  'origin',
  'professional_assessment',
  'recorded_at',
  'recorded_by',
  'scale_score',
  'what_matters_most',
]);

/** needs_assessment_problem rows from demo. */
export const insertNeedsAssessmentProblemsInBulk = bulkInserter('needs_assessment_problem', ['item_code', 'needs_assessment_id', 'note']);

/** The imported needs_assessment rows of the courses `courseIds` (a query of ids), from extracts. */
export const deleteImportedNeedsAssessmentsInBulk = (db: Db, courseIds: RawBuilder<unknown>): Promise<number> => bulkDelete(db, 'needs_assessment', 'course_id', courseIds, { origin: 'import' });
