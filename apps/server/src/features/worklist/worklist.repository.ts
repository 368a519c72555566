import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { CitizenListRecord } from '../citizens/citizen.mapper.ts';
import type { CourseStepFacts } from '../courses/course-step.rules.ts';

export type OpenCourseRow = CourseStepFacts & {
  courseId: string;
  referralId: string;
  receivedOn: string;
  source: string;
  diagnosisCode: string | null;
  diagnosisTitle: string | null;
  contactPersonId: string | null;
  contactPersonName: string | null;
  citizen: CitizenListRecord;
};

/** Open courses of a home municipality with the facts their step is derived from. */
export async function listOpenCourses(db: Db, municipalityCode: string): Promise<OpenCourseRow[]> {
  const rows = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .leftJoin('diagnosis as d', 'd.code', 'r.diagnosis_code')
    .leftJoin('course_assignment as a', (j) => j.onRef('a.course_id', '=', 'k.id').on('a.ended_at', 'is', null))
    .leftJoin('staff_user as s', 's.id', 'a.staff_user_id')
    .select([
      'k.id as course_id',
      'k.closed_on',
      'r.id as referral_id',
      'r.received_on',
      'r.source',
      'r.diagnosis_code',
      'd.title_da',
      's.id as staff_id',
      's.display_name as staff_name',
      'c.id as citizen_id',
      'c.cpr',
      'c.pseudonym',
      'c.given_name',
      'c.family_name',
      'c.birth_date',
      'c.sex',
      'c.name_address_protected',
      'c.vulnerable',
      sql<string | null>`(select min(x.contacted_on) from course_contact x where x.course_id = k.id and x.reached)`.as('first_contact_on'),
      sql<string | null>`(select min(n.assessed_on) from needs_assessment n where n.course_id = k.id and n.occasion = 'initial')`.as('initial_assessment_on'),
      sql<string | null>`(select min(p.agreed_on) from action_plan p where p.course_id = k.id)`.as('plan_agreed_on'),
      sql<number>`(select count(*)::int from cross_referral x where x.course_id = k.id and x.provider_decision is distinct from 'declined')`.as('interventions'),
      sql<number>`(select count(*)::int from cross_referral x where x.course_id = k.id and x.started_on is not null)`.as('interventions_started'),
      sql<number>`(select count(*)::int from cross_referral x where x.course_id = k.id and x.ended_on is null and x.provider_decision is distinct from 'declined')`.as('interventions_open'),
      sql<string | null>`(select cc.held_on from closing_conversation cc where cc.course_id = k.id)`.as('closing_conversation_on'),
    ])
    .where('r.home_municipality_code', '=', municipalityCode)
    .where('k.closed_on', 'is', null)
    .orderBy('r.received_on')
    .execute();
  return rows.map((r) => ({
    courseId: r.course_id,
    referralId: r.referral_id,
    receivedOn: r.received_on,
    source: r.source,
    diagnosisCode: r.diagnosis_code,
    diagnosisTitle: r.title_da,
    contactPersonId: r.staff_id,
    contactPersonName: r.staff_name,
    closedOn: r.closed_on,
    firstContactOn: r.first_contact_on,
    initialAssessmentOn: r.initial_assessment_on,
    planAgreedOn: r.plan_agreed_on,
    interventions: r.interventions,
    interventionsStarted: r.interventions_started,
    interventionsOpen: r.interventions_open,
    closingConversationOn: r.closing_conversation_on,
    citizen: {
      id: r.citizen_id,
      cpr: r.cpr,
      pseudonym: r.pseudonym,
      givenName: r.given_name,
      familyName: r.family_name,
      birthDate: r.birth_date,
      sex: r.sex as 'F' | 'M',
      protected: r.name_address_protected,
      vulnerable: r.vulnerable,
    },
  }));
}
