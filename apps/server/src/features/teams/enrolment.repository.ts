import { sql } from 'kysely';
import type { AttendanceStatus, EnrolmentEndReason, EnrolmentStatus } from '@samkraft/contracts/teams';
import type { Db } from '../../platform/database/database.ts';

export type CitizenRef = { id: string; cpr: string | null; pseudonym: string | null; givenName: string; familyName: string; birthDate: string; homeMunicipality: string };

const citizenColumns = ['c.id as citizen_id', 'c.cpr', 'c.pseudonym', 'c.given_name', 'c.family_name', 'c.birth_date', 'm.name as home_name'] as const;
type CitizenRow = { citizen_id: string; cpr: string | null; pseudonym: string | null; given_name: string; family_name: string; birth_date: string; home_name: string };
const toCitizen = (r: CitizenRow): CitizenRef => ({
  id: r.citizen_id,
  cpr: r.cpr,
  pseudonym: r.pseudonym,
  givenName: r.given_name,
  familyName: r.family_name,
  birthDate: r.birth_date,
  homeMunicipality: r.home_name,
});

/** The citizen behind a cross-municipal referral, reached only through the referral (course → referral → citizen). */
function referralCitizenQuery(db: Db) {
  return db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .innerJoin('municipality as m', 'm.code', 'c.home_municipality_code');
}

export type ReferralForEnrolment = {
  id: string;
  kind: string;
  offeringId: string | null;
  providerMunicipalityCode: string;
  homeMunicipalityCode: string;
  sent: boolean;
  decision: string | null;
  receivedOn: string;
  startedOn: string | null;
  endedOn: string | null;
  citizen: CitizenRef;
};

export async function findReferralForEnrolment(db: Db, crossReferralId: string): Promise<ReferralForEnrolment | undefined> {
  const r = await referralCitizenQuery(db)
    .select(['x.id', 'x.kind', 'x.offering_id', 'x.provider_municipality_code', 'r.home_municipality_code', 'x.sent_at', 'x.provider_decision', 'x.received_on', 'x.started_on', 'x.ended_on', ...citizenColumns])
    .where('x.id', '=', crossReferralId)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      kind: r.kind,
      offeringId: r.offering_id,
      providerMunicipalityCode: r.provider_municipality_code,
      homeMunicipalityCode: r.home_municipality_code,
      sent: r.sent_at !== null,
      decision: r.provider_decision,
      receivedOn: r.received_on,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      citizen: toCitizen(r),
    }
  );
}

/** Accepted, open referrals to this offering that are not yet on this team. */
export async function listCandidates(db: Db, teamId: string, offeringId: string, providerCode: string): Promise<{ crossReferralId: string; receivedOn: string; citizen: CitizenRef }[]> {
  const rows = await referralCitizenQuery(db)
    .select(['x.id', 'x.received_on', ...citizenColumns])
    .where('x.offering_id', '=', offeringId)
    .where('x.provider_municipality_code', '=', providerCode)
    .where('x.provider_decision', '=', 'accepted')
    .where('x.ended_on', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('enrolment as e').select('e.id').whereRef('e.cross_referral_id', '=', 'x.id').where('e.team_id', '=', teamId))))
    .orderBy('x.received_on')
    .execute();
  return rows.map((r) => ({ crossReferralId: r.id, receivedOn: r.received_on, citizen: toCitizen(r) }));
}

export async function countEnrolled(db: Db, teamId: string): Promise<number> {
  const r = await db.selectFrom('enrolment').select(sql<number>`count(*)::int`.as('n')).where('team_id', '=', teamId).where('status', '=', 'enrolled').executeTakeFirstOrThrow();
  return r.n;
}

