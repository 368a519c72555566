import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { Period } from './report-period.rules.ts';

/**
 * Course-level aggregates of the report: course length, data completeness, the questionnaire
 * answers (indicators 4–5), the potential, and the courses whose deadlines indicator 2 reads.
 */

/**
 * A course's length is its attended sessions; an imported intervention without attendance rows
 * carries `attendances_recorded` instead. With neither, the length is unknown.
 */
const lengthOf = sql`case
  when exists (select 1 from attendance a join enrolment e on e.id = a.enrolment_id where e.cross_referral_id = x.id)
    then (select count(*) from attendance a join enrolment e on e.id = a.enrolment_id where e.cross_referral_id = x.id and a.status = 'attended')::int
  else x.attendances_recorded end`;

export type CourseLengthRecord = {
  intervention: string;
  interventionName: string;
  provider: string;
  /** Ended interventions with a known length. */
  courses: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Ended interventions whose length is unknown (no attendance rows, none recorded). */
  unknown: number;
};

/** Interventions that ended in the period, per intervention and providing municipality. */
export async function courseLengths(db: Db, p: Period, municipalities: readonly string[]): Promise<CourseLengthRecord[]> {
  const result = await sql<CourseLengthRecord>`
    select t.intervention, i.name_da as "interventionName", t.provider,
      count(t.length)::int as courses, min(t.length) as min, max(t.length) as max, avg(t.length)::float8 as mean,
      (count(*) - count(t.length))::int as unknown
    from (
      select x.intervention_code as intervention, x.provider_municipality_code as provider, ${lengthOf} as length
      from cross_referral x
      where x.ended_on between ${p.from} and ${p.to}
        and x.provider_municipality_code in (${sql.join([...municipalities])})
    ) t
    join intervention i on i.code = t.intervention
    group by t.intervention, i.name_da, t.provider`.execute(db);
  return result.rows;
}

export type CompletenessRecord = {
  home: string;
  year: number;
  quarter: number;
  referrals: number;
  /** Courses closed as completed without an initial needs assessment, action plan or closing conversation. */
  closedCompleted: number;
  missingAssessment: number;
  missingPlan: number;
  missingClosingConversation: number;
  /** Ended interventions of these referrals whose course length is unknown. */
  unknownLength: number;
};

export async function completeness(db: Db, p: Period, municipalities: readonly string[]): Promise<CompletenessRecord[]> {
  const completed = sql`k.close_reason = 'completed'`;
  const result = await sql<CompletenessRecord>`
    select r.home_municipality_code as home,
      extract(year from r.received_on)::int as year,
      extract(quarter from r.received_on)::int as quarter,
      count(*)::int as referrals,
      (count(*) filter (where ${completed}))::int as "closedCompleted",
      (count(*) filter (where ${completed} and not exists (select 1 from needs_assessment n where n.course_id = k.id and n.occasion = 'initial')))::int as "missingAssessment",
      (count(*) filter (where ${completed} and not exists (select 1 from action_plan ap where ap.course_id = k.id)))::int as "missingPlan",
      (count(*) filter (where ${completed} and not exists (select 1 from closing_conversation cc where cc.course_id = k.id)))::int as "missingClosingConversation",
      coalesce(sum((select count(*) from cross_referral x where x.course_id = k.id and x.ended_on is not null and (${lengthOf}) is null)), 0)::int as "unknownLength"
    from referral r
    left join course k on k.referral_id = r.id
    where r.received_on between ${p.from} and ${p.to}
      and r.home_municipality_code in (${sql.join([...municipalities])})
    group by 1, 2, 3`.execute(db);
  return result.rows;
}

export type AnswerCounts = { conversations: number; satisfactionAnswered: number; satisfied: number; benefitAnswered: number; benefited: number };

/** Closing conversations held in the period, with the questionnaire answers (1–5; 4 and 5 are positive). */
export async function questionnaireAnswers(db: Db, p: Period, municipalities: readonly string[]): Promise<AnswerCounts> {
  const result = await sql<AnswerCounts>`
    select count(*)::int as conversations,
      count(cc.satisfaction)::int as "satisfactionAnswered",
      (count(*) filter (where cc.satisfaction >= 4))::int as satisfied,
      count(cc.benefit)::int as "benefitAnswered",
      (count(*) filter (where cc.benefit >= 4))::int as benefited
    from closing_conversation cc
    join course k on k.id = cc.course_id
    join referral r on r.id = k.referral_id
    where cc.held_on between ${p.from} and ${p.to}
      and r.home_municipality_code in (${sql.join([...municipalities])})`.execute(db);
  return result.rows[0] ?? { conversations: 0, satisfactionAnswered: 0, satisfied: 0, benefitAnswered: 0, benefited: 0 };
}

/** The courses of the referrals received in the period (for the deadline engine). */
export async function courseIdsOf(db: Db, p: Period, municipalities: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('referral as r')
    .innerJoin('course as k', 'k.referral_id', 'r.id')
    .select('k.id')
    .where('r.received_on', '>=', p.from)
    .where('r.received_on', '<=', p.to)
    .where('r.home_municipality_code', 'in', [...municipalities])
    .execute();
  return rows.map((r) => r.id);
}

export type PotentialRecord = { municipalityCode: string; year: number; newCases: number; rehabShare: number; source: string };

/** Each municipality's potential: the latest year on or before `year`, else the earliest there is. */
export async function potentials(db: Db, municipalities: readonly string[], year: number): Promise<PotentialRecord[]> {
  const result = await sql<PotentialRecord>`
    select distinct on (municipality_code) municipality_code as "municipalityCode", year, new_cases as "newCases", rehab_share as "rehabShare", source
    from cancer_potential
    where municipality_code in (${sql.join([...municipalities])})
    order by municipality_code, (year <= ${year}) desc, case when year <= ${year} then -year else year end`.execute(db);
  return result.rows;
}
