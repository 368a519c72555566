import { sql, type InferResult } from 'kysely';
import type { AuditInsert } from '../../platform/audit/audit.ts';
import { courseStepFactColumns, toStepFacts } from './course-step.repository.ts';
import type { Db } from '../../platform/database/database.ts';
import type { CourseStepFacts } from './course-step.rules.ts';
import type { ContactChannel, CourseCloseReason } from '@samkraft/contracts/courses';
import type { LegalBasis, ReferralSource, TargetGroup, TreatmentStatus } from '@samkraft/contracts/referrals';

export type CourseOverviewRecord = CourseStepFacts & {
  id: string;
  referralId: string;
  openedOn: string;
  closeReason: CourseCloseReason | null;
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
    source: ReferralSource;
    legalBasis: LegalBasis | null;
    organisation: { id: string; name: string } | null;
    referringText: string | null;
    diagnosis: { code: string; title: string; uncertain: boolean } | null;
    treatmentStatus: TreatmentStatus | null;
    treatmentStartedOn: string | null;
    treatmentEndedOn: string | null;
    dischargedOn: string | null;
    planClinicalStartOn: string | null;
    targetGroup: TargetGroup | null;
    targetGroupReasons: string[];
    targetGroupJustification: string | null;
    linkedReferralId: string | null;
  };
};

export type AssignmentRecord = {
  staff_user_id: string;
  display_name: string;
  profession: string;
  assigned_at: Date;
  assigned_by: string | null;
  by_name: string | null;
  ended_at: Date | null;
  reason: string | null;
};

export type ContactRecord = {
  id: string;
  contacted_on: string;
  channel: ContactChannel | null;
  reached: boolean;
  agreed_assessment_at: Date | null;
  preparation_form_sent_on: string | null;
  note: string | null;
  recorded_by: string | null;
  display_name: string | null;
};

export type LinkedReferralRecord = { id: string; course_id: string | null; received_on: string; closed_on: string | null; direction: 'links_to' | 'linked_from' };

/** The course with its assignment history, its contacts and its linked referrals. */
export type CoursePageRecord = CourseOverviewRecord & { assignments: AssignmentRecord[]; contacts: ContactRecord[]; linkedReferrals: LinkedReferralRecord[] };

type Json<T, Instants extends keyof T> = Omit<T, Instants> & { [K in Instants]: string | (null extends T[K] ? null : never) };

const instant = (v: string): Date => new Date(v);
const maybeInstant = (v: string | null): Date | null => (v === null ? null : new Date(v));

/**
 * The course page in one statement: the course, its citizen and referral, and — as JSON arrays of
 * this one course's rows — the assignments (current first), the contacts (newest first) and the
 * linked referrals; with `auditRead`, the read's audit event is written in that statement too.
 */
export async function loadCourseOverview(db: Db, courseId: string, auditRead?: AuditInsert): Promise<CoursePageRecord | undefined> {
  const query = db
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
      sql<Json<AssignmentRecord, 'assigned_at' | 'ended_at'>[]>`coalesce((
        select json_agg(json_build_object('staff_user_id', a.staff_user_id, 'display_name', s.display_name, 'profession', s.profession,
            'assigned_at', a.assigned_at, 'assigned_by', a.assigned_by, 'by_name', b.display_name, 'ended_at', a.ended_at, 'reason', a.reason)
          -- The current assignment first; the clock may give old and new the same instant.
          order by (a.ended_at is null) desc, a.assigned_at desc, a.ended_at desc)
        from course_assignment a
        join staff_user s on s.id = a.staff_user_id
        left join staff_user b on b.id = a.assigned_by
        where a.course_id = k.id), '[]')`.as('assignments'),
      sql<Json<ContactRecord, 'agreed_assessment_at'>[]>`coalesce((
        select json_agg(json_build_object('id', x.id, 'contacted_on', x.contacted_on, 'channel', x.channel, 'reached', x.reached,
            'agreed_assessment_at', x.agreed_assessment_at, 'preparation_form_sent_on', x.preparation_form_sent_on, 'note', x.note,
            'recorded_by', x.recorded_by, 'display_name', s.display_name)
          order by x.contacted_on desc, x.recorded_at desc)
        from course_contact x
        left join staff_user s on s.id = x.recorded_by
        where x.course_id = k.id), '[]')`.as('contacts'),
      // Referrals of the same home municipality linked to this one, or this one linked to.
      sql<LinkedReferralRecord[]>`coalesce((
        select json_agg(json_build_object('id', l.id, 'course_id', lk.id, 'received_on', l.received_on, 'closed_on', lk.closed_on,
            'direction', case when l.id = r.linked_referral_id then 'links_to' else 'linked_from' end)
          order by l.received_on)
        from referral l
        left join course lk on lk.referral_id = l.id
        where l.linked_referral_id = r.id or l.id = r.linked_referral_id), '[]')`.as('linked'),
    ])
    .where('k.id', '=', courseId);
  // Audited in the same statement: the course's event is written when, and only when, it is read.
  const r = auditRead
    ? (
        await sql<InferResult<typeof query>[number]>`with audited as (${auditRead(sql`select k.id::text as entity_id, r.citizen_id
            from course k join referral r on r.id = k.referral_id where k.id = ${courseId}`)} returning 1)
          ${query}`.execute(db)
      ).rows[0]
    : await query.executeTakeFirst();
  if (!r) return undefined;
  return {
    assignments: r.assignments.map((a) => ({ ...a, assigned_at: instant(a.assigned_at), ended_at: maybeInstant(a.ended_at) })),
    contacts: r.contacts.map((c) => ({ ...c, agreed_assessment_at: maybeInstant(c.agreed_assessment_at) })),
    linkedReferrals: r.linked,
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
      sex: r.sex,
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
