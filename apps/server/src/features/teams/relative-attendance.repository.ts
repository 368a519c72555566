import type { RelativeRelation } from '@samkraft/contracts/relatives';
import type { Db } from '../../platform/database/database.ts';

export type SessionRelativeRecord = {
  relativeId: string;
  enrolmentId: string;
  citizenId: string;
  name: string;
  relation: RelativeRelation;
  startsOn: string;
  endsOn: string | null;
  attended: boolean;
};

/**
 * The relatives a providing municipality may see on one session of its team: those of the team's
 * participants whose cross-municipal referral was sent to it, and only with the citizen's consent
 * to share the relative's name with the providing municipality — taking part on the session's day
 * or already marked for it. One statement for the whole session.
 */
export async function listSessionRelatives(db: Db, s: { sessionId: string; teamId: string; date: string }): Promise<SessionRelativeRecord[]> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('cross_referral as x', 'x.id', 'e.cross_referral_id')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('course_relative as cr', 'cr.course_id', 'x.course_id')
    .leftJoin('relative_attendance as ra', (j) => j.onRef('ra.course_relative_id', '=', 'cr.id').on('ra.team_session_id', '=', s.sessionId))
    .select(['cr.id as relative_id', 'e.id as enrolment_id', 'r.citizen_id', 'cr.name', 'cr.relation', 'cr.starts_on', 'cr.ends_on', 'ra.course_relative_id as marked'])
    .where('e.team_id', '=', s.teamId)
    .where('x.sent_at', 'is not', null)
    .where('cr.consent_to_share_with_provider', '=', true)
    .where((eb) =>
      eb.or([
        eb('ra.course_relative_id', 'is not', null),
        eb.and([eb('cr.starts_on', '<=', s.date), eb.or([eb('cr.ends_on', 'is', null), eb('cr.ends_on', '>=', s.date)])]),
      ]),
    )
    .orderBy('cr.name')
    .orderBy('cr.id')
    .execute();
  return rows.map((r) => ({
    relativeId: r.relative_id,
    enrolmentId: r.enrolment_id,
    citizenId: r.citizen_id,
    name: r.name,
    relation: r.relation,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    attended: r.marked !== null,
  }));
}

export async function insertRelativeAttendance(db: Db, a: { sessionId: string; relativeId: string; enrolmentId: string; teamId: string; recordedBy: string | null; at: Date }): Promise<void> {
  await db
    .insertInto('relative_attendance')
    .values({ team_session_id: a.sessionId, course_relative_id: a.relativeId, enrolment_id: a.enrolmentId, team_id: a.teamId, recorded_by: a.recordedBy, recorded_at: a.at })
    .onConflict((oc) => oc.columns(['team_session_id', 'course_relative_id']).doNothing())
    .execute();
}

export async function deleteRelativeAttendance(db: Db, sessionId: string, relativeId: string): Promise<void> {
  await db.deleteFrom('relative_attendance').where('team_session_id', '=', sessionId).where('course_relative_id', '=', relativeId).execute();
}
