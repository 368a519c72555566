import {
  auditReviewAlerts,
  auditReviewCitizenLookup,
  auditReviewPage,
  type AuditReviewAlertQuery,
  type AuditReviewAlerts,
  type AuditReviewCitizenLookup,
  type AuditReviewFilter,
  type AuditReviewPage,
} from '@samkraft/contracts/audit-review';
import { requestJson } from '../../../api/client.ts';
import { queryString } from '../utils/queryString.ts';

/** One page of the municipality's audit events, newest first. */
export function fetchAuditEvents(filter: AuditReviewFilter, before: string | null): Promise<AuditReviewPage> {
  return requestJson(`/api/audit-review/events${queryString({ ...filter, ...(before ? { before } : {}) })}`, auditReviewPage);
}

/** The export's address (a plain link: the browser downloads it with the session cookie). */
export function auditExportUrl(filter: AuditReviewFilter, format: 'csv' | 'xlsx'): string {
  return `/api/audit-review/events/export${queryString({ ...filter, format })}`;
}

/** A CPR to a citizen of the municipality: in the body, never in a URL. */
export function lookupCitizen(cpr: string): Promise<AuditReviewCitizenLookup> {
  return requestJson('/api/audit-review/citizen-lookup', auditReviewCitizenLookup, { method: 'POST', body: { cpr } });
}

export function fetchAlerts(query: AuditReviewAlertQuery): Promise<AuditReviewAlerts> {
  return requestJson(`/api/audit-review/alerts${queryString(query)}`, auditReviewAlerts);
}
