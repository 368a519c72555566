import { sql } from 'kysely';
import type { AttendanceCanceller, CitizenCancelReason } from '@samkraft/contracts/attendance-cancellation';
import type { AttendanceStatus, EnrolmentStatus, SessionKind } from '@samkraft/contracts/teams';
import type { Db } from '../../platform/database/database.ts';

export type AppointmentRecord = {
  sessionId: string;
  enrolmentId: string;
  enrolment: { status: EnrolmentStatus; startOn: string | null; endedOn: string | null };
  startsAt: Date;
  durationMinutes: number;
  kind: SessionKind;
  cancelled: boolean;
  room: string | null;
  teamName: string;
  cutoffHours: number;
  interventionName: string;
  placeName: string | null;
  address: string | null;
  municipality: string;
  mark: AttendanceStatus | null;
  cancelledBy: AttendanceCanceller | null;
  cancelReasonCode: CitizenCancelReason | null;
};

type Row = {
  session_id: string;
  enrolment_id: string;
  enrolment_status: EnrolmentStatus;
  start_on: string | null;
  ended_on: string | null;
  starts_at: Date | string;
  duration_minutes: number;
  kind: SessionKind;
  cancelled: boolean;
  room: string | null;
  team_name: string;
  cutoff_hours: number;
  intervention_name: string;
  place_name: string | null;
  address: string | null;
  municipality: string;
  mark: AttendanceStatus | null;
  cancelled_by: AttendanceCanceller | null;
  cancel_reason_code: CitizenCancelReason | null;
};

/**
 * The citizen's team sessions in a window of time: every session of a team the citizen is
 * enrolled in (or waiting for with a start date) within their enrolment's dates, or marked for
 * them — in one statement, from the citizen's referrals down (referral_citizen_idx, the foreign
 * keys' indexes, team_session's (team_id, starts_at) key). With `sessionId`, only that session.
 */
export async function listAppointments(db: Db, citizenId: string, window: { from: Date; to: Date }, sessionId?: string): Promise<AppointmentRecord[]> {
  const onlySession = sessionId === undefined ? sql`` : sql`and s.id = ${sessionId}`;
  const r = await sql<Row>`
    with mine as (
      select e.id as enrolment_id, e.team_id, e.status, e.start_on, e.ended_on
        from referral r
        join course k on k.referral_id = r.id
        join cross_referral x on x.course_id = k.id
        join enrolment e on e.cross_referral_id = x.id
       where r.citizen_id = ${citizenId}
         and (e.status <> 'waiting' or e.start_on is not null)
    )
    select s.id as session_id, m.enrolment_id, m.status as enrolment_status, m.start_on::text as start_on, m.ended_on::text as ended_on,
           s.starts_at, s.duration_minutes, s.kind, s.cancelled, coalesce(s.room, t.room) as room,
           t.name as team_name, t.citizen_cancel_cutoff_hours as cutoff_hours,
           i.name_da as intervention_name, o.place_name, o.address, hm.name as municipality,
           a.status as mark, a.cancelled_by, a.cancel_reason_code
      from mine m
      join team t on t.id = m.team_id
      join offering o on o.id = t.offering_id
      join intervention i on i.code = o.intervention_code
      join municipality hm on hm.code = o.host_municipality_code
      join team_session s on s.team_id = m.team_id and s.starts_at >= ${window.from} and s.starts_at < ${window.to} ${onlySession}
      left join attendance a on a.team_session_id = s.id and a.enrolment_id = m.enrolment_id
     where a.enrolment_id is not null
        or (m.start_on is not null
            and (s.starts_at at time zone 'Europe/Copenhagen')::date >= m.start_on
            and (m.ended_on is null or (s.starts_at at time zone 'Europe/Copenhagen')::date <= m.ended_on))
     order by s.starts_at, s.id, m.enrolment_id`.execute(db);
  return r.rows.map((x) => ({
    sessionId: x.session_id,
    enrolmentId: x.enrolment_id,
    enrolment: { status: x.enrolment_status, startOn: x.start_on, endedOn: x.ended_on },
    startsAt: new Date(x.starts_at),
    durationMinutes: x.duration_minutes,
    kind: x.kind,
    cancelled: x.cancelled,
    room: x.room,
    teamName: x.team_name,
    cutoffHours: x.cutoff_hours,
    interventionName: x.intervention_name,
    placeName: x.place_name,
    address: x.address,
    municipality: x.municipality,
    mark: x.mark,
    cancelledBy: x.cancelled_by,
    cancelReasonCode: x.cancel_reason_code,
  }));
}
