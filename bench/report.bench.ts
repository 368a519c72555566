/**
 * The annual report as a coordinator asks for it, against the floor: hand-written SQL computing
 * the same tables straight from the records (one statement per table, no service, no audit; for
 * indicator 2 the facts its deadlines are derived from, not the derivation).
 */
import { sql } from 'kysely';
import { getReport } from '../apps/server/src/features/reports/report.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Db } from '../apps/server/src/platform/database/database.ts';
import { syntheticActor } from './support/actors.ts';
import type { DataSet } from './support/datasets.ts';
import { against, median } from './support/measure.ts';
import type { ResultRow } from './support/results.ts';

type Period = { from: string; to: string };

async function floorReport(db: Db, p: Period, compare: Period | null, codes: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const homes = sql`r.home_municipality_code = any(${codes}::bpchar[])`;
    const inPeriod = (q: Period) => sql`r.received_on between ${q.from} and ${q.to}`;
    const summary = (q: Period) => sql`
      select count(*) as referred,
        count(*) filter (where exists (select 1 from cross_referral x where x.course_id = k.id)) as offered,
        count(*) filter (where exists (select 1 from cross_referral x where x.course_id = k.id and x.provider_municipality_code <> r.home_municipality_code)) as elsewhere,
        (select count(*) from cross_referral x join course k2 on k2.id = x.course_id join referral r2 on r2.id = k2.referral_id
          where x.ended_on between ${q.from} and ${q.to} and r2.home_municipality_code = any(${codes}::bpchar[])) as completed
      from referral r left join course k on k.referral_id = r.id where ${inPeriod(q)} and ${homes}`;
    await summary(p).execute(trx);
    if (compare) await summary(compare).execute(trx);
    const trend = { from: compare && compare.from < p.from ? compare.from : p.from, to: p.to };
    await sql`select r.home_municipality_code, extract(year from r.received_on), extract(month from r.received_on) <= 6, count(*),
        count(*) filter (where x.course_id is not null), count(*) filter (where x.elsewhere)
      from referral r left join course k on k.referral_id = r.id
      left join (select x.course_id, bool_or(x.provider_municipality_code <> r.home_municipality_code) as elsewhere
                 from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id
                 where ${inPeriod(trend)} and ${homes} group by 1) x on x.course_id = k.id
      where ${inPeriod(trend)} and ${homes} group by 1, 2, 3`.execute(trx);
    await sql`select r.home_municipality_code, extract(year from x.ended_on), extract(month from x.ended_on) <= 6, count(*)
      from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id
      where x.ended_on between ${trend.from} and ${trend.to} and ${homes} group by 1, 2, 3`.execute(trx);
    await sql`select r.home_municipality_code, x.provider_municipality_code, count(distinct r.id)
      from referral r join course k on k.referral_id = r.id join cross_referral x on x.course_id = k.id
      where ${inPeriod(p)} and (${homes} or x.provider_municipality_code = any(${codes}::bpchar[])) group by 1, 2`.execute(trx);
    await sql`select r.home_municipality_code, c.sex, width_bucket(extract(year from age(r.received_on, c.birth_date)), array[18, 40]), count(*)
      from referral r join citizen c on c.id = r.citizen_id where ${inPeriod(p)} and ${homes} group by 1, 2, 3`.execute(trx);
    await sql`select r.home_municipality_code, r.source, count(*) from referral r where ${inPeriod(p)} and ${homes} group by 1, 2`.execute(trx);
    await sql`select x.intervention_code, x.provider_municipality_code, count(a.n), min(a.n), max(a.n), avg(a.n), count(*) - count(a.n)
      from cross_referral x
      left join lateral (select case when exists (select 1 from enrolment e where e.cross_referral_id = x.id)
                                     then (select count(*) from enrolment e join attendance t on t.enrolment_id = e.id where e.cross_referral_id = x.id and t.status = 'attended')
                                     else x.attendances_recorded end as n) a on true
      where x.ended_on between ${p.from} and ${p.to} and x.provider_municipality_code = any(${codes}::bpchar[]) group by 1, 2`.execute(trx);
    await sql`select r.home_municipality_code, count(*),
        count(*) filter (where exists (select 1 from needs_assessment n where n.course_id = k.id)),
        count(*) filter (where exists (select 1 from decline d where d.course_id = k.id)),
        count(*) filter (where exists (select 1 from decline d where d.course_id = k.id and d.reason = 'too_far')),
        count(*) filter (where exists (select 1 from cross_referral x where x.course_id = k.id and x.kind = 'cross_municipal'))
      from referral r left join course k on k.referral_id = r.id where ${inPeriod(p)} and ${homes} group by 1`.execute(trx);
    // Indicator 2: the facts the initial-assessment deadline is derived from.
    await sql`select k.id, r.home_municipality_code, r.received_on, k.closed_on,
        (select min(n.assessed_on) from needs_assessment n where n.course_id = k.id and n.occasion = 'initial'),
        (select min(d.declined_on) from decline d where d.course_id = k.id and d.cross_referral_id is null),
        (select json_agg(p) from deadline_pause p where p.course_id = k.id)
      from referral r join course k on k.referral_id = r.id where ${inPeriod(p)} and ${homes}`.execute(trx);
    await sql`select count(*), count(cc.satisfaction), count(*) filter (where cc.satisfaction >= 4), count(cc.benefit), count(*) filter (where cc.benefit >= 4)
      from closing_conversation cc join course k on k.id = cc.course_id join referral r on r.id = k.referral_id
      where cc.held_on between ${p.from} and ${p.to} and ${homes}`.execute(trx);
    await sql`select * from cancer_potential where municipality_code = any(${codes}::bpchar[])`.execute(trx);
    await sql`select r.home_municipality_code, extract(year from r.received_on), extract(quarter from r.received_on), count(*),
        count(*) filter (where k.close_reason = 'completed'),
        count(*) filter (where k.close_reason = 'completed' and not exists (select 1 from needs_assessment n where n.course_id = k.id and n.occasion = 'initial')),
        count(*) filter (where k.close_reason = 'completed' and not exists (select 1 from action_plan a where a.course_id = k.id)),
        count(*) filter (where k.close_reason = 'completed' and not exists (select 1 from closing_conversation c where c.course_id = k.id))
      from referral r left join course k on k.referral_id = r.id where ${inPeriod(p)} and ${homes} group by 1, 2, 3`.execute(trx);
  });
}

