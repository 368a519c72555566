import { job, type Job } from '@samkraft/contracts/jobs';
import { extractImportResult, extractValidation, type ExtractExportScope, type ExtractImportResult, type ExtractUpload, type ExtractValidation } from '@samkraft/contracts/extracts';
import { requestJson } from '../../../api/client.ts';

export function validateExtract(body: ExtractUpload): Promise<ExtractValidation> {
  return requestJson('/api/extracts/validate', extractValidation, { method: 'POST', body });
}

/** An import runs as a job on the server (a large extract takes a while); its result is read when it has ended. */
export function startImportJob(body: ExtractUpload): Promise<Job> {
  return requestJson('/api/extracts/import-jobs', job, { method: 'POST', body });
}

export function fetchImportResult(jobId: string): Promise<ExtractImportResult> {
  return requestJson(`/api/extracts/import-jobs/${encodeURIComponent(jobId)}/result`, extractImportResult);
}

/** Export downloads are plain links (GET, cookie session), so the browser saves the file. */
export type ExportChoice = { scope: ExtractExportScope; purpose: string };

export const exportUrl = (format: 'xlsx' | 'csv', choice: ExportChoice, table?: 'referrals' | 'interventions') =>
  `/api/extracts/export?${new URLSearchParams({ format, ...(table ? { table } : {}), scope: choice.scope, purpose: choice.purpose.trim() }).toString()}`;
