import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { Period } from './report-period.rules.ts';

/**
 * The referral counts of the report, as SQL aggregates over the stored records. A referral
 * belongs to the period of its receipt; its interventions are the cross_referral rows of its
 * course (any kind: across municipalities, at home, temporarily at home, outside).
 *
 * Written for ten years of the whole country: each query selects its referrals once, joins what
 * it counts as sets grouped per course (no subquery per row), and takes the municipalities as one
 * array parameter.
 */

/** Municipality codes as one parameter, typed like the columns so their indexes apply. */
export const codeArray = (codes: readonly string[]): RawBuilder<string[]> => sql<string[]>`${[...codes]}::bpchar[]`;

/** How counts are grouped in time: the whole period, or its half-years (the trend table). */
export type Bucketing = 'period' | 'half_year';

const bucketOf = (column: RawBuilder<unknown>, by: Bucketing) =>
  by === 'period' ? sql<string>`''` : sql<string>`extract(year from ${column})::int || '-' || case when extract(month from ${column}) <= 6 then 1 else 2 end`;

/**
 * Which of the report's periods a row's date lies in, grouped with its bucket: one query over the
 * trend period then gives the summary, the comparison and the trend (every count is additive).
 */
export type PeriodMarks = { main: Period; compare: Period | null };

const marksOf = (column: RawBuilder<unknown>, m: PeriodMarks) =>
  sql`${column} between ${m.main.from} and ${m.main.to} as "inMain", ${m.compare ? sql`${column} between ${m.compare.from} and ${m.compare.to}` : sql`false`} as "inCompare"`;

export type Marked = { inMain: boolean; inCompare: boolean };

export type HomeCounts = {
  home: string;
  /** '' for the whole period, else `YYYY-1` or `YYYY-2` (half-year). */
  bucket: string;
  referred: number;
  /** With at least one intervention. */
  offered: number;
  /** With an intervention whose provider is not the home municipality. */
  servedElsewhere: number;
  /** With a cross-municipal referral (kind cross_municipal). */
  referredOn: number;
  /** With a needs assessment recorded. */
  assessed: number;
  /** With any decline recorded, and per reason. */
  declined: number;
  declinedNotRelevant: number;
  declinedTooFar: number;
  declinedAlreadyInHomeCourse: number;
  declinedOther: number;
};

export async function countByHome(db: Db, p: Period, municipalities: readonly string[], by: Bucketing = 'period', marks: PeriodMarks = { main: p, compare: null }): Promise<(HomeCounts & Marked)[]> {
  const result = await sql<HomeCounts & Marked>`
    with r as (
      select r.home_municipality_code as home, r.received_on, k.id as course_id
      from referral r
      left join course k on k.referral_id = r.id
      where r.received_on between ${p.from} and ${p.to}
        and r.home_municipality_code = any(${codeArray(municipalities)})
    ),
    x as (
      select x.course_id,
        bool_or(x.provider_municipality_code <> r.home) as elsewhere,
        bool_or(x.kind = 'cross_municipal') as referred_on
      from cross_referral x join r on r.course_id = x.course_id
      group by x.course_id
    ),
    n as (select distinct n.course_id from needs_assessment n join r on r.course_id = n.course_id),
    d as (
      select d.course_id,
        bool_or(d.reason = 'not_relevant') as not_relevant, bool_or(d.reason = 'too_far') as too_far,
        bool_or(d.reason = 'already_in_home_course') as already_in_home_course, bool_or(d.reason = 'other') as other
      from decline d join r on r.course_id = d.course_id
      group by d.course_id
    )
    select r.home, ${bucketOf(sql`r.received_on`, by)} as bucket, ${marksOf(sql`r.received_on`, marks)},
      count(*)::int as referred,
      (count(*) filter (where x.course_id is not null))::int as offered,
      (count(*) filter (where x.elsewhere))::int as "servedElsewhere",
      (count(*) filter (where x.referred_on))::int as "referredOn",
      (count(*) filter (where n.course_id is not null))::int as assessed,
      (count(*) filter (where d.course_id is not null))::int as declined,
      (count(*) filter (where d.not_relevant))::int as "declinedNotRelevant",
      (count(*) filter (where d.too_far))::int as "declinedTooFar",
      (count(*) filter (where d.already_in_home_course))::int as "declinedAlreadyInHomeCourse",
      (count(*) filter (where d.other))::int as "declinedOther"
    from r
    left join x on x.course_id = r.course_id
    left join n on n.course_id = r.course_id
    left join d on d.course_id = r.course_id
    group by 1, 2, 3, 4`.execute(db);
  return result.rows;
}

