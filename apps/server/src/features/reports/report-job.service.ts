import { reportCharts } from '@samkraft/contracts/dashboard';
import type { Job } from '@samkraft/contracts/jobs';
import { report, reportRequest, type Report, type ReportFormat, type ReportParams } from '@samkraft/contracts/reports';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import type { JobHandler, JobQueue } from '../jobs/job.service.ts';
import { chartsOfReport } from './dashboard.service.ts';
import { checkReportAccess, getReport, readForReport, reportFile, type ReportFile } from './report.service.ts';

/**
 * A report as a job (a long period, many municipalities): access and the periods are checked now,
 * so a refusal or a bad period answers at once; the tables are computed off the request path.
 */
export async function submitReportJob(ctx: ServiceContext, params: ReportParams, jobs: JobQueue): Promise<Job> {
  await checkReportAccess(ctx, params);
  return jobs.submit(ctx, 'report', params);
}

/**
 * The job's work: the report, read as `getReport` reads it, step by step reported, and beside it
 * the dashboard's panels of its period (`charts`), so the PDF's charts are not computed at download.
 */
export function reportJobHandler(readDb: Db | undefined): JobHandler {
  return async (ctx, work) => {
    const db = readDb ?? ctx.db;
    const computed = await getReport(ctx, reportRequest.parse(work.params), 'json', db, work.progress);
    return { ...computed, charts: await readForReport(db, (trx) => chartsOfReport(trx, computed)) };
  };
}

/** The report a finished job computed. */
export async function getJobReport(ctx: ServiceContext, jobs: JobQueue, id: string): Promise<Report> {
  return report.parse(await jobs.result(ctx, id, 'report'));
}

/** A finished job's report as a file, audited as an export. */
export async function exportJobReport(ctx: ServiceContext, jobs: JobQueue, id: string, format: ReportFormat): Promise<ReportFile> {
  const result = await jobs.result(ctx, id, 'report');
  const computed = report.parse(result);
  // A job from before the dashboard has no charts: its PDF draws the simple ones.
  const charts = reportCharts.safeParse((result as { charts?: unknown } | null)?.charts);
  await audit(ctx.db, ctx, [
    { action: 'report.export', citizenId: null, entityType: 'report', outcome: 'allowed', detail: { job: id, from: computed.period.from, to: computed.period.to, municipalities: computed.municipalities.map((m) => m.code), suppress: computed.suppressed, format } },
  ]);
  return reportFile(computed, format, charts.success ? charts.data : null);
}
