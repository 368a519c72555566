/**
 * Issue 14.1: the settlement's statement at national volume, as a coordinator asks for it
 * (`getStatement`: the access check, the ledger statement, the balances, the audit), against the
 * floor: one hand-written SQL statement summing the same units and kroner per (provider, home)
 * for the period. On a copy of the national set (migrated to the current schema) with demo-like
 * tariffs for every intervention: a session tariff and a course tariff for all providers, each
 * changing on 1 July 2025 (so a year's statement prices its units at two tariffs).
 * Also: a quarter and ten years (time per unit, ten years ÷ one year), and the ledger
 * statement's plan (bench/plans-issue14.md): no sequential scan over attendance, team_session or
 * cross_referral.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { getStatement } from '../apps/server/src/features/settlement/settlement.service.ts';
import { insertTariffsInBulk } from '../apps/server/src/features/settlement/settlement.bulk.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Db } from '../apps/server/src/platform/database/database.ts';
import { syntheticActor } from './support/actors.ts';
import { benchRoot, type DataSet } from './support/datasets.ts';
import { against, median } from './support/measure.ts';
import { catching, explain, findingsMarkdown } from './support/plans.ts';
import type { ResultRow } from './support/results.ts';

type Period = { from: string; to: string };

const BENCH_NOTE = 'BENCH (issue 14.1): demo-like tariff, 820 kr./time-derived; changes 2025-07-01';
const CHANGE = '2025-07-01';

/** Demo-like tariffs for every intervention (made once in the copy; the demo's prices, raised on 1 July 2025). */
export async function ensureBenchTariffs(db: Db): Promise<number> {
  const had = await db.selectFrom('settlement_tariff').select((eb) => eb.fn.countAll<string>().as('n')).where('source_note', '=', BENCH_NOTE).executeTakeFirstOrThrow();
  if (Number(had.n) === 0) {
    const codes = (await db.selectFrom('intervention').select('code').execute()).map((i) => i.code);
    const row = (code: string, unit: 'session' | 'course', price: string, from: string, to: string | null) => ({
      intervention_code: code,
      unit,
      price_kr: price,
      provider_municipality_code: null,
      source: 'indicative' as const,
      source_note: BENCH_NOTE,
      valid_from: from,
      valid_to: to,
    });
    await insertTariffsInBulk(db, {
      rows: codes.flatMap((c) => [
        row(c, 'session', '137.00', '2010-01-01', '2025-06-30'),
        row(c, 'session', '142.00', CHANGE, null),
        row(c, 'course', '8200.00', '2010-01-01', '2025-06-30'),
        row(c, 'course', '8500.00', CHANGE, null),
      ]),
    });
    await sql`analyze settlement_tariff`.execute(db);
  }
  return Number((await db.selectFrom('settlement_tariff').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
}

/**
 * The floor: one statement, the same units (attended sessions not cancelled, on their Danish day;
 * cross-referrals started) where provider ≠ home, per day priced by a plain range join to the
 * tariffs for all providers (the only ones the bench has), summed per (provider, home).
 */
async function floorStatement(db: Db, p: Period): Promise<{ units: number; ore: number; pairs: number }> {
  const rows = await sql<{ provider: string; home: string; units: number; ore: string }>`
    with d as (
      select x.provider_municipality_code as provider, r.home_municipality_code as home, x.intervention_code, 'session'::text as unit,
             (ts.starts_at at time zone 'Europe/Copenhagen')::date as day, count(*) as n
      from team_session ts
      join attendance a on a.team_session_id = ts.id and a.status = 'attended'
      join enrolment e on e.id = a.enrolment_id
      join cross_referral x on x.id = e.cross_referral_id
      join course c on c.id = x.course_id
      join referral r on r.id = c.referral_id
      where ts.starts_at >= (${p.from}::date::timestamp at time zone 'Europe/Copenhagen')
        and ts.starts_at < ((${p.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')
        and not ts.cancelled and x.provider_municipality_code <> r.home_municipality_code
      group by 1, 2, 3, 4, 5
      union all
      select x.provider_municipality_code, r.home_municipality_code, x.intervention_code, 'course', x.started_on, count(*)
      from cross_referral x
      join course c on c.id = x.course_id
      join referral r on r.id = c.referral_id
      where x.started_on between ${p.from}::date and ${p.to}::date and x.provider_municipality_code <> r.home_municipality_code
      group by 1, 2, 3, 4, 5
    )
    select d.provider, d.home, sum(d.n)::integer as units, sum(d.n * coalesce(t.price_kr * 100, 0))::bigint::text as ore
    from d left join settlement_tariff t on t.intervention_code = d.intervention_code and t.unit = d.unit and t.provider_municipality_code is null
      and d.day >= t.valid_from and (t.valid_to is null or d.day <= t.valid_to)
    group by 1, 2`.execute(db);
  return { units: rows.rows.reduce((n, r) => n + r.units, 0), ore: rows.rows.reduce((n, r) => n + Number(r.ore), 0), pairs: rows.rows.length };
}

export async function settlementBenchmark(data: DataSet, label: string): Promise<ResultRow[]> {
  const { database } = data;
  const db = database.db;
  const tariffs = await ensureBenchTariffs(db);
  const coordinator = (await db.selectFrom('staff_user').select('username').where('username', 'like', 'syn.%.coordinator1').executeTakeFirstOrThrow()).username;
  const actor = await syntheticActor(database, coordinator);
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

  type Run = { ours: number; floor: number; runs: number; units: number; floorUnits: number; ore: number; floorOre: number; load: string };
  const measure = async (p: Period, mode: 'cost_neutral' | 'net', runs: number, c = { db }): Promise<Run> => {
    let units = 0;
    let ore = 0;
    let floor = { units: 0, ore: 0, pairs: 0 };
    const before = load();
    const t = await against(
      runs,
      async () => {
        const s = await getStatement({ db: c.db, actor, clock }, p, mode);
        units = s.municipalities.reduce((n, m) => n + m.deliveredUnits, 0);
        ore = Math.round(s.municipalities.reduce((n, m) => n + m.deliveredKr, 0) * 100);
      },
      async () => {
        floor = await floorStatement(db, p);
      },
    );
    return { ours: median(t.ours), floor: median(t.floor), runs, units, floorUnits: floor.units, ore, floorOre: floor.ore, load: `${before} → ${load()}` };
  };

  const year: Period = { from: '2025-01-01', to: '2025-12-31' };
  const quarter: Period = { from: '2025-10-01', to: '2025-12-31' };
  const tenYears: Period = { from: '2016-12-01', to: '2026-11-30' };
  const floorIs = 'hand-written SQL, one statement: units and kroner per (provider, home) for the period';
  const same = (r: Run) => (r.units === r.floorUnits && r.ore === r.floorOre ? 'the same units and kroner as the floor' : `**differs from the floor**: ${r.units} vs ${r.floorUnits} units, ${r.ore} vs ${r.floorOre} øre`);
  const noteOf = (r: Run, what: string) =>
    `${what}: ${r.units.toLocaleString('en')} units, ${(r.ore / 100).toLocaleString('en', { maximumFractionDigits: 0 })} kr (${same(r)}); ${tariffs} tariffs; p50 of ${r.runs} runs each, alternating; nice -n 10, load ${r.load}; 2 cores, other work on the machine`;
  const at = () => new Date().toISOString();
  const rows: ResultRow[] = [];

  const costNeutral = await measure(year, 'cost_neutral', 5);
  rows.push({
    measure: 'settlement statement, cost-neutral, all municipalities, one year',
    size: label,
    ours: costNeutral.ours,
    floor: costNeutral.floor,
    unit: 'ms',
    floorIs,
    target: '≤ 2× floor, ≤ 2 s',
    met: costNeutral.ours <= 2 * costNeutral.floor && costNeutral.ours <= 2000,
    note: noteOf(costNeutral, `${year.from}–${year.to}, getStatement as coordinator (access check, audit)`),
    at: at(),
  });
  const net = await measure(year, 'net', 5);
  rows.push({
    measure: 'settlement statement, net (pairs), all municipalities, one year',
    size: label,
    ours: net.ours,
    floor: net.floor,
    unit: 'ms',
    floorIs,
    target: '≤ 2× floor, ≤ 2 s',
    met: net.ours <= 2 * net.floor && net.ours <= 2000,
    note: noteOf(net, `${year.from}–${year.to}, net mode`),
    at: at(),
  });
  const q = await measure(quarter, 'cost_neutral', 5);
  rows.push({
    measure: 'settlement statement, cost-neutral, all municipalities, a quarter',
    size: label,
    ours: q.ours,
    floor: q.floor,
    unit: 'ms',
    floorIs,
    target: '≤ 2× floor',
    met: q.ours <= 2 * q.floor,
    note: noteOf(q, `${quarter.from}–${quarter.to}`),
    at: at(),
  });
  const ten = await measure(tenYears, 'cost_neutral', 2);
  rows.push({
    measure: 'settlement statement, cost-neutral, all municipalities, ten years',
    size: label,
    ours: ten.ours,
    floor: ten.floor,
    unit: 'ms',
    floorIs,
    target: '≤ 2× floor',
    met: ten.ours <= 2 * ten.floor,
    note: noteOf(ten, `${tenYears.from}–${tenYears.to}`),
    at: at(),
  });
  const perUnit = (r: Run) => (r.ours / r.units) * 100_000;
  rows.push({
    measure: 'settlement statement, ten years vs one year, time per 100,000 units',
    size: label,
    ours: perUnit(ten),
    floor: perUnit(costNeutral),
    unit: 'ms',
    floorIs: "one year's statement (cost-neutral), per 100,000 units, same run",
    target: '≤ 2× (linear)',
    met: perUnit(ten) <= 2 * perUnit(costNeutral),
    note: `ten years ${ten.ours.toFixed(0)} ms for ${ten.units.toLocaleString('en')} units; one year ${costNeutral.ours.toFixed(0)} ms for ${costNeutral.units.toLocaleString('en')} units (the medians above)`,
    at: at(),
  });

  // The plan of the ledger statement for the year, caught as getStatement runs it.
  const caught = catching(db);
  await getStatement({ db: caught.db, actor, clock }, year, 'cost_neutral');
  caught.on = false;
  const ledger = caught.queries.filter((x) => x.sql.includes('with p (key, period_from, period_to)'));
  const findings = await explain(db, ledger, { scanRows: 1, loops: 200 });
  const bigSeq = findings.flatMap((f) => f.plan.split('\n').filter((l) => /Seq Scan on (attendance|team_session|cross_referral|enrolment|course|referral)\b/.test(l)));
  const forbidden = bigSeq.filter((l) => /Seq Scan on (attendance|team_session|cross_referral)\b/.test(l));
  const ledgerMs = findings[0]?.ms ?? Number.NaN;
  fs.writeFileSync(
    path.join(benchRoot, 'plans-issue14.md'),
    [
      '# Issue 14.1: the plan of the settlement ledger statement, one year, national × 10 y (PostgreSQL)',
      '',
      `Written by \`npm run bench -- settlement\` (bench/settlement.bench.ts) at ${at().slice(0, 16).replace('T', ' ')} UTC: EXPLAIN (ANALYZE, BUFFERS) of \`ledgerLines\` for ${year.from}–${year.to}, as \`getStatement\` runs it, on ${data.name} with ${tariffs} tariffs.`,
      '',
      `Sequential scans over attendance, team_session or cross_referral: ${forbidden.length === 0 ? 'none' : forbidden.map((l) => `\`${l.trim()}\``).join(', ')}.`,
      `Other sequential scans over the records' tables: ${bigSeq.length - forbidden.length === 0 ? 'none' : bigSeq.filter((l) => !forbidden.includes(l)).map((l) => `\`${l.trim()}\``).join(', ')}.`,
      '',
      findingsMarkdown('ledger statement, one year (every node the plan reads; flags: any sequential scan, any loop ≥ 200)', findings),
    ].join('\n'),
  );
  rows.push({
    measure: 'settlement ledger statement, one year, plan (EXPLAIN ANALYZE)',
    size: label,
    ours: ledgerMs,
    floor: costNeutral.floor,
    unit: 'ms',
    floorIs: "the floor statement's median above (for scale)",
    target: 'no Seq Scan on attendance, team_session, cross_referral',
    met: forbidden.length === 0,
    note: `plan in bench/plans-issue14.md; ${forbidden.length === 0 ? 'no sequential scan over attendance, team_session, cross_referral' : `sequential scans: ${forbidden.map((l) => l.trim().replace(/\s+\(.*$/, '')).join('; ')}`}; one EXPLAIN ANALYZE run (timed with instrumentation)`,
    at: at(),
  });
  return rows;
}
