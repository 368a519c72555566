import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { Period } from './report-period.rules.ts';
import { codeArray } from './report-referrals.repository.ts';

/**
 * The dashboard's own aggregates (issue 14.3), where the report has none: waiting time to start
 * per intervention, the teams' seats and waiting lists, and the balance in sessions between
 * municipalities. Set-based for ten years of the whole country: each query selects its rows once by
 * an indexed key (referral period, team's offering host, intervention end date) and groups; the
 * municipalities are one array parameter.
 */

export type WaitingRecord = { intervention: string; interventionName: string; started: number; median: number | null; mean: number | null; p90: number | null };

/**
 * Interventions started of the referrals received in the period (home municipality in the scope):
 * calendar days from the home municipality's receipt of the referral to the intervention's start.
 */
export async function waitingToStart(db: Db, p: Period, municipalities: readonly string[]): Promise<WaitingRecord[]> {
  const days = sql`(x.started_on - r.received_on)`;
  const result = await sql<WaitingRecord>`
    select x.intervention_code as intervention, i.name_da as "interventionName", count(*)::int as started,
      (percentile_cont(0.5) within group (order by ${days}))::float8 as median,
      avg(${days})::float8 as mean,
      (percentile_cont(0.9) within group (order by ${days}))::float8 as p90
    from referral r
    join course k on k.referral_id = r.id
    join cross_referral x on x.course_id = k.id
    join intervention i on i.code = x.intervention_code
    where r.received_on between ${p.from} and ${p.to}
      and r.home_municipality_code = any(${codeArray(municipalities)})
      and x.started_on is not null
    group by x.intervention_code, i.name_da`.execute(db);
  return result.rows;
}

export type TeamOccupancyRecord = { host: string; teams: number; seats: number; enrolled: number; waiting: number };

/** The teams running on `on` per hosting municipality: their seats, enrolled and waiting citizens. */
export async function teamOccupancy(db: Db, on: string, municipalities: readonly string[]): Promise<TeamOccupancyRecord[]> {
  const result = await sql<TeamOccupancyRecord>`
    with t as (
      select t.id, t.capacity, o.host_municipality_code as host
      from offering o
      join team t on t.offering_id = o.id
      where o.host_municipality_code = any(${codeArray(municipalities)})
        and t.starts_on <= ${on} and (t.ends_on is null or t.ends_on >= ${on})
    ),
    e as (
      select e.team_id,
        count(*) filter (where e.status = 'enrolled') as enrolled,
        count(*) filter (where e.status = 'waiting') as waiting
      from enrolment e join t on t.id = e.team_id
      group by e.team_id
    )
    select t.host, count(*)::int as teams, sum(t.capacity)::int as seats,
      coalesce(sum(e.enrolled), 0)::int as enrolled, coalesce(sum(e.waiting), 0)::int as waiting
    from t left join e on e.team_id = t.id
    group by t.host`.execute(db);
  return result.rows;
}

export type SessionBalanceRecord = { municipality: string; delivered: number; received: number };

/**
 * The cost-neutral balance in units: sessions attended (the one definition, `sessions_attended`)
 * of the cross-municipal interventions that ended in the period, counted for the providing
 * municipality as delivered and for the home municipality as received. Interventions at home are
 * left out: they move nothing between municipalities.
 */
export async function sessionBalance(db: Db, p: Period, municipalities: readonly string[]): Promise<SessionBalanceRecord[]> {
  const codes = codeArray(municipalities);
  const result = await sql<SessionBalanceRecord>`
    with x as (
      select x.id, r.home_municipality_code as home, x.provider_municipality_code as provider
      from cross_referral x
      join course k on k.id = x.course_id
      join referral r on r.id = k.referral_id
      where x.ended_on between ${p.from} and ${p.to}
        and x.provider_municipality_code <> r.home_municipality_code
        and (r.home_municipality_code = any(${codes}) or x.provider_municipality_code = any(${codes}))
    ),
    s as (
      select x.home, x.provider, coalesce(s.sessions_attended, 0) as sessions
      from x join sessions_attended(array(select id from x)) s on s.cross_referral_id = x.id
    ),
    b as (
      select s.provider as municipality, s.sessions as delivered, 0 as received from s
      union all
      select s.home, 0, s.sessions from s
    )
    select b.municipality, sum(b.delivered)::int as delivered, sum(b.received)::int as received
    from b
    where b.municipality = any(${codes})
    group by b.municipality`.execute(db);
  return result.rows;
}
