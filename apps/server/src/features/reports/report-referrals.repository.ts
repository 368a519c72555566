import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { Period } from './report-period.rules.ts';

/**
 * The referral counts of the report, as SQL aggregates over the stored records. A referral
 * belongs to the period of its receipt; its interventions are the cross_referral rows of its
 * course (any kind: across municipalities, at home, temporarily at home, outside).
 */

export type HomeCounts = {
  home: string;
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

const hasIntervention = (extra = sql``) => sql`exists (select 1 from cross_referral x where x.course_id = k.id ${extra})`;
const hasDecline = (reason: string | null) =>
  reason === null ? sql`exists (select 1 from decline d where d.course_id = k.id)` : sql`exists (select 1 from decline d where d.course_id = k.id and d.reason = ${reason})`;

export async function countByHome(db: Db, p: Period, municipalities: readonly string[]): Promise<HomeCounts[]> {
  const result = await sql<HomeCounts>`
    select r.home_municipality_code as home,
      count(*)::int as referred,
      (count(*) filter (where ${hasIntervention()}))::int as offered,
      (count(*) filter (where ${hasIntervention(sql`and x.provider_municipality_code <> r.home_municipality_code`)}))::int as "servedElsewhere",
      (count(*) filter (where ${hasIntervention(sql`and x.kind = 'cross_municipal'`)}))::int as "referredOn",
      (count(*) filter (where exists (select 1 from needs_assessment n where n.course_id = k.id)))::int as assessed,
      (count(*) filter (where ${hasDecline(null)}))::int as declined,
      (count(*) filter (where ${hasDecline('not_relevant')}))::int as "declinedNotRelevant",
      (count(*) filter (where ${hasDecline('too_far')}))::int as "declinedTooFar",
      (count(*) filter (where ${hasDecline('already_in_home_course')}))::int as "declinedAlreadyInHomeCourse",
      (count(*) filter (where ${hasDecline('other')}))::int as "declinedOther"
    from referral r
    left join course k on k.referral_id = r.id
    where r.received_on between ${p.from} and ${p.to}
      and r.home_municipality_code in (${sql.join([...municipalities])})
    group by r.home_municipality_code`.execute(db);
  return result.rows;
}

/** Interventions that ended in the period, for any end reason, per home municipality. */
export async function completedByHome(db: Db, p: Period, municipalities: readonly string[]): Promise<{ home: string; completed: number }[]> {
  const result = await sql<{ home: string; completed: number }>`
    select r.home_municipality_code as home, count(*)::int as completed
    from cross_referral x
    join course k on k.id = x.course_id
    join referral r on r.id = k.referral_id
    where x.ended_on between ${p.from} and ${p.to}
      and r.home_municipality_code in (${sql.join([...municipalities])})
    group by r.home_municipality_code`.execute(db);
  return result.rows;
}

/** Referrals of the period per (home, provider): each referral once per provider it was sent to. */
export async function countFlows(db: Db, p: Period, municipalities: readonly string[]): Promise<{ home: string; provider: string; referrals: number }[]> {
  const codes = sql.join([...municipalities]);
  const result = await sql<{ home: string; provider: string; referrals: number }>`
    select r.home_municipality_code as home, x.provider_municipality_code as provider, count(distinct r.id)::int as referrals
    from referral r
    join course k on k.referral_id = r.id
    join cross_referral x on x.course_id = k.id
    where r.received_on between ${p.from} and ${p.to}
      and (r.home_municipality_code in (${codes}) or x.provider_municipality_code in (${codes}))
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
      and r.home_municipality_code in (${sql.join([...municipalities])})
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
      and r.home_municipality_code in (${sql.join([...municipalities])})
    group by 1, 2`.execute(db);
  return result.rows;
}

export async function listMunicipalityNames(db: Db, codes?: readonly string[]): Promise<{ code: string; name: string; isMember: boolean }[]> {
  let q = db.selectFrom('municipality').select(['code', 'name', 'is_member as isMember']).orderBy('name');
  if (codes) {
    if (codes.length === 0) return [];
    q = q.where('code', 'in', [...codes]);
  } else {
    q = q.where('is_member', '=', true);
  }
  return q.execute();
}
