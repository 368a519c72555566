import type { Job } from '@samkraft/contracts/jobs';
import { report, reportRequest, type Report, type ReportFormat, type ReportParams } from '@samkraft/contracts/reports';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import type { JobHandler, JobQueue } from '../jobs/job.service.ts';
import { checkReportAccess, getReport, reportFile, type ReportFile } from './report.service.ts';

/**
 * A report as a job (a long period, many municipalities): access and the periods are checked now,
 * so a refusal or a bad period answers at once; the tables are computed off the request path.
 */
export async function submitReportJob(ctx: ServiceContext, params: ReportParams, jobs: JobQueue): Promise<Job> {
  await checkReportAccess(ctx, params);
  return jobs.submit(ctx, 'report', params);
}

/** The job's work: the report, read as `getReport` reads it, step by step reported. */
export function reportJobHandler(readDb: Db | undefined): JobHandler {
  return (ctx, work) => getReport(ctx, reportRequest.parse(work.params), 'json', readDb ?? ctx.db, work.progress);
}

/** The report a finished job computed. */
export async function getJobReport(ctx: ServiceContext, jobs: JobQueue, id: string): Promise<Report> {
  return report.parse(await jobs.result(ctx, id, 'report'));
}

/** A finished job's report as a file, audited as an export. */
export async function exportJobReport(ctx: ServiceContext, jobs: JobQueue, id: string, format: ReportFormat): Promise<ReportFile> {
  const computed = await getJobReport(ctx, jobs, id);
  await audit(ctx.db, ctx, [
    { action: 'report.export', citizenId: null, entityType: 'report', outcome: 'allowed', detail: { job: id, from: computed.period.from, to: computed.period.to, municipalities: computed.municipalities.map((m) => m.code), suppress: computed.suppressed, format } },
  ]);
  return reportFile(computed, format);
}
