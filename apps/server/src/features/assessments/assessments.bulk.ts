import { bulkInserter } from '../../platform/database/bulk-write.ts';

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