export async function reportBenchmark(data: DataSet, label: string, scope: { measure: string; period: Period; compare: Period | null; codes: 'members' | 'all'; runs: number; target: number }): Promise<ResultRow[]> {
  const { database } = data;
  const actor = await syntheticActor(database, (await database.db.selectFrom('staff_user').select('username').where('username', 'like', 'syn.%.coordinator1').executeTakeFirstOrThrow()).username);
  const codes = (await database.db.selectFrom('municipality').select('code').$if(scope.codes === 'members', (q) => q.where('is_member', '=', true)).execute()).map((m) => m.code);
  const ctx = { db: database.db, actor, clock: fixedClock(`${data.set.today}T09:00:00Z`) };
  const params = { from: scope.period.from, to: scope.period.to, municipalities: codes, ...(scope.compare ? { compareFrom: scope.compare.from, compareTo: scope.compare.to } : {}) };
  let referred = 0;
  const t = await against(
    scope.runs,
    async () => {
      const report = await getReport(ctx, params);
      referred = Number(report.tables.find((x) => x.id === 'summary')?.rows[0]?.cells[0] ?? 0);
    },
    () => floorReport(database.db, scope.period, scope.compare, codes),
  );
  const ours = median(t.ours);
  const floor = median(t.floor);
  return [
    {
      measure: scope.measure,
      size: label,
      ours,
      floor,
      unit: 'ms',
      floorIs: 'hand-written SQL, one statement per table (indicator 2: its facts)',
      target: `≤ ${scope.target}× floor${scope.measure.includes('one year') ? ', ≤ 1 s' : ''}`,
      met: ours <= scope.target * floor && (!scope.measure.includes('one year') || ours <= 1000),
      note: `${referred.toLocaleString('en')} referrals in ${codes.length} municipalities; median of ${scope.runs} runs each, alternating`,
      at: new Date().toISOString(),
    },
  ];
}
