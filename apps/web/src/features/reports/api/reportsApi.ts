import type { Job } from '@samkraft/contracts/jobs';
import { job } from '@samkraft/contracts/jobs';
import { type Municipality, municipality } from '@samkraft/contracts/reference';
import { report, type Report, type ReportFormat, type ReportRequest } from '@samkraft/contracts/reports';
import { z } from 'zod';
import { requestJson } from '../../../api/client.ts';

/** A report is computed as a job (it may take a while for many municipalities and years). */
export function startReportJob(request: ReportRequest): Promise<Job> {
  return requestJson('/api/reports/jobs', job, { method: 'POST', body: request });
}

export function fetchJobReport(jobId: string): Promise<Report> {
  return requestJson(`/api/reports/jobs/${encodeURIComponent(jobId)}/report`, report);
}

/** A plain GET the browser downloads (the session cookie goes with it; no CSRF for a GET): the job's report, not computed again. */
export function jobExportUrl(jobId: string, format: ReportFormat): string {
  return `/api/reports/jobs/${encodeURIComponent(jobId)}/export?format=${format}`;
}

export function fetchMemberMunicipalities(): Promise<Municipality[]> {
  return requestJson('/api/municipalities', z.array(municipality));
}
