/**
 * `npm run bench [-- <name>…] [--no-national]`: every benchmark measures ours against its floor
 * in the same run and writes its rows to bench/results.json and bench/RESULTS.md.
 *
 * Data sets (generated once, kept between runs; see support/datasets.ts): the nine × 10 years on
 * PGlite, the whole country × 10 years on PostgreSQL (DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test), and København alone with 10,000 open courses for a
 * lead's list (database samkraft_bench_lead10k), and for issue 12's benchmarks a copy of the
 * national set with what they add (database samkraft_bench_national_10y_issue12), and for issue 13's
 * a copy with the citizen pages' records and the audit log at national volume
 * (samkraft_bench_national_10y_issue13, support/citizen-setup.ts; issue 15.4's audit review reads it
 * too, with staff sessions added, support/audit-review-setup.ts), and for issue 14.1's a copy with
 * demo-like tariffs (samkraft_bench_national_10y_issue14, settlement.bench.ts).
 * `--no-national` skips the PostgreSQL sizes.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { auditReviewBenchmark } from './audit-review.bench.ts';
import { citizenPortalBenchmark } from './citizen-portal.bench.ts';
import { extractImportBenchmark } from './extract-import.bench.ts';
import { fhirApiBenchmark } from './fhir-api.bench.ts';
import { klGatewayBenchmark } from './kl-gateway.bench.ts';
import { messagesBenchmark } from './messages.bench.ts';
import { planningBenchmark } from './planning.bench.ts';
import { reportBenchmark } from './report.bench.ts';
import { settlementBenchmark } from './settlement.bench.ts';
import { benchRoot, pgliteDataSet, postgresCopy, postgresDatabaseExists, postgresDataSet, type DataSet } from './support/datasets.ts';
import { record, ratioText, type ResultRow } from './support/results.ts';
import { startupBenchmark } from './startup.bench.ts';
import { throughputBenchmark } from './throughput.bench.ts';
import { webBundleBenchmark } from './web-bundle.bench.ts';
import { leadTenThousandBenchmark, worklistBenchmark } from './worklist.bench.ts';

const NINE_YEARS = 10;
const NATIONAL_YEARS = 10;
/**
 * A lead's list at 10,000 open courses: København alone at 12 × its national volume, the last
 * three years (the open courses are the recent ones and those stalled in the last two years).
 */
const LEAD_10K = { size: 'national', years: 3, homes: ['0101'], factor: 12, name: 'samkraft_bench_lead10k' } as const;

type Step = { name: string; run(sets: Sets): Promise<ResultRow[]> };
type Sets = {
  nine(): Promise<DataSet>;
  national(): Promise<DataSet | null>;
  issue12(): Promise<DataSet | null>;
  issue13(): Promise<DataSet | null>;
  issue14(): Promise<DataSet | null>;
  lead10k(): Promise<DataSet | null>;
  forget(set: DataSet): void;
};

function issue12Step(name: string, run: (set: DataSet) => Promise<ResultRow[]>): Step {
  return {
    name,
    async run(sets) {
      const set = await sets.issue12();
      return set ? run(set) : [];
    },
  };
}

const lastYear = { from: '2025-01-01', to: '2025-12-31' };
const yearBefore = { from: '2024-01-01', to: '2024-12-31' };
const tenYears = { from: '2016-12-01', to: '2026-11-30' };

