import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The provider-inbox feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** deeper_assessment rows from demo. */
export const insertDeeperAssessmentsInBulk = bulkInserter('deeper_assessment', [
  'assessed_on',
  'cross_referral_id',
  'findings',
  'id',
  'profession',
  'recorded_at',
  'recorded_by',
]);

/** deeper_assessment_test rows from demo. */
export const insertDeeperAssessmentTestsInBulk = bulkInserter('deeper_assessment_test', [
  'correction_reason',
  'deeper_assessment_id',
  'note',
  'recorded_at',
  'recorded_by',
  'test_code',
  'unit',
  'value',
  'version',
]);

/** provider_goal rows from demo. */
export const insertProviderGoalsInBulk = bulkInserter('provider_goal', ['cross_referral_id', 'description', 'id', 'set_on', 'status']);
