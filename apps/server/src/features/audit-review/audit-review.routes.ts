import { z } from 'zod';
import {
  auditReviewAlertQuery,
  auditReviewAlerts,
  auditReviewCitizenLookup,
  auditReviewCitizenLookupBody,
  auditReviewExportQuery,
  auditReviewPage,
  auditReviewQuery,
} from '@samkraft/contracts/audit-review';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { toCsv, toXlsx } from './audit-review-export.ts';
import { eventsForExport, listAuditEvents, lookupCitizenForReview, unusualReads } from './audit-review.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerAuditReviewRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.get('/api/audit-review/events', {
    schema: {
      tags: ['audit-review'],
      summary: "The municipality's audit events, newest first, filtered and paged by cursor (the data-protection role; the read is audited)",
      querystring: auditReviewQuery,
      response: { 200: auditReviewPage, ...errors },
    },
    handler: async (request) => listAuditEvents(ctx(request), request.query),
  });

  app.get('/api/audit-review/events/export', {
    schema: {
      tags: ['audit-review'],
      summary: 'The filtered audit events as CSV or XLSX, at most 10,000 (the data-protection role; audited)',
      querystring: auditReviewExportQuery,
      produces: ['text/csv', XLSX],
      response: { 200: z.any().describe('the file'), ...errors },
    },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { events, truncated } = await eventsForExport(ctx(request), filter);
      const bytes = format === 'csv' ? toCsv(events, truncated) : await toXlsx(events, truncated);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header('content-disposition', `attachment; filename="adgangslog.${format}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  });

  app.post('/api/audit-review/citizen-lookup', {
    schema: {
      tags: ['audit-review'],
      summary: "A CPR to a citizen of the auditor's municipality for the per-citizen filter (the CPR in the body, never in the URL; audited)",
      body: auditReviewCitizenLookupBody,
      response: { 200: auditReviewCitizenLookup, ...errors },
    },
    handler: async (request) => lookupCitizenForReview(ctx(request), request.body.cpr),
  });

  app.get('/api/audit-review/alerts', {
    schema: {
      tags: ['audit-review'],
      summary: 'Unusual reads in a period of at most a year (366 days): users reading many citizens few of whom are theirs, reads outside working hours (the data-protection role; audited)',
      querystring: auditReviewAlertQuery,
      response: { 200: auditReviewAlerts, ...errors },
    },
    handler: async (request) => unusualReads(ctx(request), request.query),
  });
}
