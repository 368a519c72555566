import { sql } from 'kysely';
import { courseStepFactColumns, toStepFacts } from './course-step.repository.ts';
import type { Db } from '../../platform/database/database.ts';
import type { CourseStepFacts } from './course-step.rules.ts';

export type CourseOverviewRecord = CourseStepFacts & {
  id: string;
  referralId: string;
  openedOn: string;
  closeReason: string | null;
  municipality: { code: string; name: string };
  citizen: {
    id: string;
    cpr: string | null;
    pseudonym: string | null;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: 'F' | 'M';
    protected: boolean;
    vulnerable: boolean;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    phone: string | null;
    deceasedOn: string | null;
  };
  referral: {
    receivedOn: string;
    source: string;
    legalBasis: string | null;
    organisation: { id: string; name: string } | null;
    referringText: string | null;
    diagnosis: { code: string; title: string; uncertain: boolean } | null;
    treatmentStatus: string | null;
    treatmentStartedOn: string | null;
    treatmentEndedOn: string | null;
    dischargedOn: string | null;
    planClinicalStartOn: string | null;
    targetGroup: string | null;
    targetGroupReasons: string[];
    targetGroupJustification: string | null;
    linkedReferralId: string | null;
  };
};

export async function loadCourseOverview(db: Db, courseId: string): Promise<CourseOverviewRecord | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .innerJoin('municipality as m', 'm.code', 'r.home_municipality_code')
    .leftJoin('diagnosis as d', 'd.code', 'r.diagnosis_code')
    .leftJoin('organisation as o', 'o.id', 'r.referring_organisation_id')
    .select([
      'k.id',
      'k.opened_on',
      'k.closed_on',
      'k.close_reason',
      'r.id as referral_id',
      'r.received_on',
      'r.source',
      'r.legal_basis',
      'r.referring_text',
      'r.treatment_status',
      'r.treatment_started_on',
      'r.treatment_ended_on',
      'r.discharged_on',
      'r.plan_clinical_start_on',
      'r.target_group',
      'r.target_group_reasons',
      'r.target_group_justification',
      'r.linked_referral_id',
      'm.code as m_code',
      'm.name as m_name',
      'd.code as d_code',
      'd.title_da',
      'd.uncertain',
      'o.id as o_id',
      'o.name as o_name',
      'c.id as c_id',
      'c.cpr',
      'c.pseudonym',
      'c.given_name',
      'c.family_name',
      'c.birth_date',
      'c.sex',
      'c.name_address_protected',
      'c.vulnerable',
      'c.address_line',
      'c.postal_code',
      'c.city',
      'c.phone',
      'c.deceased_on',
      ...courseStepFactColumns(),
    ])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    referralId: r.referral_id,
    openedOn: r.opened_on,
    closeReason: r.close_reason,
    ...toStepFacts(r),
    municipality: { code: r.m_code, name: r.m_name },
    citizen: {
      id: r.c_id,
      cpr: r.cpr,
      pseudonym: r.pseudonym,
      givenName: r.given_name,
      familyName: r.family_name,
      birthDate: r.birth_date,
      sex: r.sex as 'F' | 'M',
      protected: r.name_address_protected,
      vulnerable: r.vulnerable,
      addressLine: r.address_line,
      postalCode: r.postal_code,
      city: r.city,
      phone: r.phone,
      deceasedOn: r.deceased_on,
    },
    referral: {
      receivedOn: r.received_on,
      source: r.source,
      legalBasis: r.legal_basis,
      organisation: r.o_id ? { id: r.o_id, name: r.o_name ?? '' } : null,
      referringText: r.referring_text,
      diagnosis: r.d_code ? { code: r.d_code, title: r.title_da ?? r.d_code, uncertain: r.uncertain ?? false } : null,
      treatmentStatus: r.treatment_status,
      treatmentStartedOn: r.treatment_started_on,
      treatmentEndedOn: r.treatment_ended_on,
      dischargedOn: r.discharged_on,
      planClinicalStartOn: r.plan_clinical_start_on,
      targetGroup: r.target_group,
      targetGroupReasons: r.target_group_reasons ?? [],
      targetGroupJustification: r.target_group_justification,
      linkedReferralId: r.linked_referral_id,
    },
  };
}

export async function listAssignments(db: Db, courseId: string) {
  return db
    .selectFrom('course_assignment as a')
    .innerJoin('staff_user as s', 's.id', 'a.staff_user_id')
    .leftJoin('staff_user as b', 'b.id', 'a.assigned_by')
    .select(['a.staff_user_id', 's.display_name', 's.profession', 'a.assigned_at', 'a.assigned_by', 'b.display_name as by_name', 'a.ended_at', 'a.reason'])
    .where('a.course_id', '=', courseId)
    // The current assignment first; the clock may give old and new the same instant.
    .orderBy(sql`(a.ended_at is null)`, 'desc')
    .orderBy('a.assigned_at', 'desc')
    .orderBy('a.ended_at', 'desc')
    .execute();
}

export async function listContacts(db: Db, courseId: string) {
  return db
    .selectFrom('course_contact as x')
    .leftJoin('staff_user as s', 's.id', 'x.recorded_by')
    .select(['x.id', 'x.contacted_on', 'x.channel', 'x.reached', 'x.agreed_assessment_at', 'x.preparation_form_sent_on', 'x.note', 'x.recorded_by', 's.display_name'])
    .where('x.course_id', '=', courseId)
    .orderBy('x.contacted_on', 'desc')
    .orderBy('x.recorded_at', 'desc')
    .execute();
}

/** Referrals of the same home municipality linked to this one, or this one linked to. */
export async function listLinkedReferrals(db: Db, referralId: string, linkedReferralId: string | null) {
  return db
    .selectFrom('referral as r')
    .leftJoin('course as k', 'k.referral_id', 'r.id')
    .select(['r.id', 'k.id as course_id', 'r.received_on', 'k.closed_on'])
    .select(sql<'links_to' | 'linked_from'>`case when r.id = ${linkedReferralId} then 'links_to' else 'linked_from' end`.as('direction'))
    .where((eb) => eb.or([eb('r.linked_referral_id', '=', referralId), ...(linkedReferralId ? [eb('r.id', '=', linkedReferralId)] : [])]))
    .orderBy('r.received_on')
    .execute();
}

export async function listAssignableContactPersons(db: Db, municipalityCode: string) {
  return db
    .selectFrom('staff_user as s')
    .innerJoin('staff_role as sr', 'sr.staff_user_id', 's.id')
    .select(['s.id', 's.display_name'])
    .where('s.municipality_code', '=', municipalityCode)
    .where('s.active', '=', true)
    .where('sr.role', '=', 'contact_person')
    .orderBy('s.display_name')
    .execute();
}
