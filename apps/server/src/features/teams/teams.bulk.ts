import { bulkInserter } from '../../platform/database/bulk-write.ts';

/*
 * The teams feature's tables as the bulk loaders write them: set-based, one statement a call,
 * in the loader's transaction (platform/database/bulk-write.ts). Each list is the columns a loader
 * may set. Nothing outside this feature writes these tables (platform/database/table-owners.ts).
 */

/** attendance rows from demo, scale-data. */
export const insertAttendancesInBulk = bulkInserter('attendance', [
  'cancel_reason',
  'enrolment_id',
  'recorded_at',
  'recorded_by',
  'status',
  'team_id',
  'team_session_id',
]);

/** enrolment rows from demo, scale-data. */
export const insertEnrolmentsInBulk = bulkInserter('enrolment', [
  'created_at',
  'cross_referral_id',
  'end_reason',
  'ended_on',
  'id',
  'quota',
  'start_on',
  'status',
  'team_id',
  'waiting_since',
]);

/** team rows from demo, scale-data. */
export const insertTeamsInBulk = bulkInserter('team', [
  'capacity',
  'created_at',
  'ends_on',
  'id',
  'mode',
  'name',
  'offering_id',
  'room',
  'session_quota',
  'starts_on',
]);

/** team_schedule rows from demo, scale-data. */
export const insertTeamSchedulesInBulk = bulkInserter('team_schedule', ['duration_minutes', 'room', 'start_time', 'team_id', 'weekday']);

/** team_session rows from demo, scale-data. */
export const insertTeamSessionsInBulk = bulkInserter('team_session', [
  'cancel_reason',
  'cancelled',
  'cancelled_at',
  'cancelled_by',
  'duration_minutes',
  'id',
  'kind',
  'room',
  'starts_at',
  'team_id',
]);
