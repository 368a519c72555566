import { type Municipality, municipality } from '@samkraft/contracts/reference';
import { report, type Report, type ReportFormat, type ReportQuery } from '@samkraft/contracts/reports';
import { z } from 'zod';
import { requestJson } from '../../../api/client.ts';
import { reportSearch } from '../utils/reportParams.ts';

export function fetchReport(query: ReportQuery): Promise<Report> {
  return requestJson(`/api/reports${reportSearch(query)}`, report);
}

/** A plain GET the browser downloads (the session cookie goes with it; no CSRF for a GET). */
export function reportExportUrl(query: ReportQuery, format: ReportFormat): string {
  return `/api/reports/export${reportSearch(query, format)}`;
}

export function fetchMemberMunicipalities(): Promise<Municipality[]> {
  return requestJson('/api/municipalities', z.array(municipality));
}
