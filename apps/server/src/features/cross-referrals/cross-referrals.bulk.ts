import type { RawBuilder } from 'kysely';
import { bulkDelete, bulkInserter } from '../../platform/database/bulk-write.ts';
import type { Db } from '../../platform/database/database.ts';

/*
 * The cross-referrals feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** cross_referral rows from demo, extracts, scale-data. */
export const insertCrossReferralsInBulk = bulkInserter('cross_referral', [
  'attendances_recorded',
  'consent_on',
  'course_id',
  'created_at',
  'deeper_assessment_on',
  'end_reason',
  'ended_on',
  'id',
  'intervention_code',
  'kind',
  'offering_id',
  'origin',
  'parallel_home_reason',
  'provider_contact_on',
  'provider_decision',
  'provider_decision_reason',
  'provider_municipality_code',
  'received_on',
  'sent_at',
  'sent_by',
  'shared_snapshot',
  'started_on',
]);

/** decline rows from demo, extracts, scale-data. */
export const insertDeclinesInBulk = bulkInserter('decline', [
  'course_id',
  'cross_referral_id',
  'declined_on',
  'id',
  'note',
  'origin',
  'reason',
  'recorded_at',
  'recorded_by',
]);

/** The imported decline rows of the courses `courseIds` (a query of ids), from extracts. */
export const deleteImportedDeclinesInBulk = (db: Db, courseIds: RawBuilder<unknown>): Promise<number> => bulkDelete(db, 'decline', 'course_id', courseIds, { origin: 'import' });

/** The imported cross_referral rows of the courses `courseIds` (a query of ids), from extracts. */
export const deleteImportedCrossReferralsInBulk = (db: Db, courseIds: RawBuilder<unknown>): Promise<number> => bulkDelete(db, 'cross_referral', 'course_id', courseIds, { origin: 'import' });
