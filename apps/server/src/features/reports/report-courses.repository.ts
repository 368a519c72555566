import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { Period } from './report-period.rules.ts';
import { codeArray } from './report-referrals.repository.ts';

/**
 * Course-level aggregates of the report: course length, data completeness, the questionnaire
 * answers (indicators 4–5), the potential, and the courses whose deadlines indicator 2 reads.
 */

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

/**
 * Interventions that ended in the period, per intervention and providing municipality. A
 * course's length is its sessions attended, by the one definition (`sessions_attended`, migration
 * 0010), computed once for the whole set.
 */
export function courseLengthsQuery(p: Period, municipalities: readonly string[]) {
  return sql<CourseLengthRecord>`
    with x as (
      select x.id, x.intervention_code, x.provider_municipality_code
      from cross_referral x
      where x.ended_on between ${p.from} and ${p.to}
        and x.provider_municipality_code = any(${codeArray(municipalities)})
    )
    select x.intervention_code as intervention, i.name_da as "interventionName", x.provider_municipality_code as provider,
      count(s.sessions_attended)::int as courses, min(s.sessions_attended) as min, max(s.sessions_attended) as max,
      avg(s.sessions_attended)::float8 as mean, (count(*) - count(s.sessions_attended))::int as unknown
    from x
    join sessions_attended(array(select id from x)) s on s.cross_referral_id = x.id
    join intervention i on i.code = x.intervention_code
    group by x.intervention_code, i.name_da, x.provider_municipality_code`;
}

export async function courseLengths(db: Db, p: Period, municipalities: readonly string[]): Promise<CourseLengthRecord[]> {
  return (await courseLengthsQuery(p, municipalities).execute(db)).rows;
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

/** Data completeness per home municipality and quarter of receipt, set-based over the period's referrals. */
export function completenessQuery(p: Period, municipalities: readonly string[]) {
  return sql<CompletenessRecord>`
    with r as (
      select r.home_municipality_code as home, r.received_on, k.id as course_id, k.close_reason = 'completed' as completed
      from referral r
      left join course k on k.referral_id = r.id
      where r.received_on between ${p.from} and ${p.to}
        and r.home_municipality_code = any(${codeArray(municipalities)})
    ),
    ended as (
      select x.id, x.course_id from cross_referral x join r on r.course_id = x.course_id where x.ended_on is not null
    ),
    unknown as (
      select ended.course_id, count(*)::int as n
      from ended join sessions_attended(array(select id from ended)) s on s.cross_referral_id = ended.id
      where s.sessions_attended is null
      group by ended.course_id
    ),
    na as (select distinct n.course_id from needs_assessment n join r on r.course_id = n.course_id where n.occasion = 'initial'),
    ap as (select distinct ap.course_id from action_plan ap join r on r.course_id = ap.course_id),
    cc as (select cc.course_id from closing_conversation cc join r on r.course_id = cc.course_id)
    select r.home,
      extract(year from r.received_on)::int as year,
      extract(quarter from r.received_on)::int as quarter,
      count(*)::int as referrals,
      (count(*) filter (where r.completed))::int as "closedCompleted",
      (count(*) filter (where r.completed and na.course_id is null))::int as "missingAssessment",
      (count(*) filter (where r.completed and ap.course_id is null))::int as "missingPlan",
      (count(*) filter (where r.completed and cc.course_id is null))::int as "missingClosingConversation",
      coalesce(sum(u.n), 0)::int as "unknownLength"
    from r
    left join na on na.course_id = r.course_id
    left join ap on ap.course_id = r.course_id
    left join cc on cc.course_id = r.course_id
    left join unknown u on u.course_id = r.course_id
    group by 1, 2, 3`;
}

export async function completeness(db: Db, p: Period, municipalities: readonly string[]): Promise<CompletenessRecord[]> {
  return (await completenessQuery(p, municipalities).execute(db)).rows;
}

export type AnswerCounts = {
  conversations: number;
  satisfactionAnswered: number;
  satisfied: number;
  benefitAnswered: number;
  benefited: number;
  /** Of the answers, those the citizen gave on their own phone (issue 13.5). */
  satisfactionByCitizen: number;
  benefitByCitizen: number;
  /** Each conversation's questionnaire by its outcome (they add up to `conversations`). */
  answeredByCitizen: number;
  answeredByStaff: number;
  declined: number;
  awaitingCitizen: number;
  notAsked: number;
};

export type HomeAnswerCounts = AnswerCounts & { home: string };

export const NO_ANSWERS: AnswerCounts = {
  conversations: 0,
  satisfactionAnswered: 0,
  satisfied: 0,
  benefitAnswered: 0,
  benefited: 0,
  satisfactionByCitizen: 0,
  benefitByCitizen: 0,
  answeredByCitizen: 0,
  answeredByStaff: 0,
  declined: 0,
  awaitingCitizen: 0,
  notAsked: 0,
};

/**
 * Closing conversations held in the period, per home municipality, with the questionnaire answers
 * (1–5; 4 and 5 are positive) and who gave them: the citizen on their own phone or staff at the
 * conversation (`answer_source`; rows from before migration 0039 are staff's).
 */
export async function questionnaireAnswers(db: Db, p: Period, municipalities: readonly string[]): Promise<HomeAnswerCounts[]> {
  const result = await sql<HomeAnswerCounts>`
    select r.home_municipality_code as home,
      count(*)::int as conversations,
      count(cc.satisfaction)::int as "satisfactionAnswered",
      (count(*) filter (where cc.satisfaction >= 4))::int as satisfied,
      count(cc.benefit)::int as "benefitAnswered",
      (count(*) filter (where cc.benefit >= 4))::int as benefited,
      (count(cc.satisfaction) filter (where cc.answer_source = 'citizen'))::int as "satisfactionByCitizen",
      (count(cc.benefit) filter (where cc.answer_source = 'citizen'))::int as "benefitByCitizen",
      (count(*) filter (where cc.answer_source = 'citizen' and (cc.satisfaction is not null or cc.benefit is not null)))::int as "answeredByCitizen",
      (count(*) filter (where cc.answer_source = 'staff' and (cc.satisfaction is not null or cc.benefit is not null)))::int as "answeredByStaff",
      (count(*) filter (where cc.questionnaire_declined))::int as declined,
      (count(*) filter (where cc.answer_source = 'citizen' and cc.citizen_answered_at is null))::int as "awaitingCitizen",
      (count(*) filter (where cc.answer_source = 'staff' and not cc.questionnaire_declined and cc.satisfaction is null and cc.benefit is null))::int as "notAsked"
    from closing_conversation cc
    join course k on k.id = cc.course_id
    join referral r on r.id = k.referral_id
    where cc.held_on between ${p.from} and ${p.to}
      and r.home_municipality_code = any(${codeArray(municipalities)})
    group by r.home_municipality_code`.execute(db);
  return result.rows;
}

export type PotentialRecord = { municipalityCode: string; year: number; newCases: number; rehabShare: number; source: string };

/** Each municipality's potential: the latest year on or before `year`, else the earliest there is. */
export async function potentials(db: Db, municipalities: readonly string[], year: number): Promise<PotentialRecord[]> {
  const result = await sql<PotentialRecord>`
    select distinct on (municipality_code) municipality_code as "municipalityCode", year, new_cases as "newCases", rehab_share as "rehabShare", source
    from cancer_potential
    where municipality_code = any(${codeArray(municipalities)})
    order by municipality_code, (year <= ${year}) desc, case when year <= ${year} then -year else year end`.execute(db);
  return result.rows;
}
