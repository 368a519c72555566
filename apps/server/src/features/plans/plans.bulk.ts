import type { RawBuilder } from 'kysely';
import { bulkDelete, bulkInserter } from '../../platform/database/bulk-write.ts';
import type { Db } from '../../platform/database/database.ts';

/*
 * The plans feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** action_plan rows from demo, extracts, scale-data. */
export const insertActionPlansInBulk = bulkInserter('action_plan', [
  'agreed_on',
  'course_id',
  'created_at',
  'created_by',
  'difficulties_and_needs',
  'evaluation_by',
  'evaluation_on',
  'first_follow_up_on',
  'id',
  'location',
  'origin',
  'other_administrations',
  'purpose_and_content',
  'return_to_work',
  'revision_reason',
  'version',
]);

/** action_plan_responsibility rows from demo. */
export const insertActionPlanResponsibilitiesInBulk = bulkInserter('action_plan_responsibility', ['action_plan_id', 'id', 'ordinal', 'part', 'responsible']);

/** plan_goal rows from demo. */
export const insertPlanGoalsInBulk = bulkInserter('plan_goal', ['action_plan_id', 'description', 'id', 'ordinal', 'status', 'target_on']);

/** The imported action_plan rows of the courses `courseIds` (a query of ids), from extracts. */
export const deleteImportedActionPlansInBulk = (db: Db, courseIds: RawBuilder<unknown>): Promise<number> => bulkDelete(db, 'action_plan', 'course_id', courseIds, { origin: 'import' });