const steps: Step[] = [
  {
    name: 'worklist',
    async run(sets) {
      const rows = await worklistBenchmark(await sets.nine(), 'nine × 10 y, PGlite');
      const national = await sets.national();
      if (national) rows.push(...(await worklistBenchmark(national, 'national × 10 y, PostgreSQL')));
      const lead10k = await sets.lead10k();
      if (lead10k) rows.push(...(await leadTenThousandBenchmark(lead10k, 'København × 12, 3 y, PostgreSQL')));
      return rows;
    },
  },
  {
    name: 'report',
    async run(sets) {
      const oneYear = { measure: 'annual report, the nine, one year (with the year before)', period: lastYear, compare: yearBefore, codes: 'members' as const, runs: 5, target: 1.5 };
      const rows = await reportBenchmark(await sets.nine(), 'nine × 10 y, PGlite', oneYear);
      const national = await sets.national();
      if (national) {
        rows.push(...(await reportBenchmark(national, 'national × 10 y, PostgreSQL', oneYear)));
        rows.push(...(await reportBenchmark(national, 'national × 10 y, PostgreSQL', { measure: 'report, all municipalities, ten years', period: tenYears, compare: null, codes: 'all', runs: 3, target: 1.5 })));
      }
      return rows;
    },
  },
  {
    name: 'throughput',
    async run(sets) {
      const national = await sets.national();
      return national ? throughputBenchmark(national, 'national × 10 y, PostgreSQL') : [];
    },
  },
  // Issue 12, on the national set's copy with its messages (issue12-setup.ts).
  issue12Step('fhir-api', (set) => fhirApiBenchmark(set, 'national × 10 y, PostgreSQL')),
  issue12Step('kl-gateway', (set) => klGatewayBenchmark(set, 'national × 10 y, PostgreSQL')),
  issue12Step('messages', (set) => messagesBenchmark(set, 'national × 10 y + 10 y of messages, PostgreSQL')),
  // Issue 13, on the national set's copy with the citizen pages' records and its audit log (citizen-setup.ts).
  {
    name: 'citizen-portal',
    async run(sets) {
      const set = await sets.issue13();
      return set ? citizenPortalBenchmark(set, 'national × 10 y + audit log, PostgreSQL') : [];
    },
  },
  // Issue 15.4 and 15.5, on issue 13's copy (its audit log at national volume) with staff sessions (audit-review-setup.ts).
  {
    name: 'audit-review',
    async run(sets) {
      const set = await sets.issue13();
      return set ? auditReviewBenchmark(set, 'national × 10 y + audit log, PostgreSQL') : [];
    },
  },
  // Issue 14.1, on the national set's copy with demo-like tariffs (settlement.bench.ts).
  {
    name: 'settlement',
    async run(sets) {
      const set = await sets.issue14();
      return set ? settlementBenchmark(set, 'national × 10 y + tariffs, PostgreSQL') : [];
    },
  },
  {
    name: 'startup',
    async run(sets) {
      // The server opens the folder itself: the bench's own handle must be closed first.
      const nine = await sets.nine();
      await nine.database.close();
      sets.forget(nine);
      return startupBenchmark(path.join(benchRoot, '.data', nine.name), 'nine × 10 y, PGlite');
    },
  },
  {
    name: 'web-bundle',
    async run() {
      return webBundleBenchmark();
    },
  },
  {
    // Issue 14.2: no data set, the model is generated from the refdata (planning.bench.ts).
    name: 'planning',
    async run() {
      return planningBenchmark();
    },
  },
  {
    name: 'extract-import',
    async run() {
      const prepared = await extractImportBenchmark.prepare();
      const rows: ResultRow[] = [];
      for (const kind of ['pglite', 'postgres'] as const) rows.push(...(await extractImportBenchmark.run(kind, prepared)));
      return rows;
    },
  },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const noNational = args.includes('--no-national');
  const only = args.filter((a) => !a.startsWith('--'));
  const selected = only.length ? steps.filter((s) => only.includes(s.name)) : steps;
  if (selected.length === 0) throw new Error(`no benchmark named ${only.join(', ')} (have: ${steps.map((s) => s.name).join(', ')})`);
  const open: DataSet[] = [];
  const once = <T extends DataSet | null>(make: () => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => (made ??= make().then((d) => (d && open.push(d), d)));
  };
  const nineOnce = () => once(() => pgliteDataSet('nine', NINE_YEARS));
  let nine = nineOnce();
  // BENCH_NATIONAL_DATABASE: another database holding the same national set (e.g. a copy, for
  // a branch whose migrations the shared one should not get yet).
  const nationalName = process.env.BENCH_NATIONAL_DATABASE ?? `samkraft_bench_national_${NATIONAL_YEARS}y`;
  const nationalOnce = () => once(() => (noNational ? Promise.resolve(null) : postgresDataSet('national', NATIONAL_YEARS, { name: nationalName })));
  let national = nationalOnce();
  const forget = (set: DataSet) => {
    open.splice(open.indexOf(set), 1);
    if (set.kind === 'pglite') nine = nineOnce();
    if (set.name === nationalName) national = nationalOnce();
  };
  // A copy of the national set for one issue's benchmarks, which add to it (so the shared set stays as generated).
  const copyOfNational = async (issue: string) => {
    if (noNational) return null;
    const name = `${nationalName}_${issue}`;
    if (!(await postgresDatabaseExists(name))) {
      const source = await national();
      if (!source) return null;
      await source.database.close();
      forget(source);
      await postgresCopy(nationalName, name);
    }
    return postgresDataSet('national', NATIONAL_YEARS, { name });
  };
  const sets: Sets = {
    nine: () => nine(),
    national: () => national(),
    // The national set with issue 12's messages and a few changes of the benchmarks' own
    // (issue12-setup.ts); with issue 13's citizen records and audit log (citizen-setup.ts).
    issue12: once(() => copyOfNational('issue12')),
    issue13: once(() => copyOfNational('issue13')),
    // The national set with the settlement's bench tariffs (settlement.bench.ts).
    issue14: once(() => copyOfNational('issue14')),
    lead10k: once(() => (noNational ? Promise.resolve(null) : postgresDataSet(LEAD_10K.size, LEAD_10K.years, { name: LEAD_10K.name, only: { homes: [...LEAD_10K.homes], factor: LEAD_10K.factor } }))),
    forget,
  };
  let postgres: string | undefined;
  try {
    for (const step of selected) {
      process.stdout.write(`\n${step.name}\n`);
      const rows = await step.run(sets);
      for (const r of rows) process.stdout.write(`  ${r.met ? 'met ' : 'MISS'} ${r.measure} [${r.size}]: ${r.ours.toFixed(1)} vs floor ${r.floor.toFixed(1)} ${r.unit} → ${ratioText(r)} (target ${r.target})\n`);
      const pg = open.find((d) => d.kind === 'postgres');
      if (pg && !postgres) postgres = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(pg.database.db)).rows[0]?.v;
      record(rows, { postgres });
    }
  } finally {
    for (const d of open) await d.database.close();
  }
  process.stdout.write('\nwritten to bench/RESULTS.md\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
