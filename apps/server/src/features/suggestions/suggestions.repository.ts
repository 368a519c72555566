import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { AssessmentArea } from './eligibility.rules.ts';

export type CourseCitizenFacts = { sex: 'F' | 'M'; birthDate: string; diagnosisCode: string | null; treatmentStatus: string | null; homeMunicipalityCode: string };

export async function findCourseCitizenFacts(db: Db, courseId: string): Promise<CourseCitizenFacts | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .select(['c.sex', 'c.birth_date', 'r.diagnosis_code', 'r.treatment_status', 'r.home_municipality_code'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return (
    r && {
      sex: r.sex,
      birthDate: r.birth_date,
      diagnosisCode: r.diagnosis_code,
      treatmentStatus: r.treatment_status,
      homeMunicipalityCode: r.home_municipality_code,
    }
  );
}

/** The problem areas of the course's latest needs assessment (initial, change or end). */
export async function findLatestAssessmentAreas(db: Db, courseId: string): Promise<{ assessedOn: string; areas: AssessmentArea[] } | undefined> {
  const a = await db
    .selectFrom('needs_assessment')
    .select(['id', 'assessed_on'])
    .where('course_id', '=', courseId)
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  if (!a) return undefined;
  const rows = await db
    .selectFrom('needs_assessment_problem as p')
    .innerJoin('assessment_item as i', 'i.code', 'p.item_code')
    .select('i.area')
    .distinct()
    .where('p.needs_assessment_id', '=', a.id)
    .orderBy('i.area')
    .execute();
  return { assessedOn: a.assessed_on, areas: rows.map((r) => r.area) };
}

export type InterventionTargetRecord = {
  code: string;
  nameDa: string;
  nameEn: string;
  category: string;
  targetTextDa: string | null;
  sex: 'F' | 'M' | null;
  minAge: number | null;
  maxAge: number | null;
  diagnoses: string[] | null;
  treatmentStatuses: string[] | null;
  dose: { sessions: number; perWeek: number | null }[];
};

export async function listActiveInterventionTargets(db: Db): Promise<InterventionTargetRecord[]> {
  const rows = await db
    .selectFrom('intervention as i')
    .select([
      'i.code',
      'i.name_da',
      'i.name_en',
      'i.category',
      'i.target_text_da',
      'i.target_sex',
      'i.target_min_age',
      'i.target_max_age',
      'i.target_diagnoses',
      'i.target_treatment',
      sql<{ sessions: number; perWeek: number | string | null }[]>`coalesce((select json_agg(json_build_object('sessions', d.sessions, 'perWeek', d.per_week)) from intervention_dose_part d where d.intervention_code = i.code), '[]'::json)`.as('dose'),
    ])
    .where('i.active', '=', true)
    .orderBy('i.name_da')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    nameDa: r.name_da,
    nameEn: r.name_en,
    category: r.category,
    targetTextDa: r.target_text_da,
    sex: r.target_sex,
    minAge: r.target_min_age,
    maxAge: r.target_max_age,
    diagnoses: r.target_diagnoses,
    treatmentStatuses: r.target_treatment,
    dose: r.dose.map((d) => ({ sessions: d.sessions, perWeek: d.perWeek === null ? null : Number(d.perWeek) })),
  }));
}

export type RoutedOfferingRecord = {
  interventionCode: string;
  offeringId: string;
  hostCode: string;
  hostName: string;
  placeName: string;
  address: string | null;
  capacity: number;
  inferred: boolean;
  routingNote: string | null;
  enrolled: number;
  waiting: number;
  nextSessionAt: Date | null;
};

/**
 * The offerings routed to a home municipality on `today` (routing and offering both valid),
 * with the offering's enrolled and waiting citizens and its next team session.
 */
export async function listRoutedOfferings(db: Db, homeMunicipalityCode: string, today: string, now: Date): Promise<RoutedOfferingRecord[]> {
  const rows = await db
    .selectFrom('routing as rt')
    .innerJoin('offering as o', 'o.id', 'rt.offering_id')
    .innerJoin('municipality as m', 'm.code', 'o.host_municipality_code')
    .select([
      'rt.intervention_code',
      'o.id',
      'm.code',
      'm.name',
      'o.place_name',
      'o.address',
      'o.capacity',
      'rt.inferred',
      'rt.note',
      sql<string>`(select count(*) from enrolment e join team t on t.id = e.team_id where t.offering_id = o.id and e.status = 'enrolled')`.as('enrolled'),
      sql<string>`(select count(*) from enrolment e join team t on t.id = e.team_id where t.offering_id = o.id and e.status = 'waiting')`.as('waiting'),
      sql<Date | null>`(select min(s.starts_at) from team_session s join team t on t.id = s.team_id where t.offering_id = o.id and not s.cancelled and s.starts_at >= ${now})`.as('next_session_at'),
    ])
    .where('rt.home_municipality_code', '=', homeMunicipalityCode)
    .where('rt.valid_from', '<=', today)
    .where((eb) => eb.or([eb('rt.valid_to', 'is', null), eb('rt.valid_to', '>=', today)]))
    .where('o.valid_from', '<=', today)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', today)]))
    .orderBy('m.name')
    .execute();
  return rows.map((r) => ({
    interventionCode: r.intervention_code,
    offeringId: r.id,
    hostCode: r.code,
    hostName: r.name,
    placeName: r.place_name,
    address: r.address,
    capacity: r.capacity,
    inferred: r.inferred,
    routingNote: r.note,
    enrolled: Number(r.enrolled),
    waiting: Number(r.waiting),
    nextSessionAt: r.next_session_at === null ? null : new Date(r.next_session_at),
  }));
}
