import { sql } from 'kysely';
import type { AttendanceCanceller, CitizenCancelReason } from '@samkraft/contracts/attendance-cancellation';
import type { AttendanceStatus } from '@samkraft/contracts/teams';
import type { Db } from '../../platform/database/database.ts';

export type SessionMark = { status: AttendanceStatus; cancelReason: string | null; cancelledBy: AttendanceCanceller | null; cancelReasonCode: CitizenCancelReason | null };

export async function listSessionMarks(db: Db, sessionId: string): Promise<Map<string, SessionMark>> {
  const rows = await db.selectFrom('attendance').select(['enrolment_id', 'status', 'cancel_reason', 'cancelled_by', 'cancel_reason_code']).where('team_session_id', '=', sessionId).execute();
  return new Map(rows.map((r) => [r.enrolment_id, { status: r.status, cancelReason: r.cancel_reason, cancelledBy: r.cancelled_by, cancelReasonCode: r.cancel_reason_code }]));
}

/** One participant's marks, by session. */
export async function listEnrolmentMarks(db: Db, enrolmentId: string): Promise<Map<string, { status: AttendanceStatus; cancelReason: string | null }>> {
  const rows = await db.selectFrom('attendance').select(['team_session_id', 'status', 'cancel_reason']).where('enrolment_id', '=', enrolmentId).execute();
  return new Map(rows.map((r) => [r.team_session_id, { status: r.status, cancelReason: r.cancel_reason }]));
}

/** Records (or corrects) one participant's mark for one session. */
export async function upsertAttendance(
  db: Db,
  a: {
    sessionId: string;
    enrolmentId: string;
    teamId: string;
    status: AttendanceStatus;
    cancelReason: string | null;
    cancelledBy: AttendanceCanceller | null;
    cancelReasonCode: CitizenCancelReason | null;
    recordedBy: string | null;
    at: Date;
  },
): Promise<void> {
  const values = { status: a.status, cancel_reason: a.cancelReason, cancelled_by: a.cancelledBy, cancel_reason_code: a.cancelReasonCode, recorded_by: a.recordedBy, recorded_at: a.at };
  await db
    .insertInto('attendance')
    .values({ team_session_id: a.sessionId, enrolment_id: a.enrolmentId, team_id: a.teamId, ...values })
    .onConflict((oc) => oc.columns(['team_session_id', 'enrolment_id']).doUpdateSet(values))
    .execute();
}

export async function listEnrolmentStatuses(db: Db, enrolmentId: string): Promise<AttendanceStatus[]> {
  const rows = await db.selectFrom('attendance').select('status').where('enrolment_id', '=', enrolmentId).execute();
  return rows.map((r) => r.status);
}

/** Per enrolment of the team: the sessions used (attended or no-show) before the given instant. */
export async function usedBefore(db: Db, teamId: string, before: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('attendance as a')
    .innerJoin('team_session as s', 's.id', 'a.team_session_id')
    .select(['a.enrolment_id', sql<number>`count(*)::int`.as('n')])
    .where('a.team_id', '=', teamId)
    .where('a.status', 'in', ['attended', 'no_show'])
    .where('s.starts_at', '<', before)
    .groupBy('a.enrolment_id')
    .execute();
  return new Map(rows.map((r) => [r.enrolment_id, r.n]));
}
