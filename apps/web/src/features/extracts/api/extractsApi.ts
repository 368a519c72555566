import { extractImportResult, extractValidation, type ExtractImportResult, type ExtractUpload, type ExtractValidation } from '@samkraft/contracts/extracts';
import { requestJson } from '../../../api/client.ts';

export function validateExtract(body: ExtractUpload): Promise<ExtractValidation> {
  return requestJson('/api/extracts/validate', extractValidation, { method: 'POST', body });
}

export function importExtract(body: ExtractUpload): Promise<ExtractImportResult> {
  return requestJson('/api/extracts/import', extractImportResult, { method: 'POST', body });
}

/** Export downloads are plain links (GET, cookie session), so the browser saves the file. */
export const exportUrl = (format: 'xlsx' | 'csv', table?: 'referrals' | 'interventions') =>
  `/api/extracts/export?format=${format}${table ? `&table=${table}` : ''}`;
