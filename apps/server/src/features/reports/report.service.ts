import type { ReportCharts } from '@samkraft/contracts/dashboard';
import type { Report, ReportFormat, ReportParams } from '@samkraft/contracts/reports';
import { audit } from '../../platform/audit/audit.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isEmbedded, type Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { deadlinesForCourses } from '../deadlines/deadline.service.ts';
import { stepCounter, type ProgressReporter } from '../jobs/job.rules.ts';
import { reportToCsv, reportToXlsx } from './report-export.ts';
import { chartsOfReport } from './dashboard.service.ts';
import { reportToPdf } from './report-pdf.ts';
import { classifyAssessmentDeadlines, completenessTable, courseLengthTable, coverageTable, indicators, indicatorTable } from './report-course-tables.rules.ts';
import { completeness, courseLengths, potentials, questionnaireAnswers } from './report-courses.repository.ts';
import { checkPeriods, covers, halfYearsOf, sourceGroups, type Period } from './report-period.rules.ts';
import { completedByHome, countByHome, countBySexAndAge, countBySource, countFlows, listMunicipalityNames, type HomeCounts } from './report-referrals.repository.ts';
import { exchangeTable, flowTable, pilotTable, sexAgeTable, sourceTables, summaryOf, summaryTable, totalsByHome, trendTable, type SummaryFigures } from './report-referral-tables.rules.ts';
import { byName, sum } from './report-table.rules.ts';
import { questionnaireTable, totalAnswers } from './report-questionnaire.rules.ts';
import { recordOf } from '@samkraft/contracts/typed';

/**
 * Reports: aggregates only, never a person. Coordinators see every municipality; a municipal lead
 * sees their own; the CLI runs as a system actor. Every report read or export is audited, and so
 * is every refusal.
 */

export type Scope = { codes: string[]; municipalities: { code: string; name: string }[] };

async function refuse(ctx: ServiceContext, action: string, reason: string, detail: Record<string, string | string[]>): Promise<never> {
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'report', outcome: 'denied', detail: { reason, ...detail } }]);
  throw AppError.forbidden(reason === 'role' ? 'Reports are for coordinators and municipal leads' : 'A municipal lead sees only their own municipality');
}

/** Checks that the actor may see the report asked for (audited when refused) and that its periods hold. */
export async function checkReportAccess(ctx: ServiceContext, params: ReportParams): Promise<void> {
  await resolveScope(ctx, params, 'report.read');
}

/** The municipalities the actor may see of those asked for (audited as `action` when refused); the periods checked. */
export async function resolveScope(ctx: ServiceContext, params: ReportParams, action: string): Promise<Scope> {
  const actor = ctx.actor;
  const requested = params.municipalities;
  if (actor.kind === 'staff' && !hasRole(actor, 'coordinator')) {
    if (!hasRole(actor, 'municipal_lead')) await refuse(ctx, action, 'role', {});
    else if (requested && requested.some((c) => c !== actor.municipalityCode)) await refuse(ctx, action, 'municipality', { requested });
  }
  const issues = checkPeriods(params);
  if (issues.length > 0) throw AppError.validation(issues);
  const own = actor.kind === 'staff' && !hasRole(actor, 'coordinator') ? [actor.municipalityCode] : undefined;
  const found = await listMunicipalityNames(ctx.db, requested ?? own);
  const unknown = (requested ?? []).filter((c) => !found.some((m) => m.code === c));
  if (unknown.length > 0) throw AppError.validation([{ field: 'municipalities', code: 'unknown_municipality', message: `unknown municipality ${unknown.join(', ')}`, params: { codes: unknown.join(', ') } }]);
  const sorted = byName(found.map((m) => ({ code: m.code, name: m.name })));
  return { codes: sorted.map((m) => m.code), municipalities: sorted };
}

type TimeFigures = {
  /** Per home municipality, over the report's period. */
  counts: HomeCounts[];
  main: SummaryFigures;
  compare: { period: Period; counts: HomeCounts[]; figures: SummaryFigures } | null;
  halfYears: { label: string; figures: SummaryFigures }[];
};