/** Interventions that ended in the period, for any end reason, per home municipality. */
export async function completedByHome(db: Db, p: Period, municipalities: readonly string[], by: Bucketing = 'period', marks: PeriodMarks = { main: p, compare: null }): Promise<({ home: string; bucket: string; completed: number } & Marked)[]> {
  const result = await sql<{ home: string; bucket: string; completed: number } & Marked>`
    select r.home_municipality_code as home, ${bucketOf(sql`x.ended_on`, by)} as bucket, ${marksOf(sql`x.ended_on`, marks)}, count(*)::int as completed
    from cross_referral x
    join course k on k.id = x.course_id
    join referral r on r.id = k.referral_id
    where x.ended_on between ${p.from} and ${p.to}
      and r.home_municipality_code = any(${codeArray(municipalities)})
    group by 1, 2, 3, 4`.execute(db);
  return result.rows;
}

/** Referrals of the period per (home, provider): each referral once per provider it was sent to. */
export async function countFlows(db: Db, p: Period, municipalities: readonly string[]): Promise<{ home: string; provider: string; referrals: number }[]> {
  const codes = codeArray(municipalities);
  const result = await sql<{ home: string; provider: string; referrals: number }>`
    select r.home_municipality_code as home, x.provider_municipality_code as provider, count(distinct r.id)::int as referrals
    from referral r
    join course k on k.referral_id = r.id
    join cross_referral x on x.course_id = k.id
    where r.received_on between ${p.from} and ${p.to}
      and (r.home_municipality_code = any(${codes}) or x.provider_municipality_code = any(${codes}))
    group by r.home_municipality_code, x.provider_municipality_code`.execute(db);
  return result.rows;
}

/** Referrals per home municipality, sex and age band (age in whole years on the day of receipt). */
export async function countBySexAndAge(db: Db, p: Period, municipalities: readonly string[]): Promise<{ home: string; sex: 'F' | 'M'; band: string; referrals: number }[]> {
  const age = sql`extract(year from age(r.received_on, c.birth_date))`;
  const result = await sql<{ home: string; sex: 'F' | 'M'; band: string; referrals: number }>`
    select r.home_municipality_code as home, c.sex,
      case when ${age} < 18 then '0-17' when ${age} < 40 then '18-39' else '40+' end as band,
      count(*)::int as referrals
    from referral r
    join citizen c on c.id = r.citizen_id
    where r.received_on between ${p.from} and ${p.to}
      and r.home_municipality_code = any(${codeArray(municipalities)})
    group by 1, 2, 3`.execute(db);
  return result.rows;
}

/** Referrals per home municipality and the report's four sources (municipal and self count as other). */
export async function countBySource(db: Db, p: Period, municipalities: readonly string[]): Promise<{ home: string; source: string; referrals: number }[]> {
  const result = await sql<{ home: string; source: string; referrals: number }>`
    select r.home_municipality_code as home,
      case when r.source in ('gp', 'hospital_gop', 'hospital_ref01') then r.source else 'other' end as source,
      count(*)::int as referrals
    from referral r
    where r.received_on between ${p.from} and ${p.to}
      and r.home_municipality_code = any(${codeArray(municipalities)})
    group by 1, 2`.execute(db);
  return result.rows;
}

export async function listMunicipalityNames(db: Db, codes?: readonly string[]): Promise<{ code: string; name: string; isMember: boolean }[]> {
  let q = db.selectFrom('municipality').select(['code', 'name', 'is_member as isMember']).orderBy('name');
  if (codes) {
    if (codes.length === 0) return [];
    q = q.where(sql<boolean>`code = any(${codeArray(codes)})`);
  } else {
    q = q.where('is_member', '=', true);
  }
  return q.execute();
}