export async function insertEnrolment(
  db: Db,
  e: { teamId: string; crossReferralId: string; status: 'enrolled' | 'waiting'; startOn: string | null; quota: number; now: Date },
): Promise<string | null> {
  const r = await db
    .insertInto('enrolment')
    .values({ team_id: e.teamId, cross_referral_id: e.crossReferralId, status: e.status, start_on: e.startOn, quota: e.quota, waiting_since: e.status === 'waiting' ? e.now : null })
    .onConflict((oc) => oc.columns(['team_id', 'cross_referral_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** The waiting list, longest-waiting first. */
export async function listWaiting(db: Db, teamId: string, limit: number): Promise<{ id: string; crossReferralId: string; citizenId: string; receivedOn: string }[]> {
  if (limit <= 0) return [];
  const rows = await referralCitizenQuery(db)
    .innerJoin('enrolment as e', 'e.cross_referral_id', 'x.id')
    .select(['e.id', 'x.id as cross_referral_id', 'c.id as citizen_id', 'x.received_on'])
    .where('e.team_id', '=', teamId)
    .where('e.status', '=', 'waiting')
    .orderBy('e.waiting_since')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, crossReferralId: r.cross_referral_id, citizenId: r.citizen_id, receivedOn: r.received_on }));
}

/** When the last session that used the citizen's quota (attended or no-show) began. */
export async function lastUsedSessionAt(db: Db, enrolmentId: string): Promise<Date | null> {
  const r = await db
    .selectFrom('attendance as a')
    .innerJoin('team_session as s', 's.id', 'a.team_session_id')
    .select(sql<Date | null>`max(s.starts_at)`.as('at'))
    .where('a.enrolment_id', '=', enrolmentId)
    .where('a.status', 'in', ['attended', 'no_show'])
    .executeTakeFirst();
  return r?.at ? new Date(r.at) : null;
}

export type EnrolmentRecord = {
  id: string;
  teamId: string;
  crossReferralId: string;
  status: EnrolmentStatus;
  waitingSince: Date | null;
  startOn: string | null;
  quota: number;
  endedOn: string | null;
  endReason: EnrolmentEndReason | null;
  citizen: CitizenRef;
  statuses: AttendanceStatus[];
};

function enrolmentQuery(db: Db) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('cross_referral as x', 'x.id', 'e.cross_referral_id')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .innerJoin('municipality as m', 'm.code', 'c.home_municipality_code')
    .select(['e.id', 'e.team_id', 'e.cross_referral_id', 'e.status', 'e.waiting_since', 'e.start_on', 'e.quota', 'e.ended_on', 'e.end_reason', ...citizenColumns])
    .select((eb) =>
      eb
        .selectFrom('attendance as a')
        .whereRef('a.enrolment_id', '=', 'e.id')
        .select(sql<AttendanceStatus[]>`coalesce(array_agg(a.status::text), '{}')`.as('s'))
        .as('statuses'),
    );
}

type EnrolmentRow = {
  id: string;
  team_id: string;
  cross_referral_id: string;
  status: EnrolmentStatus;
  waiting_since: Date | null;
  start_on: string | null;
  quota: number;
  ended_on: string | null;
  end_reason: EnrolmentEndReason | null;
  statuses: AttendanceStatus[] | null;
} & CitizenRow;

const toEnrolment = (r: EnrolmentRow): EnrolmentRecord => ({
  id: r.id,
  teamId: r.team_id,
  crossReferralId: r.cross_referral_id,
  status: r.status,
  waitingSince: r.waiting_since === null ? null : new Date(r.waiting_since),
  startOn: r.start_on,
  quota: r.quota,
  endedOn: r.ended_on,
  endReason: r.end_reason,
  citizen: toCitizen(r),
  statuses: r.statuses ?? [],
});

export async function listEnrolments(db: Db, teamId: string): Promise<EnrolmentRecord[]> {
  const rows = await enrolmentQuery(db).where('e.team_id', '=', teamId).orderBy('e.created_at').orderBy('e.id').execute();
  return rows.map(toEnrolment);
}

/** The enrolments of one cross-municipal referral (one per team it joined), oldest first. */
export async function listEnrolmentsOfReferral(db: Db, crossReferralId: string): Promise<EnrolmentRecord[]> {
  const rows = await enrolmentQuery(db).where('e.cross_referral_id', '=', crossReferralId).orderBy('e.created_at').orderBy('e.id').execute();
  return rows.map(toEnrolment);
}

export async function findEnrolment(db: Db, enrolmentId: string): Promise<EnrolmentRecord | undefined> {
  const r = await enrolmentQuery(db).where('e.id', '=', enrolmentId).executeTakeFirst();
  return r && toEnrolment(r);
}

export async function endEnrolment(db: Db, enrolmentId: string, endedOn: string, endReason: EnrolmentEndReason): Promise<void> {
  await db.updateTable('enrolment').set({ status: 'ended', ended_on: endedOn, end_reason: endReason }).where('id', '=', enrolmentId).execute();
}

export async function admitEnrolment(db: Db, enrolmentId: string, startOn: string): Promise<void> {
  await db.updateTable('enrolment').set({ status: 'enrolled', start_on: startOn }).where('id', '=', enrolmentId).where('status', '=', 'waiting').execute();
}