/**
 * The summary, the comparison and the trend from one grouped query per measure over the trend
 * period: its half-years, each row marked with the periods it lies in (the counts add up). A
 * comparison period outside the trend period (one after the report's) is read on its own.
 */
async function timeFigures(db: Db, period: Period, comparePeriod: Period | null, codes: readonly string[]): Promise<TimeFigures> {
  const trendPeriod = comparePeriod && comparePeriod.from < period.from ? { from: comparePeriod.from, to: period.to } : period;
  const covered = comparePeriod && covers(trendPeriod, comparePeriod) ? comparePeriod : null;
  const marks = { main: period, compare: covered };
  const [trend, completed] = [await countByHome(db, trendPeriod, codes, 'half_year', marks), await completedByHome(db, trendPeriod, codes, 'half_year', marks)];
  const counts = totalsByHome(trend.filter((c) => c.inMain));
  let compare: TimeFigures['compare'] = null;
  if (covered) {
    const compareCounts = totalsByHome(trend.filter((c) => c.inCompare));
    compare = { period: covered, counts: compareCounts, figures: summaryOf(compareCounts, completed.filter((c) => c.inCompare)) };
  } else if (comparePeriod) {
    const compareCounts = await countByHome(db, comparePeriod, codes);
    compare = { period: comparePeriod, counts: compareCounts, figures: summaryOf(compareCounts, await completedByHome(db, comparePeriod, codes)) };
  }
  const halfYears = halfYearsOf(trendPeriod).map((h) => {
    const bucket = `${h.from.slice(0, 4)}-${h.from.slice(5, 7) <= '06' ? 1 : 2}`;
    return { label: h.label, figures: summaryOf(trend.filter((c) => c.bucket === bucket), completed.filter((c) => c.bucket === bucket)) };
  });
  return { counts, main: summaryOf(counts, completed.filter((c) => c.inMain)), compare, halfYears };
}

/** The steps `compute` reports as it goes (a job's progress). */
export const REPORT_STEPS = 9;

/** Computes every table of the report inside the caller's transaction. */
async function compute(trx: Db, scope: Scope, params: ReportParams, asOf: string, step: (phase: string) => void = () => undefined): Promise<Report> {
  const period: Period = { from: params.from, to: params.to };
  const comparePeriod: Period | null = params.compareFrom && params.compareTo ? { from: params.compareFrom, to: params.compareTo } : null;
  const suppress = params.suppress ?? false;
  const { codes, municipalities } = scope;

  const { counts, main, compare, halfYears } = await timeFigures(trx, period, comparePeriod, codes);
  const compareCounts = compare?.counts ?? null;
  step('summary');
  step('trend');

  const flows = await countFlows(trx, period, codes);
  step('flows');
  const lengths = await courseLengths(trx, period, codes);
  step('course_lengths');
  const others = await listMunicipalityNames(trx, [...new Set([...flows.flatMap((f) => [f.home, f.provider]), ...lengths.map((l) => l.provider)])]);
  const names = new Map([...municipalities, ...others].map((m) => [m.code, m.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const sources = await countBySource(trx, period, codes);
  const [sourceCounts, sourceShares] = sourceTables(municipalities, sources, suppress);
  step('sources');

  // Indicator 2 reads only the initial needs assessment's deadline: the interventions are not read.
  const deadlines = await deadlinesForCourses(trx, { kind: 'received', from: period.from, to: period.to, homes: codes }, asOf, { only: 'course_own' });
  step('deadlines');
  const answersByHome = await questionnaireAnswers(trx, period, codes);
  const indicatorInput = {
    referred: main.referred,
    compareReferred: compare ? compare.figures.referred : null,
    referredOn: sum(counts.map((c) => c.referredOn)),
    compareReferredOn: compareCounts ? sum(compareCounts.map((c) => c.referredOn)) : null,
    bySource: recordOf(sourceGroups, (s) => sum(sources.filter((x) => x.source === s).map((x) => x.referrals))),
    deadlines: classifyAssessmentDeadlines([...deadlines.values()]),
    answers: totalAnswers(answersByHome),
  };
  const indicatorList = indicators(indicatorInput, suppress);
  const potentialRows = await potentials(trx, codes, Number(period.from.slice(0, 4)));
  step('indicators');
  const sexAge = await countBySexAndAge(trx, period, codes);
  step('sex_age');
  const completenessRows = await completeness(trx, period, codes);
  step('completeness');

  return {
    period,
    comparePeriod,
    municipalities,
    suppressed: suppress,
    asOf,
    indicators: indicatorList,
    tables: [
      summaryTable(period, main, compare && { period: compare.period, figures: compare.figures }, suppress),
      trendTable(halfYears, suppress),
      exchangeTable(municipalities, counts, flows, suppress),
      flowTable(municipalities, flows, nameOf, suppress),
      sexAgeTable(municipalities, sexAge, suppress),
      sourceCounts,
      sourceShares,
      courseLengthTable(lengths, nameOf, suppress),
      pilotTable(municipalities, counts, suppress),
      indicatorTable(indicatorList, indicatorInput, suppress),
      questionnaireTable(municipalities, answersByHome, suppress),
      coverageTable(municipalities, (code) => counts.find((c) => c.home === code)?.referred ?? 0, potentialRows, period, suppress),
      completenessTable(municipalities, completenessRows, period, suppress),
    ],
  };
}

function auditDetail(params: ReportParams, scope: Scope, format: string) {
  return { from: params.from, to: params.to, compareFrom: params.compareFrom ?? null, compareTo: params.compareTo ?? null, municipalities: scope.codes, suppress: params.suppress ?? false, format };
}

/**
 * Runs the report's reads: on a server in one read-only snapshot (every table sees the same
 * records, and nobody waits for it); on the embedded database statement by statement, so other
 * requests answer between the report's queries instead of after the whole report.
 */
export async function readForReport<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  if (isEmbedded(db)) return fn(db);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
}

/** The report as data (JSON); `progress` hears of each step done (of REPORT_STEPS). */
export async function getReport(ctx: ServiceContext, params: ReportParams, format = 'json', readDb: Db = ctx.db, progress?: ProgressReporter): Promise<Report> {
  const scope = await resolveScope(ctx, params, format === 'json' ? 'report.read' : 'report.export');
  const asOf = danishDate(ctx.clock.now());
  const computed = await readForReport(readDb, (db) => compute(db, scope, params, asOf, stepCounter(progress, REPORT_STEPS)));
  await audit(ctx.db, ctx, [{ action: format === 'json' ? 'report.read' : 'report.export', citizenId: null, entityType: 'report', outcome: 'allowed', detail: auditDetail(params, scope, format) }]);
  return computed;
}

export type ReportFile = { bytes: Buffer; contentType: string; filename: string };

/** The report as a file: XLSX (one sheet per table), CSV (;) or PDF (tables and charts). */
export async function exportReport(ctx: ServiceContext, params: ReportParams, format: ReportFormat, readDb: Db = ctx.db): Promise<ReportFile> {
  const computed = await getReport(ctx, params, format, readDb);
  return reportFile(computed, format, format === 'pdf' ? await readForReport(readDb, (db) => chartsOfReport(db, computed)) : null);
}

/** `charts`: the dashboard's panels of the report's period, drawn in the PDF. */
export async function reportFile(report: Report, format: ReportFormat, charts: ReportCharts | null = null): Promise<ReportFile> {
  const filename = `rapport-${report.period.from}-${report.period.to}.${format}`;
  switch (format) {
    case 'xlsx':
      return { bytes: await reportToXlsx(report), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
    case 'csv':
      return { bytes: Buffer.from(reportToCsv(report), 'utf8'), contentType: 'text/csv; charset=utf-8', filename };
    case 'pdf':
      return { bytes: await reportToPdf(report, charts), contentType: 'application/pdf', filename };
  }
}
